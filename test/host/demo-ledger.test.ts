import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed';
import { demoLedgerPath } from '../../src/host/demo-ledger';
import { Session } from '../../src/host/session';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();

describe('the demo ledger', () => {
  it('is made in the settings folder the first time and opened after, with nothing to type, and is kept out of the recent ledgers', async () => {
    const configDir = tempDir();
    const session = new Session({ configDir });
    expect(unwrap(await session.openDemo(seedDemo))).toMatchObject({ state: 'open', path: demoLedgerPath(configDir), demo: true, recent: [] });
    expect(existsSync(demoLedgerPath(configDir))).toBe(true);
    const tasks = unwrap(unwrap(session.current()).tasks.list({})).total;
    // Locked, it is still known as the demo: the unlock screen offers the one click, not a password nobody was told.
    expect(unwrap(session.lock())).toMatchObject({ state: 'locked', demo: true });
    session.close();

    const again = new Session({ configDir });
    expect(unwrap(await again.openDemo(seedDemo)).state).toBe('open');
    expect(unwrap(unwrap(again.current()).tasks.list({})).total).toBe(tasks);
    expect(tasks).toBe(14);
    again.close();
  });
});
