import type { Ledger } from '../../src/core/ledger';
import type { TaskInput } from '../../src/core/tasks/model';
import type { UnitKind } from '../../src/core/units/model';
import { unwrap } from './result';

/** A few units by short name, for tests that need tasks to hang on them. */
export function addUnits(ledger: Ledger, names: readonly string[], kind: UnitKind = 'supervised'): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, unwrap(ledger.units.create({ name, kind })).id]));
}

/** A task with a date deadline led by `leadUnitId`; `extra` overrides any field. */
export function addTask(ledger: Ledger, number: string, leadUnitId: number, extra: Partial<TaskInput> = {}) {
  return unwrap(
    ledger.tasks.create({
      number,
      problem: `第${number}项问题：入河排污口排查整治进展滞后`,
      deadline: { kind: 'date', date: '2024-06-30' },
      leadUnitIds: [leadUnitId],
      ...extra,
    }),
  );
}
