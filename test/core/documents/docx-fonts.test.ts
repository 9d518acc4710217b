import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../../src/core/documents/model';
import { renderDocx } from '../../../src/core/documents/render/docx';
import { SIGNATURE } from '../../helpers/documents';

/**
 * The fonts of the Word file as Word and WPS read them (GB/T 9704): 方正小标宋简体 for the mark and
 * the title, 黑体 and 楷体_GB2312 for the first two heading levels, 仿宋_GB2312 for the rest, each
 * the East-Asian face, with the Latin face for digits and letters set apart (the office's choice:
 * each role's own, or Times New Roman) and the East-Asian hint; the body's defaults in the styles.
 */
const notice: ComposedDocument = {
  format: 'standard',
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环〔2026〕5号',
  title: '关于全区生态环境保护督察整改任务推进情况的通报',
  addressee: '各有关单位',
  blocks: [
    { kind: 'paragraph', text: '一、总体情况', level: 1 },
    { kind: 'paragraph', text: '（一）提高政治站位。把督察整改作为重大政治任务。', level: 2 },
    { kind: 'paragraph', text: '1. 截至2026年12月5日，已完成整改任务12项。', level: 3 },
  ],
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo: '自治区纪委监委第五监督检查室',
};

async function parts(doc: ComposedDocument = notice): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  return { document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}

/** Each run with text: its East-Asian and Latin faces, its hint and its text. */
function runs(xml: string) {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)]
    .map((m) => ({ fonts: /<w:rFonts ([^>]*)\/>/.exec(m[1]!)?.[1] ?? '', text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }))
    .filter((run) => run.text)
    .map(({ fonts, text }) => {
      const attr = (name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(fonts)?.[1];
      return { text, eastAsia: attr('eastAsia'), ascii: attr('ascii'), hAnsi: attr('hAnsi'), hint: attr('hint') };
    });
}

describe('the fonts of the .docx', () => {
  it('name the standard’s faces as East-Asian fonts, the Latin face apart, by role', async () => {
    const all = runs((await parts()).document);
    const face = (text: string) => all.find((run) => run.text.startsWith(text))!.eastAsia;
    expect(face('中共某某')).toBe('方正小标宋简体');
    expect(face('关于全区')).toBe('方正小标宋简体');
    expect(face('一、总体情况')).toBe('黑体');
    expect(face('（一）提高政治站位。')).toBe('楷体_GB2312');
    expect(face('把督察整改')).toBe('仿宋_GB2312');
    expect(face('1. 截至2026年')).toBe('仿宋_GB2312');
    for (const run of all) {
      expect(run.hint, run.text).toBe('eastAsia');
      expect(run.ascii, run.text).toBe(run.eastAsia);
      expect(run.hAnsi, run.text).toBe(run.ascii);
    }
  });

  it('set digits and Latin letters in Times New Roman when the office chose it, the marks and page numbers still in their Chinese faces', async () => {
    const { document, styles } = await parts({ ...notice, latinFace: 'times' });
    const all = runs(document);
    const run = (text: string) => all.find((r) => r.text.startsWith(text))!;
    for (const text of ['关于全区', '一、总体情况', '（一）提高政治站位。', '1. 截至2026年', '某纪监驻环〔2026〕5号', '2026年12月5日']) {
      expect(run(text).ascii, text).toBe('Times New Roman');
      expect(run(text).hAnsi, text).toBe('Times New Roman');
    }
    expect(run('1. 截至2026年').eastAsia).toBe('仿宋_GB2312');
    expect(run('中共某某').ascii).toBe('方正小标宋简体');
    expect(/<w:docDefaults>.*?<w:rFonts [^>]*w:ascii="Times New Roman"/s.test(styles)).toBe(true);
  });

  it('set the body’s defaults in the styles: 仿宋_GB2312 3号', async () => {
    const { styles } = await parts();
    const defaults = /<w:docDefaults>(.*?)<\/w:docDefaults>/s.exec(styles)![1]!;
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toContain('<w:sz w:val="32"/>');
    // LibreOffice sizes Word's line grid from the Normal style.
    const normal = /<w:style w:type="paragraph" w:default="1" w:styleId="Normal">(.*?)<\/w:style>/s.exec(styles)![1]!;
    expect(normal).toContain('<w:sz w:val="32"/>');
  });
});
