import { type IsoDate, type Period, periodOf, shiftPeriod } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { parseDeadlineText } from '../excel/values/deadlines';
import type { Ledger } from '../ledger';
import type { ProgressState } from '../progress/model';
import type { Task } from '../tasks/model';
import { demoLetters } from './documents';
import { demoAccountability, demoMeeting, demoVisit, MEETING_FINDING, VISIT_FINDINGS } from './follow-up';
import { DEMO_PETITION_COUNT, demoPetitions } from './petitions';
import { DEMO_MEASURES, DEMO_TASKS, type DemoTask } from './tasks';
import { DEMO_UNITS } from './units';

/**
 * A living ledger for a newcomer, modelled on the work the glossary describes (docs/glossary.md): one round of feedback from the
 * central ecological and environmental protection inspection, the units it concerns, its fourteen
 * tasks, six months of progress reports up to last month (the month being collected: two units
 * still owe it), petition cases, a visit, a meeting, an accountability case and the letters the office sent. Written
 * through the services, as a user would, so everything is validated, numbered and audited.
 */
export interface DemoSummary {
  readonly units: number;
  readonly tasks: number;
  readonly petitions: number;
}

/** Units that have not yet reported the month being collected, so the dashboard has someone to chase. */
const LATE_UNITS = ['林草局', '西岭市'];
const MONTHS_REPORTED = 6;

class DemoFailed extends Error {
  constructor(readonly result: Result<never>) {
    super('demo');
  }
}

/** The value of a service call, or out of the seeding with its error. */
function must<T>(result: Result<T>): T {
  if (!result.ok) throw new DemoFailed(result);
  return result.value;
}

function stateOf(task: Task, month: number): ProgressState {
  if (task.status === 'completed' || task.status === 'closed') return month === MONTHS_REPORTED - 1 ? 'completed' : 'on_track';
  if (task.status === 'pending') return 'not_started';
  return (Number(task.number) + month) % 4 === 0 ? 'behind' : 'on_track';
}

function seedTasks(ledger: Ledger, unitIdOf: (name: string) => number, inspectionId: number): Task[] {
  const measureIds = new Map(DEMO_MEASURES.map((m) => [m.number, must(ledger.measures.create({ ...m, inspectionId })).id]));
  return DEMO_TASKS.map((demo: DemoTask) => {
    const task = must(
      ledger.tasks.create({
        inspectionId,
        number: demo.number,
        problem: demo.problem,
        goal: demo.goal,
        responsibleLeader: demo.leader,
        deadline: parseDeadlineText(demo.deadline)!.deadline,
        status: demo.status === 'closed' ? 'completed' : demo.status,
        leadUnitIds: demo.lead.map(unitIdOf),
        cooperatingUnitIds: (demo.cooperating ?? []).map(unitIdOf),
        measureIds: demo.measures.map((n) => measureIds.get(n)!),
      }),
    );
    return task;
  });
}

function seedProgress(ledger: Ledger, tasks: readonly Task[], today: IsoDate, unitIdOf: (name: string) => number): void {
  // Offices collect a month early in the next: the demo's last reports are last month's.
  const collected = shiftPeriod(periodOf(today), -1);
  const late = new Set(LATE_UNITS.map(unitIdOf));
  for (let month = 0; month < MONTHS_REPORTED; month++) {
    const period: Period = shiftPeriod(collected, month - MONTHS_REPORTED + 1);
    for (const task of tasks) {
      for (const unitId of task.leadUnitIds) {
        if (period === collected && late.has(unitId)) continue;
        const state = stateOf(task, month);
        must(
          ledger.progress.submit({
            taskId: task.id,
            unitId,
            period,
            state,
            progress: `${period.replace('-', '年')}月，${state === 'behind' ? '受资金和审批影响，部分工程进度滞后于计划。' : '按整改方案有序推进，完成本月既定工作。'}`,
            problems: state === 'behind' ? '项目资金缺口较大，审批周期长。' : '',
            nextSteps: '加强调度，确保按期完成整改任务。',
            reporter: '联络员',
            reporterPhone: '0471-6940000',
            reportedOn: `${period}-25`,
          }),
        );
      }
    }
  }
}

