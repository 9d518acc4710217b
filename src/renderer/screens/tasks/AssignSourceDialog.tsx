import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../contract/inspections';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation } from '../../api/useContract';
import { Dialog } from '../../components/Dialog';
import { FieldFrame } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';

/** Puts the tasks ticked in the ledger under one source, with their sub-tasks and measures without a source. */
export function AssignSourceDialog({
  taskIds,
  inspections,
  onClose,
  onAssigned,
}: {
  taskIds: readonly number[];
  inspections: readonly Inspection[];
  onClose: () => void;
  onAssigned: () => void;
}) {
  const { t } = useTranslation('tasks');
  const tasks = useContractMutation().tasks;
  const toast = useToast();
  const [inspectionId, setInspectionId] = useState<number | null>(inspections.length === 1 ? inspections[0]!.id : null);
  const [error, setError] = useState<DubanError | null>(null);
  const [busy, setBusy] = useState(false);
  const source = inspections.find((i) => i.id === inspectionId);

  const assign = async (): Promise<void> => {
    if (inspectionId === null) return;
    setBusy(true);
    const done = await tasks.assignSource({ taskIds: [...taskIds], inspectionId });
    setBusy(false);
    if (!done.ok) return setError(done.error);
    toast(t('assign.done', { count: done.value.tasks, source: source?.name ?? '' }));
    onAssigned();
  };

  return (
    <Dialog title={t('assign.title')} open onClose={onClose}>
      <p>{t('assign.intro', { count: taskIds.length })}</p>
      <FieldFrame label={t('fields.inspectionId')} required hint={inspections.length === 0 ? t('assign.noSources') : undefined}>
        {(control) => (
          <select {...control} value={inspectionId ?? ''} onChange={(e) => setInspectionId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('assign.choose')}</option>
            {inspections.map((inspection) => (
              <option key={inspection.id} value={inspection.id}>
                {inspection.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <ErrorNotice error={error} />
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('app:actions.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={busy || inspectionId === null} onClick={() => void assign()}>
          {t('assign.confirm', { count: taskIds.length })}
        </button>
      </div>
    </Dialog>
  );
}
