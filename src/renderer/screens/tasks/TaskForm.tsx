import { useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type Task, TASK_STATUSES } from '../../../contract/tasks';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { ErrorNotice } from '../../components/Notice';
import { FormPage } from '../../components/FormPage';
import { Section } from '../../components/Section';
import { SelectInput, TextArea, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { MeasureDialog } from '../../components/MeasureDialog';
import { DeadlineInput } from './DeadlineInput';
import { MeasurePicker, UnitPicker } from './TaskPickers';
import { TaskSearchPicker } from '../../components/tasks/TaskSearchPicker';
import { newTaskValues, taskForm, taskInputOf, type TaskFormValues } from './taskValues';

/** /tasks/new (?parent=ID for a sub-task) and /tasks/:id/edit: loads what the form starts from. */
export function TaskFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const taskId = id ? Number(id) : null;
  const parentId = Number(params.get('parent')) || null;
  const task = useContractQuery('tasks', 'get', taskId ? [taskId] : null);
  const wanted = taskId ? task.data?.parentId : parentId;
  const parent = useContractQuery('tasks', 'get', wanted ? [wanted] : null);
  if (task.error || parent.error) return <ErrorNotice error={task.error ?? parent.error} />;
  // A new task waits for nothing; a task's form waits for the task and, for a sub-task, its parent.
  if ((taskId && !task.data) || (wanted && !parent.data)) return null;
  return <TaskForm key={`${taskId}:${parentId}`} task={task.data ?? null} parent={(wanted && parent.data) || null} />;
}

/**
 * A task's every field, checked as the user types by the core's own rules. What was typed is kept
 * (also across a lock) until it is saved; a failed save leaves it all in place.
 */
function TaskForm({ task, parent }: { task: Task | null; parent: Task | null }) {
  const { t } = useTranslation('tasks');
  const tasks = useContractMutation().tasks;
  const toast = useToast();
  const navigate = useNavigate();
  const form = useForm(taskForm, task ? taskInputOf(task) : newTaskValues(parent), `task:${task?.id ?? `new:${parent?.id ?? ''}`}`);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const groups = useContractQuery('unitGroups', 'list', []);
  const inspections = useContractQuery('inspections', 'list', []);
  const measures = useContractQuery('measures', 'list', []);
  const [newMeasure, setNewMeasure] = useState<string | null>(null);
  const closed = task?.status === 'closed';

  const save = async (_: TaskFormValues, checked: z.output<typeof taskForm>) => {
    const saved = task ? await tasks.update(task.id, checked) : await tasks.create(checked);
    if (saved.ok) {
      toast(t(task ? 'form.saved' : 'form.created', { number: saved.value.number }));
      navigate(`/tasks/${saved.value.id}`, { replace: true });
    }
    return saved;
  };

  const title = task ? t('form.editTitle', { number: task.number }) : parent ? t('form.newSubTitle', { number: parent.number }) : t('form.newTitle');
  return (
    <>
      <FormPage
        list={{ to: '/tasks', label: t('ledger.title') }}
        back={task ? `/tasks/${task.id}` : parent ? `/tasks/${parent.id}` : '/tasks'}
        title={title}
        form={form}
        save={save}
      >
        <Section title={t('form.what')}>
          <div className="form form--grid">
            <SelectInput
              form={form}
              name="inspectionId"
              label={t('fields.inspectionId')}
              wide
              empty={t('noSource')}
              options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            />
            <TextInput form={form} name="number" label={t('fields.number')} required autoFocus hint={t('form.numberHint')} />
            <TaskSearchPicker form={form} name="parentId" label={t('fields.parentId')} hint={t('form.parentHint')} exclude={task?.id} />
            <TextArea form={form} name="problem" label={t('fields.problem')} required rows={4} />
            <TextArea form={form} name="goal" label={t('fields.goal')} rows={3} />
          </div>
        </Section>
        <Section title={t('form.who')}>
          <div className="form form--grid">
            <UnitPicker form={form} name="leadUnitIds" units={units.data ?? []} groups={groups.data ?? []} required hint={t('form.leadHint')} />
            <UnitPicker form={form} name="cooperatingUnitIds" units={units.data ?? []} groups={groups.data ?? []} />
            <DeadlineInput form={form} />
            <TextInput form={form} name="responsibleLeader" label={t('fields.responsibleLeader')} />
            <SelectInput
              form={form}
              name="status"
              label={t('fields.status')}
              required
              hint={closed ? t('form.closedHint') : t('form.statusHint')}
              options={TASK_STATUSES.filter((s) => closed || s !== 'closed').map((s) => ({ value: s, label: t(`common:enums.taskStatus.${s}`) }))}
            />
          </div>
        </Section>
        <Section title={t('form.how')}>
          <div className="form form--grid">
            <MeasurePicker form={form} measures={measures.data ?? []} onCreate={setNewMeasure} />
            <TextArea form={form} name="notes" label={t('fields.notes')} rows={2} />
          </div>
        </Section>
      </FormPage>
      {newMeasure !== null && (
        <MeasureDialog
          measure={null}
          initial={{ content: newMeasure, inspectionId: form.values.inspectionId }}
          inspections={inspections.data ?? []}
          onClose={() => setNewMeasure(null)}
          onSaved={(measure) => {
            setNewMeasure(null);
            form.set('measureIds', [...(form.values.measureIds ?? []), measure.id]);
          }}
        />
      )}
    </>
  );
}
