/**
 * Schema version 11: the group's monthly report (情况报告) — no new tables; its seed adds the built-in
 * type `monthly_report` with its template, so that existing ledgers get it as new ones do.
 */
export const V11_REPORT: readonly string[] = [];
