import type { LatinFace } from '../model';
import { cssString } from './css-string';

/**
 * The typefaces GB/T 9704 names, found by their names on Windows and domestic Linux first, then the
 * open fonts Debian ships (fonts-noto-cjk, fonts-arphic-gkai00mp, fonts-wqy-zenhei). Each role is
 * one face made of local() sources, so a heavy fallback (Noto Serif Bold for 小标宋) is used as it
 * is, never bolded a second time, and the real font, where present, is never faked bold.
 */
export interface FontRole {
  readonly family: string;
  /** Names as Word and WPS know them, for the .docx: the first is what the file asks for. */
  readonly docx: string;
  readonly local: readonly string[];
  readonly generic: 'serif' | 'sans-serif';
}

export const FONTS = {
  fangsong: {
    family: 'Duban FangSong',
    docx: '仿宋_GB2312',
    local: [
      '仿宋_GB2312',
      'FangSong_GB2312',
      '仿宋',
      'FangSong',
      '华文仿宋',
      'STFangsong',
      'Noto Serif CJK SC',
      'NotoSerifCJKsc-Regular',
      'Source Han Serif SC',
    ],
    generic: 'serif',
  },
  xiaobiaosong: {
    family: 'Duban XiaoBiaoSong',
    docx: '方正小标宋简体',
    local: [
      '方正小标宋简体',
      'FZXiaoBiaoSong-B05S',
      '方正小标宋_GBK',
      'FZXiaoBiaoSong-B05',
      '华文中宋',
      'STZhongsong',
      'Noto Serif CJK SC Bold',
      'NotoSerifCJKsc-Bold',
      'Source Han Serif SC Bold',
    ],
    generic: 'serif',
  },
  kaiti: {
    family: 'Duban KaiTi',
    docx: '楷体_GB2312',
    local: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti', 'LXGW WenKai', 'AR PL KaitiM GB', 'GBZenKai-Medium', 'AR PL UKai CN'],
    generic: 'serif',
  },
  heiti: {
    family: 'Duban HeiTi',
    docx: '黑体',
    local: ['黑体', 'SimHei', '华文黑体', 'STHeiti', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'WenQuanYi Zen Hei'],
    generic: 'sans-serif',
  },
  songti: {
    family: 'Duban SongTi',
    docx: '宋体',
    local: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Noto Serif CJK SC', 'NotoSerifCJKsc-Regular'],
    generic: 'serif',
  },
} as const satisfies Record<string, FontRole>;

export type FontName = keyof typeof FONTS;

/** Digits and Latin letters when the office sets them in Times New Roman (LatinFace 'times'): only those characters. */
const TIMES = { family: 'Duban Latin', docx: 'Times New Roman', local: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos'] } as const;

export const fontFaces = (): string =>
  [...Object.values(FONTS).map((role) => ({ ...role, range: '' })), { ...TIMES, range: ' unicode-range: U+0020-007E, U+00A0-00FF;' }]
    .map(
      (role) => `@font-face { font-family: ${cssString(role.family)}; src: ${role.local.map((name) => `local(${cssString(name)})`).join(', ')};${role.range} }`,
    )
    .join('\n');

/** The role's face, then the first names themselves (should local() find nothing), then the generic family. */
export const fontStack = (name: FontName, face: LatinFace): string => {
  const role: FontRole = FONTS[name];
  const names = [...(face === 'times' ? [TIMES.family] : []), role.family, ...role.local.slice(0, 3)].map(cssString);
  return [...names, role.generic].join(', ');
};

/**
 * A role's fonts as Word and WPS read them: the East-Asian face by the name the standard gives, the
 * Latin face (`ascii`, `hAnsi`) apart — the role's own or Times New Roman, as the office set it
 * (LatinFace) — and the hint that punctuation shared by both scripts (— “ ” ·) is East-Asian.
 */
export const docxFonts = (name: FontName, face: LatinFace) => {
  const latin = face === 'times' ? TIMES.docx : FONTS[name].docx;
  return { eastAsia: FONTS[name].docx, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' } as const;
};
