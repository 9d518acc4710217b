import { PT_PER_MM, TITLE_PT, TYPE_AREA_MM } from '../../../shared/documents/geometry';

/**
 * A title's lines by GB/T 9704-2012 7.3.1: 回行时词意完整、排列对称、长短适宜，梯形或菱形. A title is
 * broken only between words — Chromium and Word break between any two Chinese characters, which
 * cuts 反馈 or 2026年11月 in two — choosing, among the breaks that fit the type area, the lines
 * closest to equal, their lengths falling (a trapezoid) or rising to a middle line (a diamond).
 */

/** Ems on one title line: 156 mm of 2号 (22 pt) characters. */
export const TITLE_LINE_EMS = Math.floor((TYPE_AREA_MM.width * PT_PER_MM) / TITLE_PT);

/**
 * Words of the domain a general segmenter splits (整|改, 催|报): no title breaks inside them. The
 * longer first where one holds another.
 */
const DOMAIN_WORDS = [
  '中央生态环境保护督察',
  '生态环境保护',
  '纪检监察组',
  '整改进展',
  '整改落实',
  '整改任务',
  '整改工作',
  '反馈问题',
  '提醒函',
  '督办单',
  '催报函',
  '催办函',
  '通报',
  '整改',
  '督察',
  '督办',
  '督促',
  '催报',
  '催办',
  '反馈',
  '落实',
  '推进',
  '进展',
  '情况',
  '报送',
  '按时',
  '逾期',
  '信访',
  '问责',
  '销号',
  '巡视',
  '巡察',
  '关于',
];

/** No line begins with these (closing marks), none ends with those (opening marks). */
const NO_LINE_START = new Set('，。、；：？！）》」』”’〕】…·');
const NO_LINE_END = new Set('（《「『“‘〔【');
/**
 * A break just after a pause (、，) reads best; one after a joining word (和, 对) or before 的 splits
 * a name or a phrase (…情况 / 的通报).
 */
const PAUSES = new Set('、，；：');
const JOINING = new Set('和与及或对');
function breakCost(chars: readonly string[], offset: number): number {
  if (PAUSES.has(chars[offset - 1]!)) return -6;
  return JOINING.has(chars[offset - 1]!) || chars[offset] === '的' ? 12 : 0;
}
/** A number keeps the unit that follows it (2026年, 11月, 第3批). */
const NUMBER_UNITS = new Set('年月日号期批次件项个条');

const isNarrow = (ch: string): boolean => ch.charCodeAt(0) < 0x2e80;
const emsOf = (chars: readonly string[]): number => chars.reduce((sum, ch) => sum + (isNarrow(ch) ? 0.5 : 1), 0);

/** Offsets (in characters) a line may begin at. */
function breakOffsets(chars: readonly string[]): number[] {
  const text = chars.join('');
  const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const allowed = new Set<number>();
  let at = 0;
  for (const { segment } of words.segment(text)) {
    at += [...segment].length;
    if (at < chars.length) allowed.add(at);
  }
  for (const word of DOMAIN_WORDS) {
    const length = [...word].length;
    for (let from = text.indexOf(word); from >= 0; from = text.indexOf(word, from + 1)) {
      const start = [...text.slice(0, from)].length;
      for (let inside = start + 1; inside < start + length; inside++) allowed.delete(inside);
    }
  }
  const bracketed = bracketedOffsets(chars);
  return [...allowed]
    .filter((offset) => {
      if (bracketed.has(offset)) return false;
      const before = chars[offset - 1]!;
      const after = chars[offset]!;
      if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
      return !(/\d/.test(before) && (/\d/.test(after) || NUMBER_UNITS.has(after)));
    })
    .sort((a, b) => a - b);
}

/** Offsets inside a bracket's pair — （2026年第12期） stays on one line. */
function bracketedOffsets(chars: readonly string[]): Set<number> {
  const inside = new Set<number>();
  let depth = 0;
  chars.forEach((ch, i) => {
    if (depth > 0) inside.add(i);
    if (ch === '（' || ch === '(' || ch === '〔') depth++;
    if ((ch === '）' || ch === ')' || ch === '〕') && depth > 0) depth--;
  });
  return inside;
}

/** How far lines are from the title's shape: unequal lengths cost, and more so when they neither fall nor rise to a middle. */
function costOf(widths: readonly number[]): number {
  const mean = widths.reduce((a, b) => a + b, 0) / widths.length;
  const spread = widths.reduce((sum, w) => sum + (w - mean) ** 2, 0);
  const peak = widths.indexOf(Math.max(...widths));
  const falling = widths.every((w, i) => i === 0 || w <= widths[i - 1]!);
  const diamond = widths.every((w, i) => (i <= peak ? i === 0 || w >= widths[i - 1]! : w <= widths[i - 1]!));
  return spread + (falling ? 0 : diamond ? 1 : 4 * widths.length);
}

/** Every way of choosing `count` ascending offsets from `offsets`. */
function* choose(offsets: readonly number[], count: number, from = 0): Generator<number[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= offsets.length - count; i++) for (const rest of choose(offsets, count - 1, i + 1)) yield [offsets[i]!, ...rest];
}

/** The best lines of `count` that all fit, or null when no choice of breaks makes them fit. */
function bestOf(chars: readonly string[], offsets: readonly number[], count: number, maxEms: number): string[] | null {
  let best: { lines: string[]; cost: number } | null = null;
  for (const breaks of choose(offsets, count - 1)) {
    const bounds = [0, ...breaks, chars.length];
    const parts = bounds.slice(1).map((end, i) => chars.slice(bounds[i], end));
    const widths = parts.map(emsOf);
    if (widths.some((w) => w > maxEms)) continue;
    const cost = costOf(widths) + breaks.reduce((sum, offset) => sum + breakCost(chars, offset), 0);
    if (!best || cost < best.cost) best = { lines: parts.map((p) => p.join('')), cost };
  }
  return best?.lines ?? null;
}

/**
 * Where the office forces a line break in a title: a | or ｜ (what a one-line title box lets a
 * clerk type, said in its hint) or a new line (a template's).
 */
const FORCED_BREAK = /[|｜\r\n]/u;

/** The title as one line of text (the register, the page's name): the forced breaks taken out. */
export const plainTitle = (title: string): string =>
  title
    .split(FORCED_BREAK)
    .map((part) => part.trim())
    .join('');

/** The title's lines: broken where the office forced it, and each part as `partLines` breaks it. */
export function titleLines(title: string, maxEms = TITLE_LINE_EMS): string[] {
  const parts = title
    .split(FORCED_BREAK)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length ? parts.flatMap((part) => partLines(part, maxEms)) : [''];
}

/** A part's lines: one when it fits, else the fewest lines broken between words that fit, shaped as above. */
function partLines(part: string, maxEms: number): string[] {
  const chars = [...part];
  const total = emsOf(chars);
  if (total <= maxEms) return [chars.join('')];
  const offsets = breakOffsets(chars);
  for (let count = Math.ceil(total / maxEms); count <= Math.min(chars.length, 6); count++) {
    const lines = bestOf(chars, offsets, count, maxEms);
    if (lines) return lines;
  }
  // A title no word break can fit (one very long word): broken between any characters instead.
  return bestOf(chars, chars.map((_, i) => i).slice(1), Math.ceil(total / maxEms) + 1, maxEms) ?? [chars.join('')];
}
