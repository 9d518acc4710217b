import type { Result } from '../../../shared/result';
import type { LedgerContext } from '../../context';

/**
 * Records an import creates on the way (a unit named in the file, a measure of a task) stand in the
 * plan as placeholder ids, far above any real id so that the forms' rules accept them. Applying
 * creates each one the first time a row being written uses it, so nothing unused is created.
 */
const BASE = 2 ** 40;

export class Placeholders {
  private readonly creators: ((ctx: LedgerContext) => Result<number>)[] = [];
  private readonly used = new Set<number>();

  add(create: (ctx: LedgerContext) => Result<number>): number {
    this.creators.push(create);
    return BASE + this.creators.length;
  }

  static is(id: number): boolean {
    return id > BASE;
  }

  /** Marks the placeholders a row that will be written refers to. */
  use(ids: readonly number[]): void {
    for (const id of ids) if (Placeholders.is(id)) this.used.add(id);
  }

  isUsed(id: number): boolean {
    return this.used.has(id);
  }

  /** Real ids in one transaction: each placeholder is created once, when first asked for. */
  resolver(ctx: LedgerContext): (id: number) => Result<number> {
    const made = new Map<number, number>();
    return (id) => {
      if (!Placeholders.is(id)) return { ok: true, value: id };
      const known = made.get(id);
      if (known !== undefined) return { ok: true, value: known };
      const created = this.creators[id - BASE - 1]!(ctx);
      if (created.ok) made.set(id, created.value);
      return created;
    };
  }
}

/** Maps every id through `real`, stopping at the first failure. */
export function realIds(ids: readonly number[], real: (id: number) => Result<number>): Result<number[]> {
  const out: number[] = [];
  for (const id of ids) {
    const resolved = real(id);
    if (!resolved.ok) return resolved;
    out.push(resolved.value);
  }
  return { ok: true, value: out };
}
