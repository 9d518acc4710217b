import { addDays, type IsoDate } from '../../shared/dates';
import { type DocumentDraft, type OfficeProfile, replyDueFor } from '../documents/model';
import { FINISHED_STATUSES, isOverdue, type TaskDetail } from '../tasks/model';

/**
 * The demo's register (发文登记), dated back from the day the demo is made: a notice to the resident
 * unit, answered; a reminder to the lead unit of tasks overdue, now late itself; a supervision sheet,
 * still within its time. Each asks for a reply within the office's period.
 */
export interface DemoLetter {
  readonly draft: DocumentDraft;
  /** The reply that came, if one did. */
  readonly reply: { readonly repliedOn: IsoDate; readonly replyText: string } | null;
}

const NOTICE_REPLY = '已召开党组会议专题研究，逐项制定整改措施，明确责任领导和完成时限，整改方案已报送驻在单位党组。';

export function demoLetters(tasks: readonly TaskDetail[], today: IsoDate, office: OfficeProfile, unitIdOf: (name: string) => number): DemoLetter[] {
  const letter = (docType: string, recipientUnitId: number, issuedOn: IsoDate, keep: (task: TaskDetail) => boolean): DocumentDraft => ({
    docType,
    recipientUnitId,
    taskIds: tasks.filter((task) => task.leadUnitIds.includes(recipientUnitId) && keep(task)).map((task) => task.id),
    issuedOn,
    replyDue: replyDueFor(office, issuedOn),
  });
  const open = (task: TaskDetail): boolean => !FINISHED_STATUSES.includes(task.status);
  const noticedOn = addDays(today, -(office.replyDays + 20));
  const remindedOn = addDays(today, -(office.replyDays + 10));
  const overdue = (task: TaskDetail): boolean => isOverdue(task, remindedOn);
  const late = tasks.find(overdue)?.leadUnitIds[0];
  return [
    { draft: letter('notice', unitIdOf('发展改革委'), noticedOn, open), reply: { repliedOn: addDays(noticedOn, 6), replyText: NOTICE_REPLY } },
    ...(late === undefined ? [] : [{ draft: letter('reminder', late, remindedOn, overdue), reply: null }]),
    { draft: letter('supervision', unitIdOf('林草局'), addDays(today, -5), open), reply: null },
  ];
}
