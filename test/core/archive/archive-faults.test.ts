import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MovingIds, movingIdsOf } from '../../../src/core/archive/moving';
import { Ledger } from '../../../src/core/ledger';
import { useDisk } from '../../../src/core/storage/disk';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { addTask, addUnits } from '../../helpers/domain';
import { FAULTS, faultyDisk } from '../../helpers/faulty-disk';
import { unwrap } from '../../helpers/result';

/**
 * The archive step under the fault-injection walk (as test/core/storage/fault-walk.test.ts): the
 * file system fails its Nth call, for every N the step makes. After each, the round's rows are in
 * the live ledger whole, or in the archive file whole and gone from the live ledger — never in
 * neither; and a rerun finishes the work, replacing whatever stray archive the failed run left.
 */
vi.mock('../../../src/core/storage/kdf', async () => {
  const actual = await vi.importActual<typeof import('../../../src/core/storage/kdf')>('../../../src/core/storage/kdf');
  return { ...actual, deriveKey: async (secret: string, salt: Uint8Array) => createHash('sha256').update(secret).update(salt).digest() };
});

const PASSWORD = '归档故障注入测试的密码 archive walk';
let root: string;
let expected: MovingIds;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'duban-archive-faults-'));
  mkdirSync(join(root, 'template'));
  const { ledger } = unwrap(await Ledger.create(join(root, 'template', 'ledger.duban'), { password: PASSWORD, kdf: KDF_FLOOR, actor: '测试员' }));
  const units = addUnits(ledger, ['市生态环境局', '市水务局']);
  const first = unwrap(ledger.inspections.create({ name: '第一轮督察' }));
  const second = unwrap(ledger.inspections.create({ name: '第二轮督察' }));
  const task = addTask(ledger, '1', units['市生态环境局']!, { inspectionId: first.id, status: 'completed' });
  addTask(ledger, '1', units['市水务局']!, { inspectionId: second.id });
  unwrap(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '整改报告.pdf', bytes: Buffer.from('%PDF 整改报告 '.repeat(200)) }));
  unwrap(ledger.petitions.create({ receiptNumber: 'D1-001', problem: '夜间偷排', completion: 'completed', inspectionId: first.id }));
  expected = movingIdsOf(ledger.store.db, first.id);
  ledger.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const open = (path: string, readOnly = false) => Ledger.open(path, { password: PASSWORD }, { actor: '测试员', readOnly });
const archive = (ledger: Ledger, out: string) => ledger.archive.archive({ inspectionId: 1, out, password: PASSWORD, kdf: KDF_FLOOR });
const stillLive = (ledger: Ledger): boolean => ledger.inspections.list().some((i) => i.id === 1);

/** Where the round is: 'live' with every row, or 'archived' whole; anything else fails the test. */
async function whereIsTheRound(live: string, out: string, where: string): Promise<'live' | 'archived'> {
  const ledger = unwrap(await open(live, true));
  const inLive = stillLive(ledger);
  if (inLive) expect(movingIdsOf(ledger.store.db, 1), `${where}: rows lost from the live ledger`).toEqual(expected);
  else expect(Object.values(movingIdsOf(ledger.store.db, 1)).flat(), `${where}: half removed`).toEqual([]);
  ledger.close();
  if (inLive) return 'live';
  const archived = await open(out, true);
  expect(archived.ok, `${where}: the rows left the live ledger but the archive does not open`).toBe(true);
  expect(movingIdsOf(unwrap(archived).store.db, 1), `${where}: the archive lacks rows`).toEqual(expected);
  const [evidence] = unwrap(archived).evidence.list({ kind: 'task', id: 1 });
  expect(unwrap(archived).evidence.content(evidence!.id).ok, `${where}: an attachment is unreadable`).toBe(true);
  unwrap(archived).close();
  return 'archived';
}

async function walkOnce(n: number): Promise<boolean> {
  const dir = join(root, `case-${n}`);
  cpSync(join(root, 'template'), dir, { recursive: true });
  const live = join(dir, 'ledger.duban');
  const out = join(dir, 'archive', '第一轮督察.duban');
  mkdirSync(join(dir, 'archive'));
  const ledger = unwrap(await open(live));
  const faulty = faultyDisk();
  faulty.arm(n, FAULTS[n % FAULTS.length]!);
  const restore = useDisk(faulty.disk);
  try {
    await archive(ledger, out);
  } finally {
    restore();
  }
  ledger.close();
  const where = `call ${n} fails with ${FAULTS[n % FAULTS.length]}`;
  if ((await whereIsTheRound(live, out, where)) === 'live') {
    const again = unwrap(await open(live));
    const rerun = await archive(again, out);
    again.close();
    expect(rerun.ok, `${where}: the rerun failed: ${JSON.stringify(!rerun.ok && rerun.error)}`).toBe(true);
    expect(await whereIsTheRound(live, out, `${where}, rerun`)).toBe('archived');
  }
  rmSync(dir, { recursive: true, force: true });
  return faulty.fired;
}

describe('the archive step, every I/O call failing in turn', () => {
  it('leaves the round in the live ledger or in the archive, whole, and a rerun finishes it', async () => {
    let n = 1;
    while (await walkOnce(n)) n++;
    console.log(`archive fault points walked: ${n - 1}`);
    expect(n - 1, 'the walk reached too few I/O calls').toBeGreaterThanOrEqual(10);
  }, 600_000);
});
