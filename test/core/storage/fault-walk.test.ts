import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import { anchorFolder } from '../../../src/core/storage/anchor';
import { listBackups } from '../../../src/core/storage/backups';
import type { Reader } from '../../../src/core/storage/database';
import { useDisk } from '../../../src/core/storage/disk';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import type { Result } from '../../../src/shared/result';
import { ok } from '../../../src/shared/result';
import { addTask, addUnits } from '../../helpers/domain';
import { FAULTS, type Fault, faultyDisk } from '../../helpers/faulty-disk';
import { unwrap } from '../../helpers/result';

/**
 * The fault-injection walk: for each operation that writes (commit, an attachment, a snapshot, a
 * transaction saved whole, a password change, a restore, opening for writing), a file system that
 * fails its Nth call, for every N the operation makes and every kind of fault. After each: memory
 * and disk agree, the ledger opens, every acknowledged change is there, work goes on, nothing warns
 * of a rollback that did not happen, and reopening leaves no temporary file behind.
 *
 * scrypt is replaced by a quick stand-in here: the walk is about I/O, and a password change would
 * otherwise spend half a second per fault point deriving keys (test/core/storage/* test the real one).
 * DUBAN_FAULT_KINDS=all walks every kind at every point; by default each point gets one kind in turn.
 */
vi.mock('../../../src/core/storage/kdf', async () => {
  const actual = await vi.importActual<typeof import('../../../src/core/storage/kdf')>('../../../src/core/storage/kdf');
  return { ...actual, deriveKey: async (secret: string, salt: Uint8Array) => createHash('sha256').update(secret).update(salt).digest() };
});

const OLD = '故障注入测试的密码 fault walk';
const NEW = '换过之后的新密码 fault walk 2026';
const MEMBER = '组里另一位同事的密码 member 2026';
const ALL_KINDS = process.env.DUBAN_FAULT_KINDS === 'all';

let root: string;
let template: string;
const points = new Map<string, number>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'duban-faults-'));
  template = join(root, 'template', 'ledger.duban');
  mkdirSync(join(root, 'template'));
  const { ledger } = unwrap(
    await Ledger.create(template, { password: OLD, kdf: KDF_FLOOR, actor: '测试员', anchors: anchorFolder(join(root, 'template-anchors')) }),
  );
  const units = addUnits(ledger, ['市生态环境局', '市水务局']);
  const task = addTask(ledger, '1', units['市生态环境局']!);
  unwrap(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '整改报告.pdf', bytes: Buffer.from('%PDF 整改报告 '.repeat(500)) }));
  unwrap(ledger.store.snapshot());
  unwrap(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '现场照片.jpg', bytes: Buffer.from('JPEG 现场照片 '.repeat(300)) }));
  unwrap(ledger.store.snapshot());
  addTask(ledger, '2', units['市水务局']!);
  unwrap(await ledger.people.add({ name: '王五', password: MEMBER }));
  ledger.close();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`fault points walked: ${[...points].map(([name, n]) => `${name} ${n}`).join(', ')} (total ${[...points.values()].reduce((a, b) => a + b, 0)})`);
});

/** Every table's rows, in order: what "the same ledger" means here. */
function contentOf(db: Reader): string {
  const tables = db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return JSON.stringify(tables.map(({ name }) => [name, db.all(`SELECT * FROM "${name}" ORDER BY rowid`)]));
}

interface Case {
  readonly dir: string;
  readonly path: string;
  readonly anchors: ReturnType<typeof anchorFolder>;
  /** The oldest backup, found before any fault is armed. */
  readonly backup: string;
}

