import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportPackage } from '../../src/core/rollup/package';
import { Ledger } from '../../src/core/ledger';
import { dateOf, periodOf, shiftPeriod } from '../../src/shared/dates';
import { duban, ledgerFile } from '../helpers/cli';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';
import { loadWithExcelJS } from '../helpers/workbooks';

/** `duban report` on the demo ledger: its last month (the demo's data is dated back from today). */
const tempDir = useTempDir('file');
const PASSWORD = '督办台账 月报测试 2026';
const PERIOD = shiftPeriod(periodOf(dateOf(new Date())), -1);
const [YEAR, MONTH] = PERIOD.split('-').map(Number) as [number, number];
const TITLE = `关于${YEAR}年${MONTH}月整改督办工作情况的报告`;

let ledgerPath: string;
beforeAll(async () => {
  ledgerPath = join(tempDir(), 'group.duban');
  await ledgerFile(ledgerPath, PASSWORD, { demo: true });
}, 120_000);

const PASSPHRASE = '两家约定的口令 十一月';
/** The demo office's issuer, which names its package. */
const ISSUER = '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组';
const report = (args: string[]) => duban(['report', ledgerPath, '--password-stdin', ...args], `${PASSWORD}\n${PASSPHRASE}\n`);

async function reportsIssued() {
  const ledger = unwrap(await Ledger.open(ledgerPath, { password: PASSWORD }, { readOnly: true }));
  const docs = unwrap(ledger.documents.list({ docType: 'monthly_report' }));
  ledger.close();
  return docs;
}

describe('duban report', () => {
  it('writes the month’s report as .docx and .pdf and its 统计表 as .xlsx, issuing the report with a number', async () => {
    const out = join(tempDir(), '月报');
    const run = report(['--period', PERIOD, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [`情况报告-${PERIOD}.docx`, `情况报告-${PERIOD}.pdf`, `统计表-${PERIOD}.xlsx`, `${ISSUER}-${PERIOD}.dubanreport`].sort(),
    );
    const docx = execFileSync('unzip', ['-p', join(out, `情况报告-${PERIOD}.docx`), 'word/document.xml'], { encoding: 'utf8' });
    expect(docx).toContain(TITLE);
    const pdf = execFileSync('pdftotext', ['-layout', join(out, `情况报告-${PERIOD}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain(TITLE);
    expect(pdf).toContain('一、总体情况');
    expect(pdf).not.toMatch(/undefined|NaN/);
    const book = await loadWithExcelJS(readFileSync(join(out, `统计表-${PERIOD}.xlsx`)));
    expect(book.worksheets[0]!.getCell('A1').value).toBe(`${YEAR}年${MONTH}月整改督办工作统计表`);
    const issued = await reportsIssued();
    expect(issued.map((d) => d.title)).toEqual([TITLE]);
    expect(run.stdout).toContain(issued[0]!.number);
    const sealed = unwrap(await readReportPackage(readFileSync(join(out, `${ISSUER}-${PERIOD}.dubanreport`)), PASSPHRASE));
    expect(sealed.content.period).toBe(PERIOD);
    expect(run.stdout).toContain(sealed.fingerprint);
  }, 120_000);

  it('writes nothing and takes no number when a file of the month is already there, or the month is not given', async () => {
    const out = join(tempDir(), '再次生成');
    expect(report(['--period', PERIOD, '--out', out]).status).toBe(0);
    const before = (await reportsIssued()).length;
    const again = report(['--period', PERIOD, '--out', out]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain(`情况报告-${PERIOD}.docx`);
    expect(await reportsIssued()).toHaveLength(before);
    const noPeriod = report(['--out', join(tempDir(), 'other')]);
    expect(noPeriod.status).not.toBe(0);
    expect(noPeriod.stderr).toContain('--period');
    expect(existsSync(join(tempDir(), 'other'))).toBe(false);
  }, 120_000);
});
