import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { sealedLength } from './chunks';
import { disk } from './disk';
import { closeQuietly, ioError } from './durable-fs';
import { bytesWithRoom } from './file-room';
import { headerBytesClaimed, PREAMBLE_BYTES, parseHeader, type ParsedHeader } from './header';

/** A ledger file as read for opening: its header, then its sealed snapshot and its journal, each in a buffer of its own. */
export interface SealedFile {
  readonly parsed: ParsedHeader;
  /** The sealed snapshot (room beyond it, file-room.ts): decrypting turns it into the database image in place (see openChunks). */
  readonly snapshot: Buffer;
  readonly journal: Buffer;
}

/** A file shorter than its header says (cut before it was read, or while it was) is damaged. */
const cutShort = (part: 'header' | 'data') => dubanError('ledger.damaged', { part });

/** Reads `length` bytes at `position`; null if the file ends before them. */
function readAt(fd: number, length: number, position: number, into = Buffer.allocUnsafeSlow(length)): Buffer | null {
  for (let done = 0; done < length;) {
    const read = disk.readSync(fd, into, done, length - done, position + done);
    if (read === 0) return null;
    done += read;
  }
  return into;
}

/**
 * A ledger file open for reading, its header read and parsed, the rest not yet: the caller starts
 * deriving the key from the header, and the file is read meanwhile. Each byte is read once, the
 * snapshot straight into the buffer that becomes the database (a 250 MB ledger is never held whole
 * beside its image).
 */
export class LedgerFileReader {
  private constructor(
    /** Null once closed: a descriptor's number is reused by the next file opened. */
    private fd: number | null,
    private readonly path: string,
    private readonly size: number,
    readonly parsed: ParsedHeader,
  ) {}

  static open(path: string): Result<LedgerFileReader> {
    let fd: number;
    try {
      fd = disk.openSync(path, 'r');
    } catch (error) {
      return err(ioError(error, path));
    }
    try {
      const size = disk.fstatSync(fd).size;
      const preamble = readAt(fd, Math.min(size, PREAMBLE_BYTES), 0);
      const rest = preamble && readAt(fd, headerBytesClaimed(preamble, size) - preamble.length, preamble.length);
      const parsed = preamble && rest ? parseHeader(Buffer.concat([preamble, rest])) : err(cutShort('header'));
      if (parsed.ok) return ok(new LedgerFileReader(fd, path, size, parsed.value));
      closeQuietly(fd);
      return parsed;
    } catch (error) {
      closeQuietly(fd);
      return err(ioError(error, path));
    }
  }

  /** The sealed snapshot and the journal after it; the file is closed either way. */
  readSealed(): Result<SealedFile> {
    const { header, length } = this.parsed;
    const snapshotEnd = length + sealedLength(header.snapshotLength, header.chunkSize);
    const fd = this.fd;
    if (fd === null) throw new Error('the ledger file was read already');
    try {
      if (this.size < snapshotEnd) return err(cutShort('data'));
      // Read into bytes with room beyond: decrypted in place, they become sql.js's file, which grows into it (file-room.ts).
      const snapshot = readAt(fd, snapshotEnd - length, length, bytesWithRoom(snapshotEnd - length));
      const journal = snapshot && readAt(fd, this.size - snapshotEnd, snapshotEnd);
      return snapshot && journal ? ok({ parsed: this.parsed, snapshot, journal }) : err(cutShort('data'));
    } catch (error) {
      return err(ioError(error, this.path));
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.fd !== null) closeQuietly(this.fd);
    this.fd = null;
  }
}
