import type { Period } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import { type CompositionRequest, FROM_TEMPLATE } from '../documents/compose';
import { loadOffice } from '../documents/catalogue';
import { addressLetters } from '../documents/group-letters';
import { missingReports } from '../progress/service';
import type { Reader } from '../storage/database';
import { type ReportChaseRequest, reportChaseRequest } from './model';

/**
 * 催报: one reminder to each unit chosen that still owes reports for the month, listing the tasks it
 * has not reported on, written from the office's 催报 template and marked with the month. A unit
 * chosen that owes nothing gets no letter; choosing only such units is refused. Asked to, the tasks
 * given to a group go in one letter to the group instead (addressLetters).
 */
export function reportChaseRequests(db: Reader, input: ReportChaseRequest): Result<CompositionRequest[]> {
  const valid = validate(reportChaseRequest, input);
  if (!valid.ok) return valid;
  const { unitIds, dates, toGroups } = valid.value;
  const period = valid.value.period as Period;
  const office = loadOffice(db);
  const owing = missingReports(db, period).filter((m) => unitIds.includes(m.unit.id));
  if (owing.length === 0) return invalid('unitIds', 'no_reports_owed');
  const letters = owing.map(({ unit, tasks }) => ({ unitId: unit.id, taskIds: tasks.map((task) => task.id) }));
  return ok(
    addressLetters(db, letters, toGroups).map(({ recipient, taskIds }) => ({
      docType: 'reminder',
      templateId: office.reportChaseTemplateId,
      recipient,
      taskIds,
      issuedOn: dates.issuedOn,
      replyDue: dates.replyDue,
      ...FROM_TEMPLATE,
      reportPeriod: period,
      monthReported: null,
    })),
  );
}
