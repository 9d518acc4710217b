import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../../src/core/documents/model';
import { renderDocx } from '../../../src/core/documents/render/docx';
import { renderHtml } from '../../../src/core/documents/render/html';

/** GB/T 9704 7.3.3: the heading's font marks only the heading — a paragraph going on after it is body text. */
const notice: ComposedDocument = {
  format: 'standard',
  issuer: '驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环〔2026〕3号',
  title: '关于督促加快推进逾期整改任务的通知',
  addressee: '自治区水利厅',
  blocks: [
    { kind: 'paragraph', text: '一、总体情况', level: 1 },
    { kind: 'paragraph', text: '（一）压实整改责任。请你单位逐项分析滞后原因。', level: 2 },
    { kind: 'paragraph', text: '1.倒排工期。挂图作战。', level: 3 },
  ],
  signature: '驻自治区生态环境厅纪检监察组',
  date: '2026-11-24' as ComposedDocument['date'],
  copyTo: '',
};

/** Each run of the Word file's body as [its East-Asian font, its text]. */
async function runsOf(docx: Uint8Array): Promise<[string, string][]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:r>.*?<\/w:r>/gs)].map(([r]) => [
    /w:eastAsia="([^"]*)"/.exec(r)?.[1] ?? '',
    [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  ]);
}

describe('a heading paragraph', () => {
  it('sets only its first sentence in the heading font on the page', () => {
    const html = renderHtml([notice]);
    expect(html).toContain('<p class="p p--1 p--keep"><span class="heading">一、总体情况</span></p>');
    expect(html).toContain('<p class="p p--2"><span class="heading">（一）压实整改责任。</span>请你单位逐项分析滞后原因。</p>');
    expect(html).toContain('<p class="p p--3">1.倒排工期。挂图作战。</p>');
    expect(html).toMatch(/\.p--2 > \.heading \{ font-family: "Duban KaiTi"/);
  });

  it('sets only its first sentence in the heading font in the .docx', async () => {
    const runs = await runsOf(await renderDocx(notice));
    expect(runs).toContainEqual(['黑体', '一、总体情况']);
    expect(runs).toContainEqual(['楷体_GB2312', '（一）压实整改责任。']);
    expect(runs).toContainEqual(['仿宋_GB2312', '请你单位逐项分析滞后原因。']);
    expect(runs).toContainEqual(['仿宋_GB2312', '1.倒排工期。挂图作战。']);
  });
});
