/**
 * Schema version 5: the monthly dispatch — a letter can say which month's progress reports it asks
 * for (催报), so that the dispatch screen shows beside each unit the chases of the month. Its seed
 * adds the shipped 催报 template and names it in the office's details.
 */
export const V5_MONTHLY_DISPATCH = [
  `ALTER TABLE documents ADD COLUMN report_period TEXT CHECK (report_period IS NULL OR report_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')`,
];
