import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PackageChecked, PackageFile } from '../../../contract/rollup';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation } from '../../api/useContract';
import { FieldFrame } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { PackageRows } from './PackageRows';

const ACCEPT = '.dubanreport';

const changes = (row: PackageChecked): boolean => row.ok && ['added', 'replaced'].includes(row.outcome ?? row.check.outcome);

/** A package that would change something, by a known group or one whose fingerprint the office confirmed. */
const takeable = (row: PackageChecked, confirmed: ReadonlySet<string>): boolean =>
  row.ok && changes(row) && (row.check.key === 'known' || (row.check.key === 'new' && confirmed.has(row.check.fingerprint)));

/**
 * 导入报送包: the files and the passphrase the offices agreed; each package's group, month and key
 * fingerprint are shown first — a group's first package is taken only once the office has checked
 * its fingerprint with the group — then the confirmed ones are taken.
 */
export function RollupImport() {
  const { t } = useTranslation('rollup');
  const api = useContractMutation();
  const [files, setFiles] = useState<PackageFile[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [rows, setRows] = useState<PackageChecked[] | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [taken, setTaken] = useState<PackageChecked[] | null>(null);
  const [error, setError] = useState<DubanError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    await work();
    setBusy(false);
  };
  const check = () =>
    run(async () => {
      setTaken(null);
      const checked = await api.rollup.check({ files, passphrase });
      setRows(checked.ok ? checked.value : null);
      if (!checked.ok) setError(checked.error);
    });
  const accept = () =>
    run(async () => {
      const accepted = await api.rollup.accept({ files, passphrase, confirmed: [...confirmed] });
      if (accepted.ok) setTaken(accepted.value);
      else setError(accepted.error);
    });
  const toggle = (fingerprint: string, on: boolean): void =>
    setConfirmed((before) => {
      const next = new Set(before);
      if (on) next.add(fingerprint);
      else next.delete(fingerprint);
      return next;
    });

  const done = taken?.filter(changes).length ?? 0;
  return (
    <>
      <PageHeader
        title={t('import.title')}
        actions={
          <Link to="/" className="button">
            {t('back')}
          </Link>
        }
      />
      <Section title={t('import.choose')}>
        <p className="section__intro">{t('import.intro')}</p>
        <form
          className="form form--grid"
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <FieldFrame label={t('import.files')}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept={ACCEPT}
                multiple
                disabled={busy}
                onChange={(event) => {
                  const chosen = [...(event.target.files ?? [])];
                  setRows(null);
                  setTaken(null);
                  void Promise.all(chosen.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))).then(setFiles);
                }}
              />
            )}
          </FieldFrame>
          <FieldFrame label={t('import.passphrase')} hint={t('import.passphraseHint')}>
            {(control) => <input {...control} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
          </FieldFrame>
          <div className="form__actions field--wide">
            <button type="submit" className="button button--primary" disabled={busy || files.length === 0 || passphrase === ''}>
              {t('import.check')}
            </button>
          </div>
        </form>
      </Section>
      <ErrorNotice error={error} />
      {rows && (
        <Section title={t('import.checked')}>
          <PackageRows rows={taken ?? rows} confirmed={confirmed} onConfirm={taken ? undefined : toggle} />
          {taken ? (
            <InfoNotice>{t('import.done', { count: done })}</InfoNotice>
          ) : (
            <div className="form__actions commission-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || !rows.some((row) => takeable(row, confirmed))}
                onClick={() => void accept()}
              >
                {t('import.accept')}
              </button>
            </div>
          )}
        </Section>
      )}
    </>
  );
}
