import { method } from './define';
import { type Meeting, meetingInput } from '../core/meetings/model';
import { kept, none } from './common';
export * from '../core/meetings/model';

export const meetings = {
  list: method(none).returns<Meeting[]>(),
  ...kept(meetingInput).returns<Meeting>(),
};
