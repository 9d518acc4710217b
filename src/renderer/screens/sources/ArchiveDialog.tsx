import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveOutcome } from '../../../contract/archive';
import type { Inspection } from '../../../contract/inspections';
import type { DubanError } from '../../../shared/errors';
import { useSession } from '../../api/session';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { Dialog } from '../../components/Dialog';
import { FieldFrame } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';

/** Beside the live ledger, named after the round: 第一轮督察-归档.duban. */
function suggestedPath(ledgerPath: string | null, round: string, suffix: string): string {
  const folder = ledgerPath?.replace(/[\\/][^\\/]*$/, '') ?? '';
  const separator = ledgerPath?.includes('\\') ? '\\' : '/';
  return `${folder}${separator}${round.replace(/[\\/:*?"<>|]/g, '')}-${suffix}.duban`;
}

/** What archiving moves, in counts that are not nought. */
function MovesList({ moves }: { moves: Readonly<Record<string, number>> }) {
  const { t } = useTranslation('sources');
  return (
    <ul className="archive-moves">
      {Object.entries(moves)
        .filter(([, count]) => count > 0)
        .map(([table, count]) => (
          <li key={table}>{t(`archive.parts.${table}`, { count })}</li>
        ))}
    </ul>
  );
}

/**
 * 归档本轮督察: what will move and where, the administrator's password (the archive opens with it),
 * and the outcome with the archive's own recovery key. A round with open work says what is open.
 */
export function ArchiveDialog({ inspection, onClose }: { inspection: Inspection; onClose: () => void }) {
  const { t } = useTranslation('sources');
  const { status } = useSession();
  const change = useContractMutation();
  const preview = useContractQuery('archive', 'preview', [inspection.id]);
  const [out, setOut] = useState(() => suggestedPath(status.path, inspection.name, t('archive.fileSuffix')));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<DubanError | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ArchiveOutcome | null>(null);
  const open = preview.data?.open ?? null;

  const run = async (): Promise<void> => {
    setBusy(true);
    const done = await change.archive.run({ inspectionId: inspection.id, out: out.trim(), password });
    setBusy(false);
    setError(done.ok ? null : done.error);
    if (done.ok) setOutcome(done.value);
  };

  if (outcome)
    return (
      <Dialog title={t('archive.doneTitle')} open onClose={onClose} wide>
        <p role="status">{t('archive.done', { name: inspection.name, path: outcome.path })}</p>
        <MovesList moves={outcome.moved} />
        <p>{t('archive.recoveryKey')}</p>
        <code className="recovery-key__value" data-testid="archive-recovery-key">
          {outcome.recoveryKey}
        </code>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" autoFocus onClick={onClose}>
            {t('archive.close')}
          </button>
        </div>
      </Dialog>
    );

  return (
    <Dialog title={t('archive.title', { name: inspection.name })} open onClose={onClose} wide>
      <ErrorNotice error={preview.error} />
      {open && (
        <div className="notice notice--warn">
          {t('archive.open', { tasks: open.tasks, numbers: open.taskNumbers.join(t('archive.listSeparator')) || '—', petitionCases: open.petitionCases })}
        </div>
      )}
      {preview.data && !open && (
        <>
          <p>{t('archive.explain')}</p>
          <MovesList moves={preview.data.moves} />
          <p className="field__hint">{t('archive.stays')}</p>
          <FieldFrame label={t('archive.out')} hint={t('archive.outHint')} required wide>
            {(control) => <input {...control} value={out} onChange={(e) => setOut(e.target.value)} />}
          </FieldFrame>
          <FieldFrame label={t('archive.password')} hint={t('archive.passwordHint')} required wide>
            {(control) => <input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </FieldFrame>
          <ErrorNotice error={error} />
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('app:actions.cancel')}
        </button>
        {preview.data && !open && (
          <button type="button" className="button button--primary" disabled={busy || password === '' || out.trim() === ''} onClick={() => void run()}>
            {busy ? t('archive.running') : t('archive.confirm')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
