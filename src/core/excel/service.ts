import type { LedgerContext } from '../context';
import { importService } from './import/service';

/** The Excel exchange of an open ledger: imports of any workbook, exports, and the unit workbooks. */
export function exchangeService(ctx: LedgerContext, _ledgerId: string) {
  return {
    imports: importService(ctx),
  };
}

export type ExchangeService = ReturnType<typeof exchangeService>;
