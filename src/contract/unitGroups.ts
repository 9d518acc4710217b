import { z } from 'zod';
import { type UnitGroup, unitGroupInput } from '../core/unit-groups/model';
import { kept } from './common';
import { method } from './define';
export * from '../core/unit-groups/model';

export const unitGroups = {
  list: method(z.tuple([])).returns<UnitGroup[]>(),
  ...kept(unitGroupInput).returns<UnitGroup>(),
};
