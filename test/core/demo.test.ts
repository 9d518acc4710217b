import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed';
import { replyStanding } from '../../src/core/documents/model';
import type { Ledger } from '../../src/core/ledger';
import { ledgerFactory, manualClock } from '../helpers/ledger';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

describe('the demo ledger', () => {
  it('is a living ledger: fourteen tasks, months of progress, petitions, a visit, a meeting, accountability', async () => {
    ledger = await newLedger({ clock: manualClock('2026-11-25T09:00:00+08:00').clock });
    expect(unwrap(seedDemo(ledger))).toEqual({ units: 14, tasks: 14, petitions: 36 });
    const stats = ledger.stats();
    expect(stats.asOf).toBe('2026-11-25');
    expect(stats.tasks).toMatchObject({
      total: 14,
      byStatus: { closed: 2, completed: 2, pending: 1, in_progress: 9 },
      byDeadlineKind: { immediate: 1, ongoing: 2, date: 11 },
    });
    expect(stats.tasks.overdue).toBeGreaterThan(0);
    expect(stats.units.notReported.map((r) => r.unit.shortName).sort()).toEqual(['林草局', '西岭市'].sort());
    expect(stats.progressByMonth.slice(-6).every((m) => m.reports > 0)).toBe(true);
    expect(stats.progressByMonth.slice(0, 6).every((m) => m.reports === 0)).toBe(true);
    expect(stats.petitions).toMatchObject({ total: 36 });
    expect(stats.petitions.byCompletion.completed).toBeGreaterThan(0);
    expect(stats.accountability).toMatchObject({ cases: 1, concluded: 1, subjects: { unit: 1, enterprise: 1, person: 2 } });
    expect(ledger.siteVisits.list()).toHaveLength(1);
    expect(ledger.findings.list()).toHaveLength(3);
    expect(ledger.meetings.list()).toHaveLength(1);
    // The register holds letters of each kind: one answered, one still within its time, one overdue.
    const documents = unwrap(ledger.documents.list());
    expect(new Set(documents.map((d) => d.docType))).toEqual(new Set(['notice', 'reminder', 'supervision']));
    const standings = documents.map((d) => replyStanding(d, stats.asOf));
    for (const standing of ['replied', 'awaiting', 'overdue'] as const) expect(standings).toContain(standing);
    expect(documents.every((d) => d.state === 'issued' && d.issuedOn <= stats.asOf)).toBe(true);
    expect(
      ledger.documents
        .awaitingReply(stats.asOf)
        .map((r) => r.overdue)
        .sort(),
    ).toEqual([false, true]);
    // Written through the services: every record it made is in the change history, and the chain holds.
    const reports = stats.progressByMonth.reduce((sum, m) => sum + m.reports, 0);
    expect(unwrap(ledger.verify()).auditEntries).toBeGreaterThanOrEqual(14 + 14 + 36 + reports);
  });
});