function freshCase(n: number, fault: string): Case {
  const dir = join(root, `case-${n}-${fault}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(join(root, 'template'), dir, { recursive: true });
  const path = join(dir, 'ledger.duban');
  return { dir, path, anchors: anchorFolder(join(dir, 'anchors')), backup: listBackups(path).at(-1)!.path };
}

async function openLedger(c: Case, password: string, readOnly = false): Promise<Result<Ledger>> {
  return Ledger.open(c.path, { password }, { actor: '测试员', anchors: c.anchors, readOnly, backupPolicy: { recent: 2, dailyDays: 0 } });
}

const temporaryFiles = (c: Case): string[] =>
  [c.dir, `${c.path}.blobs`, `${c.path}.backups`].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tmp')) : []));

/** What an operation does; `password` says which secret opens the ledger after it, given its outcome. */
interface Operation {
  readonly name: string;
  readonly prepare?: (c: Case) => void;
  /** Opens the ledger itself (for the walk over opening), or runs on one opened beforehand. */
  readonly run: (ledger: Ledger | null, c: Case) => Promise<{ result: Result<unknown>; ledger: Ledger | null }>;
  readonly password: (succeeded: boolean) => string;
  /** What else must hold once the ledger is closed again, given the outcome. */
  readonly after?: (c: Case, succeeded: boolean) => Promise<void>;
}

const onOpen = (work: (ledger: Ledger) => Result<unknown> | Promise<Result<unknown>>) => async (ledger: Ledger | null) => ({
  result: await work(ledger!),
  ledger,
});

const OPERATIONS: readonly Operation[] = [
  { name: 'commit', run: onOpen((l) => l.units.create({ name: '新增单位', kind: 'supervised' })), password: () => OLD },
  {
    name: 'attachment',
    run: onOpen((l) => l.evidence.add({ ownerKind: 'task', ownerId: 1, fileName: '补充材料.pdf', bytes: Buffer.from('补充材料 '.repeat(100)) })),
    password: () => OLD,
  },
  { name: 'snapshot', run: onOpen((l) => l.store.snapshot()), password: () => OLD },
  {
    name: 'whole transaction',
    // Past the point where a snapshot is due: saved as one fresh snapshot, as a large import is.
    run: onOpen((l) =>
      l.context.write((tx) =>
        ok(Array.from({ length: 150 }, (_, i) => tx.run('INSERT INTO settings (key, value) VALUES (?, ?)', [`bulk.${i}`, 'x'.repeat(10_000)]))),
      ),
    ),
    password: () => OLD,
  },
  { name: 'password change', run: onOpen((l) => l.changePassword({ password: OLD }, NEW, KDF_FLOOR)), password: (succeeded) => (succeeded ? NEW : OLD) },
  {
    name: 'person removal',
    run: onOpen((l) => l.people.remove('王五', OLD, KDF_FLOOR)),
    password: () => OLD,
    // Removed is removed: their password opens the file no more. Not removed, it opens it — or, if the new key was in place when the fault struck, is refused as a wrong password: never a damaged file.
    after: async (c, succeeded) => {
      const member = await openLedger(c, MEMBER, true);
      if (member.ok) member.value.close();
      if (succeeded) expect(member.ok).toBe(false);
      if (!member.ok) expect(member.error.code).toBe('ledger.wrong_password');
    },
  },
  { name: 'restore', run: async (l, c) => ({ result: await l!.restoreBackup(c.backup), ledger: l }), password: () => OLD },
  {
    name: 'open for writing',
    prepare: (c) => {
      appendFileSync(c.path, Buffer.from([0x40, 0, 0, 0, 1, 2, 3])); // a torn append
      writeFileSync(join(c.dir, '.ledger.duban.0123456789ab.tmp'), 'left by a crashed save');
    },
    run: async (_ledger, c) => {
      const opened = await openLedger(c, OLD);
      return { result: opened, ledger: opened.ok ? opened.value : null };
    },
    password: () => OLD,
  },
];

/** Runs one operation with the Nth call failing; returns whether the fault was reached (N within the operation). */
async function walkOnce(operation: Operation, n: number, fault: Fault): Promise<boolean> {
  const c = freshCase(n, fault);
  operation.prepare?.(c);
  let ledger = operation.name === 'open for writing' ? null : unwrap(await openLedger(c, OLD));
  const faulty = faultyDisk();
  faulty.arm(n, fault);
  const restore = useDisk(faulty.disk);
  let outcome: Awaited<ReturnType<Operation['run']>>;
  try {
    outcome = await operation.run(ledger, c);
  } finally {
    restore();
  }
  const where = `${operation.name}, call ${n} fails with ${fault}`;
  ledger = outcome.ledger;
  const password = operation.password(outcome.result.ok);

  // The file opens, and holds what memory holds — unless the store said it must be reopened first.
  const onDisk = await openLedger(c, password, true);
  expect(onDisk.ok, `${where}: the file no longer opens: ${JSON.stringify(!onDisk.ok && onDisk.error)}`).toBe(true);
  const disk = contentOf(unwrap(onDisk).store.db);
  unwrap(onDisk).close();
  const mustReopen = ledger?.store.info().mustReopen ?? null;
  if (ledger && !mustReopen) expect(contentOf(ledger.store.db), `${where}: memory and disk differ`).toBe(disk);

  // Work goes on (on a store that must be reopened, it is refused with the reason).
  const next = ledger?.units.create({ name: '之后的修改', kind: 'resident' });
  if (next) expect(next.ok ? null : next.error, where).toEqual(mustReopen);
  const expected = ledger && next?.ok ? contentOf(ledger.store.db) : disk;
  ledger?.close();

  // Reopened for writing: every acknowledged change there, no false alarm, nothing left behind.
  const reopened = unwrap(await openLedger(c, password));
  expect(contentOf(reopened.store.db), `${where}: an acknowledged change is missing`).toBe(expected);
  if (outcome.result.ok && operation.name === 'commit')
    expect(
      reopened.units.list().some((u) => u.name === '新增单位'),
      where,
    ).toBe(true);
  expect(reopened.store.info().anchor.kind, `${where}: a rollback was reported that did not happen`).toBe('consistent');
  for (const evidence of reopened.evidence.list({ kind: 'task', id: 1 }))
    expect(reopened.evidence.content(evidence.id).ok, `${where}: attachment ${evidence.fileName} unreadable`).toBe(true);
  expect(temporaryFiles(c), `${where}: temporary files left`).toEqual([]);
  reopened.close();
  await operation.after?.(c, outcome.result.ok);
  rmSync(c.dir, { recursive: true, force: true });
  return faulty.fired;
}

describe('every I/O step of every write, failing', () => {
  for (const operation of OPERATIONS) {
    it(`${operation.name}: the ledger opens, memory and disk agree, nothing acknowledged is lost`, async () => {
      let n = 1;
      for (; ; n++) {
        const kinds = ALL_KINDS ? FAULTS : [FAULTS[n % FAULTS.length]!];
        let reached = false;
        for (const fault of kinds) reached = (await walkOnce(operation, n, fault)) || reached;
        if (!reached) break;
      }
      points.set(operation.name, n - 1);
      expect(n - 1, 'the walk reached too few I/O calls: the operation no longer goes through the disk layer?').toBeGreaterThanOrEqual(3);
    }, 600_000);
  }
});
