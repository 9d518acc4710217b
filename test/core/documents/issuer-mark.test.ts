import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposedDocument, officeProfileInput } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderHtml } from '../../../src/core/documents/render/html';
import { ISSUER_MARK_MIN_SCALE, ISSUER_MARK_PT, issuerMarkSize, PT_PER_MM, TITLE_PT, TYPE_AREA_MM } from '../../../src/shared/documents/geometry';
import { validate } from '../../../src/shared/validation';
import { titledNotice } from '../../helpers/documents';
import { pdfLines } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/** The standard format's issuer mark (GB/T 9704 §7.2.5) dominates the page: larger than the 2号 title, fitted to the type area's width, its characters condensed no further than a set ratio. */
const WIDTH_PT = TYPE_AREA_MM.width * PT_PER_MM;
const inked = (text: string, mark: { pt: number; scaleX: number }): number => [...text].length * mark.pt * mark.scaleX;

describe('the issuer mark of the standard format', () => {
  it('is larger than the title even for a long name, and fits the type area', () => {
    const issuer = '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组';
    const mark = issuerMarkSize(issuer, 36, true);
    expect(mark.pt).toBeGreaterThan(TITLE_PT);
    expect(mark.scaleX).toBeGreaterThanOrEqual(ISSUER_MARK_MIN_SCALE);
    expect(inked(issuer, mark)).toBeLessThanOrEqual(WIDTH_PT);
  });

  it('gets smaller rather than condense its characters below the ratio, and takes the size asked of a short name', () => {
    const long = '中共某某自治区纪律检查委员会某某自治区监察委员会驻自治区生态环境厅纪检监察组';
    const mark = issuerMarkSize(long, 36, true);
    expect(mark.scaleX).toBeGreaterThanOrEqual(ISSUER_MARK_MIN_SCALE);
    expect(inked(long, mark)).toBeLessThanOrEqual(WIDTH_PT);
    // One point larger would need the characters condensed beyond the ratio.
    expect([...long].length * (mark.pt + 1) * ISSUER_MARK_MIN_SCALE).toBeGreaterThan(WIDTH_PT);
    expect(issuerMarkSize('某某纪检监察组', 36, true)).toEqual({ pt: 36, scaleX: 1 });
  });
});

const tempDir = useTempDir('file');
let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

/** The office sets the mark's size (设置 → 发文机关): GB/T 9704-1999 §7.2 bounded it at 22 mm × 15 mm a character; 初号 (42 pt, 14.8 mm) by default. */
describe('the office’s issuer mark size', () => {
  it('is 初号 unless the office says otherwise, from 一号 (26 pt) to 62 pt (22 mm high)', () => {
    const office = { issuer: '某某纪检监察组文件', signature: '某某纪检监察组' };
    expect(unwrap(validate(officeProfileInput, office)).issuerMarkPt).toBe(ISSUER_MARK_PT.default);
    expect(ISSUER_MARK_PT.default).toBe(42);
    expect(unwrap(validate(officeProfileInput, { ...office, issuerMarkPt: 48 })).issuerMarkPt).toBe(48);
    for (const issuerMarkPt of [22, 63, 40.5]) expect(validate(officeProfileInput, { ...office, issuerMarkPt }).ok).toBe(false);
  });

  it('reaches the printed mark: a short name at the office’s size, a document issued before the setting at the 36 pt it had', async () => {
    const doc = { ...titledNotice('关于督促加快推进逾期整改任务的提醒函'), issuer: '某某纪检监察组文件' };
    const markWidth = async (content: ComposedDocument): Promise<number> => {
      const pdf = join(tempDir(), 'mark.pdf');
      writeFileSync(pdf, unwrap(await printer.pdf(renderHtml([content]))));
      const mark = pdfLines(pdf)[0]!.find((line) => line.text.replace(/\s/g, '') === '某某纪检监察组文件')!;
      return mark.xMax - mark.xMin;
    };
    expect(await markWidth({ ...doc, issuerMarkPt: 48 })).toBeCloseTo((9 * 48) / PT_PER_MM, 0);
    expect(await markWidth(doc)).toBeCloseTo((9 * 36) / PT_PER_MM, 0);
  });
});
