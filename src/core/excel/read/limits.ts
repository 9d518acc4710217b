import { type DubanError, dubanError } from '../../../shared/errors';
import { DEFAULT_LIMITS } from './inspect';

/**
 * What reading one workbook may keep and stream, counted over the whole workbook: a budget per sheet
 * is no budget when a workbook can list a thousand sheets. Reading stops with a refusal as soon as
 * a count passes its limit.
 */
export interface ReadLimits {
  /** Rows holding values, per sheet. */
  readonly maxRows: number;
  /** The right-most column holding a value. */
  readonly maxColumns: number;
  /** Cells kept, all sheets together: each row's cells up to its last value (empty ones between too), and one for the row. */
  readonly maxCells: number;
  /** Entries of the tables a workbook keeps beside its cells: shared strings, defined names, custom properties, relationships, cell styles. */
  readonly maxStrings: number;
  /** Characters read into cells, shared strings, names, properties and page headers. */
  readonly maxCharacters: number;
  readonly maxMerges: number;
  readonly maxSheets: number;
  /** Bytes the parts read inflate to, all together. */
  readonly maxInflated: number;
}

/**
 * Sized for the largest real import, 200,000 rows of about 20 columns (4.2 million cells with its
 * rows), with room to spare. What a read holds is bounded by these counts; measured on Node's 64-bit
 * heap, at most 84 bytes a cell (its value, its slot, its row's share; a text's own string with it
 * but for its characters), 48 an entry of a table (with the value its cells share), 2 a character,
 * 70 a merge, and 4 MB of scanner window: 5M × 84 + 2M × 48 + 100M × 2 + 0.5M × 70 + 4M ≈ 755 MB held
 * at these limits (the 200,000 rows themselves, read through shared strings, hold about 340 MB). The
 * garbage a read makes and the collector has not yet taken comes on top while it runs (tens of
 * megabytes).
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 200_000,
  maxColumns: 500,
  maxCells: 5_000_000,
  maxStrings: 2_000_000,
  maxCharacters: 100_000_000,
  maxMerges: 500_000,
  maxSheets: 1_000,
  maxInflated: DEFAULT_LIMITS.maxInflated,
};

/** A workbook refused from deep inside reading one of its parts; `readWorkbook` returns its error. */
export class Refusal extends Error {
  constructor(readonly error: DubanError) {
    super(error.code);
  }
}

type Counted = 'maxCells' | 'maxStrings' | 'maxCharacters' | 'maxMerges' | 'maxSheets' | 'maxInflated';

/** What one reading of a workbook has spent so far. */
export class Budget {
  private readonly spent: Record<Counted, number> = { maxCells: 0, maxStrings: 0, maxCharacters: 0, maxMerges: 0, maxSheets: 0, maxInflated: 0 };

  constructor(readonly limits: ReadLimits) {}

  spend(counted: Counted, amount = 1): void {
    if ((this.spent[counted] += amount) > this.limits[counted]) throw new Refusal(this.refusal(counted));
  }

  private refusal(counted: Counted): DubanError {
    if (counted === 'maxInflated') return dubanError('excel.too_large', { megabytes: Math.round(this.spent.maxInflated / 1024 / 1024) });
    return dubanError('excel.workbook_too_large', { cells: this.limits.maxCells, characters: this.limits.maxCharacters, sheets: this.limits.maxSheets });
  }
}

/**
 * A text to keep, copied out of the part it was cut from: V8 keeps a substring of 13 characters or
 * more as a slice of its parent, so a cell's text would hold the whole chunk of XML it came in. The
 * copy through a buffer is a string of its own, one byte a character where it can be.
 */
export const detached = (text: string): string => (text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le'));
