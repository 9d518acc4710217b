import { describe, expect, it } from 'vitest';
import { ISSUER_MARK_MIN_SCALE, issuerMarkSize, PT_PER_MM, TITLE_PT, TYPE_AREA_MM } from '../../../src/shared/documents/geometry';

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
