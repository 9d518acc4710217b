import { type AnchorBook, type AnchorCheck, anchorKeyOf, type AnchorPoint, type AuditView, checkAnchor, sealAnchor } from './anchor';
import { wipe } from './crypto';
import type { Reader } from './database';

/** Where a file of the ledger stands, as an anchor records it. */
export interface FileState {
  readonly generation: number;
  readonly records: number;
  readonly lastTag: Buffer;
}

/**
 * The anchor (anchor.ts) of one open ledger: compared with the file when it is opened, moved after
 * every change that reaches the file, released when it is closed. Best effort throughout: an anchor
 * that cannot be written only weakens what the next open can tell.
 */
export class AnchorKeeper {
  private key: Buffer | null = null;
  private found: AnchorCheck = { kind: 'first_seen' };
  /** The last change could not be recorded: tried again at the next, and on close. */
  behind = false;

  constructor(
    private readonly book: AnchorBook | undefined,
    private readonly ledgerId: Buffer,
    private readonly audit: AuditView | undefined,
    private readonly now: () => number,
  ) {}

  /** The ledger's integrity key, once it is known (a file of format 1 has one only once upgraded). */
  arm(integrityKey: Buffer): void {
    if (!this.book) return;
    wipe(this.key);
    this.key = anchorKeyOf(integrityKey, this.ledgerId);
  }

  /** What opening found; until a change is recorded, that is what the app and `duban verify` say. */
  get check(): AnchorCheck {
    return this.found;
  }

  get isWarning(): boolean {
    return this.found.kind !== 'first_seen' && this.found.kind !== 'consistent';
  }

  /** Compares the file just read (its records' tags after the snapshot's) with what this machine saw of it. */
  compare(path: string, db: Reader, state: FileState, tags: readonly Buffer[]): AnchorCheck {
    if (!this.book || !this.key) return this.found;
    const id = this.ledgerId.toString('hex');
    const current = { point: this.point(db, state), tags, auditHashAt: (entry: number) => this.audit?.hashAt(db, entry) ?? null };
    this.found = checkAnchor(this.book.read(id, path), this.key, id, current);
    return this.found;
  }

  /** The ledger's file now stands at `state`. */
  moved(path: string, db: Reader, state: FileState): void {
    this.behind = !this.write(path, db, state);
    if (!this.behind) this.found = { kind: 'consistent' };
  }

  /** A copy at `dest` is this ledger as this machine now sees it (a restore the user asked for). */
  copied(dest: string, db: Reader, state: FileState): void {
    this.write(dest, db, state);
    this.book?.release(this.ledgerId.toString('hex'), dest);
  }

  release(path: string): void {
    this.book?.release(this.ledgerId.toString('hex'), path);
    wipe(this.key);
    this.key = null;
  }

  private write(path: string, db: Reader, state: FileState): boolean {
    if (!this.book || !this.key) return true;
    try {
      const id = this.ledgerId.toString('hex');
      this.book.write(id, path, sealAnchor(this.key, id, this.point(db, state), this.now()));
      return true;
    } catch {
      return false;
    }
  }

  /** A database without the audit table yet (a ledger being created) has no chain to anchor. */
  private point(db: Reader, state: FileState): AnchorPoint {
    return { generation: state.generation, records: state.records, lastTag: state.lastTag.toString('hex'), audit: this.auditHead(db) };
  }

  private auditHead(db: Reader): ReturnType<NonNullable<typeof this.audit>['head']> | null {
    try {
      return this.audit?.head(db) ?? null;
    } catch {
      return null;
    }
  }
}
