import type { ComposedDocument, DocumentBlock } from '../../src/core/documents/model';
import type { TextLine } from './pdf';

/** What the documents' layout tests print: a paragraph three lines long, the office's signature, the type area's edges in millimetres. */
export const PARAGRAPH = '请你单位高度重视，对照整改方案和时间节点，逐项分析滞后原因，压实整改责任，倒排工期、挂图作战，确保整改任务尽快完成。';
export const SIGNATURE = '驻自治区生态环境厅纪检监察组';
export const TYPE_AREA_MM = { left: 28, right: 28 + 156, bottom: 262 } as const;

/** `n` numbered paragraphs (1. 2. …) of PARAGRAPH. */
export const paragraphs = (n: number): DocumentBlock[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${PARAGRAPH}`, level: 3 as const }));

/** A line's text without the spaces pdftotext puts between words. */
export const plain = (line: TextLine): string => line.text.replace(/\s/g, '');

/** A one-paragraph notice to 自治区水利厅 with the given title. */
export const titledNotice = (title: string): ComposedDocument => ({
  format: 'standard',
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环〔2026〕3号',
  title,
  addressee: '自治区水利厅',
  blocks: [{ kind: 'paragraph', text: '请你单位高度重视，逐项分析滞后原因，压实整改责任。', level: 3 }],
  signature: '驻自治区生态环境厅纪检监察组',
  date: '2026-11-24' as ComposedDocument['date'],
  copyTo: '',
});
