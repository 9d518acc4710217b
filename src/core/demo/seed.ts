import { ok, type Result } from '../../shared/result';
import type { Ledger } from '../ledger';
import { DEMO_UNITS } from './units';

/**
 * A living ledger for a newcomer, modelled on the work in DESIGN.md: one round of feedback from the
 * central ecological and environmental protection inspection, the units it concerns, and the work
 * that followed. Written through the services, as a user would, so it is validated and audited.
 */
export function seedDemo(ledger: Ledger): Result<{ units: number; tasks: number; petitions: number }> {
  const unitIds = new Map<string, number>();
  for (const input of DEMO_UNITS) {
    const unit = ledger.units.create(input);
    if (!unit.ok) return unit;
    unitIds.set(unit.value.name, unit.value.id);
  }
  const inspection = ledger.inspections.create({ name: '第二轮第六批中央生态环境保护督察', batch: '第六批', feedbackDate: '2023-06-12', notes: '督察组向自治区反馈督察意见，自治区印发整改方案。' });
  if (!inspection.ok) return inspection;
  return ok({ units: unitIds.size, tasks: 0, petitions: 0 });
}
