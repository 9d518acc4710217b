import type { FontName } from './fonts';

/**
 * GB/T 9704-2012 7.3.3: 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋 — the font marks the heading,
 * so a paragraph that goes on after its heading sentence (（一）压实责任。请你单位…) sets only that
 * sentence in the heading's font and the rest as body text.
 */
export const HEADING_FONTS: Readonly<Partial<Record<number, FontName>>> = { 1: 'heiti', 2: 'kaiti' };

/** The paragraph's heading (up to and with its first 。, or the whole paragraph without one) and the text after it. */
export function headingOf(text: string, level: number): { heading: string; rest: string } {
  if (!HEADING_FONTS[level]) return { heading: '', rest: text };
  const end = text.search(/[。！？]/u);
  return end < 0 ? { heading: text, rest: '' } : { heading: text.slice(0, end + 1), rest: text.slice(end + 1) };
}
