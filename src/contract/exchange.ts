import { method } from './define';
import { type ExportedFile, exportRequest } from '../core/excel/export/model';
import { importOptions, type ImportPreview, type ImportResult, type PreviewRow, rowsQuery, workbookSource } from '../core/excel/import/model';
import { type PackageExport, packageExportRequest, returnOptions, type ReturnPreview, type ReturnResult } from '../core/excel/packages/model';
import { importId } from './common';
import { z } from 'zod';
export * from '../core/excel/import/model';
export * from '../core/excel/packages/model';
export * from '../core/excel/export/model';
export * from '../core/excel/values/dates';

/** Excel exchange: imports planned and previewed before they are applied, exports, unit workbooks. */
export const exchange = {
  /** Reads a workbook and plans its import; nothing is written. */
  preview: method(z.tuple([workbookSource, importOptions.optional()])).returns<ImportPreview>(),
  /** Plans the same workbook again with the user's corrections. */
  revise: method(z.tuple([importId, importOptions])).returns<ImportPreview>(),
  rows: method(z.tuple([rowsQuery])).returns<{ rows: PreviewRow[]; total: number }>(),
  /** Writes the previewed import in one transaction. */
  apply: method(z.tuple([importId])).returns<ImportResult>(),
  discard: method(z.tuple([importId])).returns<void>(),
  /** A workbook for leaders, in the language of the app. */
  export: method(z.tuple([exportRequest])).returns<ExportedFile>(),
  exportPackages: method(z.tuple([packageExportRequest])).returns<PackageExport>(),
  previewReturn: method(z.tuple([workbookSource, returnOptions.optional()])).returns<ReturnPreview>(),
  /** Plans a returned workbook again with the user's answers to its words. */
  reviseReturn: method(z.tuple([importId, returnOptions])).returns<ReturnPreview>(),
  applyReturn: method(z.tuple([importId])).returns<ReturnResult>(),
  discardReturn: method(z.tuple([importId])).returns<void>(),
};
