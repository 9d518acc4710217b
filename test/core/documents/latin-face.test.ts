import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../../src/core/documents/model';
import { renderHtml } from '../../../src/core/documents/render/html';
import { SIGNATURE } from '../../helpers/documents';

/** Digits and Latin letters in the PDF: in each role's Chinese face, or in Times New Roman where the office chose it. */
const notice: ComposedDocument = {
  format: 'standard',
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环〔2026〕5号',
  title: '关于2026年督察整改任务推进情况的通报',
  addressee: '各有关单位',
  blocks: [{ kind: 'paragraph', text: '1. 截至2026年12月5日，已完成整改任务12项。', level: 3 }],
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo: '',
};

/** The font-family of each rule whose selector is `selector`. */
const familyOf = (html: string, selector: string): string =>
  new RegExp(`${selector.replace(/[.]/g, '\\.')} \\{[^}]*?font-family: ([^;]*);`).exec(html)?.[1] ?? '';

describe('digits and Latin letters in the PDF', () => {
  it('are in each role’s own face by default', () => {
    const html = renderHtml([notice]);
    expect(familyOf(html, '.doc__flow')).toMatch(/^"Duban FangSong"/);
    expect(familyOf(html, '.title')).toMatch(/^"Duban XiaoBiaoSong"/);
  });

  it('are in Times New Roman where the office chose it: the text and the title, only for the characters Times has', () => {
    const html = renderHtml([{ ...notice, latinFace: 'times' }]);
    expect(familyOf(html, '.doc__flow')).toMatch(/^"Duban Latin", "Duban FangSong"/);
    expect(familyOf(html, '.title')).toMatch(/^"Duban Latin", "Duban XiaoBiaoSong"/);
    expect(html).toMatch(/@font-face \{ font-family: "Duban Latin"; src: local\("Times New Roman"\)[^}]*unicode-range: U\+0020-007E/);
    // The issuer mark stays in its own face.
    expect(familyOf(html, '.head__issuer')).toMatch(/^"Duban XiaoBiaoSong"/);
  });
});
