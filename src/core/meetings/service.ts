import type { Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { checkReferences, found, fromRow, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import { rowsReferring } from '../references';
import type { Reader } from '../storage/database';
import { type Meeting, type MeetingInput, meetingInput } from './model';

export function loadMeeting(db: Reader, id: number): Meeting | undefined {
  const row = db.get<Row>('SELECT * FROM meetings WHERE id = ?', [id]);
  return row ? fromRow<Meeting>(row) : undefined;
}

export const listMeetings = (db: Reader): Meeting[] => db.all<Row>('SELECT * FROM meetings ORDER BY held_on DESC, id DESC').map((row) => fromRow<Meeting>(row));

const MEETING: RecordSpec<Meeting, typeof meetingInput> = {
  entity: 'meeting',
  table: 'meetings',
  schema: meetingInput,
  load: loadMeeting,
  check: (tx, meeting) => checkReferences(tx, [['unitId', 'units', meeting.unitId]]),
};

export function meetingService(ctx: LedgerContext) {
  return {
    list: () => listMeetings(ctx.db),
    get: (id: number): Result<Meeting> => found('meeting', id, loadMeeting(ctx.db, id)),
    create: (input: MeetingInput) => saveRecord(ctx, MEETING, null, input),
    update: (id: number, input: MeetingInput) => saveRecord(ctx, MEETING, id, input),
    /** Its findings would cascade away with the meeting: a meeting with findings is kept. */
    remove: (id: number) =>
      removeUnlessUsed(ctx, 'meeting', 'meetings', id, loadMeeting, (db) => rowsReferring(db, [{ table: 'findings', column: 'meeting_id' }], id)),
  };
}

export type MeetingService = ReturnType<typeof meetingService>;
