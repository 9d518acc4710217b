import { method } from './define';
import { type Measure, measureInput } from '../core/measures/model';
import { id, kept } from './common';
import { z } from 'zod';
export * from '../core/measures/model';

export const measures = {
  list: method(z.tuple([z.object({ inspectionId: id.optional(), taskId: id.optional() }).optional()])).returns<Measure[]>(),
  ...kept(measureInput).returns<Measure>(),
};
