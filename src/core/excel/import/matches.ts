import type { RowPlan } from './kind';
import type { ExistingMatch } from './model';

/** How many rows turned out to be, or to look like, records already in the ledger, by kind of match and source. */
export function existingMatches(plans: readonly RowPlan[]): ExistingMatch[] {
  const groups = new Map<string, ExistingMatch>();
  for (const { matched, action } of plans) {
    if (!matched || action === 'error') continue;
    const key = `${matched.how}:${matched.inspectionId}`;
    groups.set(key, { ...matched, rows: (groups.get(key)?.rows ?? 0) + 1 });
  }
  return [...groups.values()];
}
