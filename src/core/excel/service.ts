import type { Language } from '../../shared/i18n/setup';
import type { LedgerContext } from '../context';
import type { ExportRequest } from './export/model';
import { exportWorkbook } from './export/service';
import { importService } from './import/service';
import { packageService } from './packages/service';

/** The Excel exchange of an open ledger: imports of any workbook, exports, and the unit workbooks. */
export function exchangeService(ctx: LedgerContext, ledgerId: string) {
  return {
    imports: importService(ctx),
    export: (request: ExportRequest, language: Language = 'zh-CN') => exportWorkbook(ctx, request, language),
    packages: packageService(ctx, ledgerId),
  };
}

export type ExchangeService = ReturnType<typeof exchangeService>;
