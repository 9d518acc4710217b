import { method } from './define';
import { CLOSE_OUT_STATES, type CloseOut, closeOutDecision, closeOutRejection, closeOutReopening, closeOutRequest } from '../core/close-out/model';
import { id } from './common';
import { z } from 'zod';
export * from '../core/close-out/model';

export const closeOuts = {
  list: method(z.tuple([z.object({ taskId: id.optional(), states: z.array(z.enum(CLOSE_OUT_STATES)).optional() }).optional()])).returns<CloseOut[]>(),
  request: method(z.tuple([closeOutRequest])).returns<CloseOut>(),
  check: method(z.tuple([id, closeOutDecision])).returns<CloseOut>(),
  approve: method(z.tuple([id, closeOutDecision])).returns<CloseOut>(),
  reject: method(z.tuple([id, closeOutRejection])).returns<CloseOut>(),
  reopen: method(z.tuple([id, closeOutReopening])).returns<CloseOut>(),
};
