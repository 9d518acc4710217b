import { method } from './define';
import { type AccountabilityCase, accountabilityInput } from '../core/accountability/model';
import { kept, none } from './common';
export * from '../core/accountability/model';

export const accountability = {
  list: method(none).returns<AccountabilityCase[]>(),
  ...kept(accountabilityInput).returns<AccountabilityCase>(),
};
