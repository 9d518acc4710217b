import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContractQuery } from '../../api/useContract';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { OfficeCard } from './OfficeCard';
import { TemplateEditor } from './TemplateEditor';
import { TypesCard } from './TypesCard';

/** Templates, types and numbering, and the office's details: what documents are written from. */
export function Templates() {
  const { t } = useTranslation('documents');
  const templates = useContractQuery('documents', 'templates', []);
  const types = useContractQuery('documents', 'types', [{ includeArchived: true }]);
  const office = useContractQuery('documents', 'office', []);
  const [chosen, setChosen] = useState<number | 'new' | null>(null);
  const list = templates.data?.templates ?? [];
  const current = chosen === 'new' ? null : (list.find((x) => x.id === chosen) ?? list[0] ?? null);

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        actions={
          <Link className="button" to="/documents">
            {t('issue.toRegister')}
          </Link>
        }
      />
      <ErrorNotice error={templates.error ?? types.error ?? office.error} />
      <div className="tabs" role="tablist" aria-label={t('templates.title')}>
        {list.map((template) => (
          <button
            key={template.id}
            type="button"
            role="tab"
            aria-selected={current?.id === template.id && chosen !== 'new'}
            className={`tab${current?.id === template.id && chosen !== 'new' ? ' tab--active' : ''}`}
            onClick={() => setChosen(template.id)}
          >
            {template.name}
          </button>
        ))}
        <button
          type="button"
          role="tab"
          aria-selected={chosen === 'new'}
          className={`tab${chosen === 'new' ? ' tab--active' : ''}`}
          onClick={() => setChosen('new')}
        >
          {t('templates.add')}
        </button>
      </div>
      {templates.data && office.data && (
        <TemplateEditor
          key={chosen === 'new' ? 'new' : `${current?.id}:${current?.updatedAt}`}
          template={chosen === 'new' ? null : current}
          fields={templates.data.fields}
          office={office.data}
          onSaved={(saved) => setChosen(saved.id)}
          onRemoved={() => setChosen(null)}
        />
      )}
      <div className="cards">
        {types.data && templates.data && <TypesCard types={types.data} templates={list} />}
        {office.data && <OfficeCard key={JSON.stringify(office.data)} office={office.data} />}
      </div>
    </>
  );
}