/** Tasks the list marks closed are closed as a user would: request, check, evidence, approval. */
function closeOut(ledger: Ledger, tasks: readonly Task[], today: IsoDate): void {
  const closing = DEMO_TASKS.filter((t) => t.status === 'closed').map((t) => tasks.find((task) => task.number === t.number)!);
  for (const task of closing) {
    const request = must(ledger.closeOuts.request({ taskId: task.id, requestedOn: today, requestedBy: '牵头单位', requestNote: '整改任务已完成，申请销号。' }));
    must(
      ledger.evidence.add({
        ownerKind: 'close_out',
        ownerId: request.id,
        fileName: `第${task.number}项整改完成情况说明.txt`,
        mediaType: 'text/plain',
        bytes: new TextEncoder().encode(`第${task.number}项整改任务完成情况说明\n\n${task.problem}\n\n经核查，整改已完成。`),
      }),
    );
    must(ledger.closeOuts.check(request.id, { on: today, by: '督察整改办', note: '材料齐全，现场核查属实。' }));
    must(ledger.closeOuts.approve(request.id, { on: today, by: '派驻纪检监察组', note: '同意销号。' }));
  }
}

function seedFollowUp(ledger: Ledger, tasks: readonly Task[], today: IsoDate, unitIdOf: (name: string) => number): void {
  const taskNumbered = (n: string) => tasks.find((t) => t.number === n)!;
  const visit = must(ledger.siteVisits.create(demoVisit(today, unitIdOf('东川市'), [taskNumbered('1').id, taskNumbered('9').id])));
  VISIT_FINDINGS.forEach((finding, i) =>
    must(
      ledger.findings.create({
        origin: { source: 'visit', siteVisitId: visit.id },
        taskId: taskNumbered(i === 0 ? '1' : '9').id,
        unitId: unitIdOf('东川市'),
        reportedOn: visit.visitedOn,
        ...finding,
      }),
    ),
  );
  const meeting = must(ledger.meetings.create(demoMeeting(today, unitIdOf('发展改革委'))));
  must(
    ledger.findings.create({
      origin: { source: 'meeting', meetingId: meeting.id },
      description: MEETING_FINDING,
      reportedTo: '驻在单位党组',
      reportedOn: meeting.heldOn,
    }),
  );
  const petition = must(ledger.petitions.list({ unitId: unitIdOf('西岭市'), pollutionKind: 'ecology', limit: 1 })).rows[0];
  must(ledger.accountability.create(demoAccountability(today, petition!.id, unitIdOf('林草局'))));
}

function seedLetters(ledger: Ledger, tasks: readonly Task[], today: IsoDate, unitIdOf: (name: string) => number): void {
  // As the ledger stands now: a task its units reported completed is not written as late.
  const standing = tasks.map((task) => must(ledger.tasks.get(task.id)));
  for (const { draft, reply } of demoLetters(standing, today, ledger.documents.office(), unitIdOf)) {
    const issued = must(ledger.documents.issue(draft));
    if (reply) must(ledger.documents.reply(issued.id, reply));
  }
}

export function seedDemo(ledger: Ledger): Result<DemoSummary> {
  const today = ledger.context.today();
  try {
    const unitIds = new Map(DEMO_UNITS.map((input) => [input.shortName!, must(ledger.units.create(input)).id]));
    const unitIdOf = (name: string): number => unitIds.get(name)!;
    const inspection = must(
      ledger.inspections.create({
        name: '第二轮第六批中央生态环境保护督察',
        batch: '第六批',
        feedbackDate: '2023-06-12',
        notes: '督察组向自治区反馈督察意见，自治区印发整改方案。',
      }),
    );
    const tasks = seedTasks(ledger, unitIdOf, inspection.id);
    seedProgress(ledger, tasks, today, unitIdOf);
    closeOut(ledger, tasks, today);
    for (const petition of demoPetitions(unitIdOf, '2023-06-06' as IsoDate)) must(ledger.petitions.create(petition));
    seedFollowUp(ledger, tasks, today, unitIdOf);
    seedLetters(ledger, tasks, today, unitIdOf);
    return ok({ units: unitIds.size, tasks: tasks.length, petitions: DEMO_PETITION_COUNT });
  } catch (error) {
    if (error instanceof DemoFailed) return error.result;
    throw error;
  }
}
