import { method } from './define';
import { type Inspection, inspectionInput } from '../core/inspections/model';
import { kept, none } from './common';
export * from '../core/inspections/model';

export const inspections = {
  list: method(none).returns<Inspection[]>(),
  ...kept(inspectionInput).returns<Inspection>(),
};
