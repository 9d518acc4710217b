import type { CommandContext } from './command';
import { UnitDirectory } from '../core/excel/values/units';
import type { Ledger } from '../core/ledger';
import { ok, type Result } from '../shared/result';
import { type CliFailure, cliFailure } from './failure';

/** The unit `--unit NAME` names (full or short name), or none when the option is absent. */
export function unitOption(ledger: Ledger, name: CommandContext['values'][string]): Result<{ id: number; name: string } | null, CliFailure> {
  if (typeof name !== 'string') return ok(null);
  const unit = ledger.units.findByName(name);
  if (unit) return ok({ id: unit.id, name: unit.name });
  const close = new UnitDirectory(ledger.units.list({ includeArchived: true })).suggest(name);
  return close.length ? cliFailure('unknown_unit_close', { name, close: close.map((c) => c.name).join('、') }) : cliFailure('unknown_unit', { name });
}
