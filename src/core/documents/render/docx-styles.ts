import { BODY_PT } from '../../../shared/documents/geometry';
import { docxFonts } from './fonts';
import type { LatinFace } from '../model';

/**
 * The Word file's styles, written out because the `docx` library cannot say two of them: the body's
 * defaults (仿宋_GB2312 3号, the East-Asian and Latin faces apart; no widow control, as the PDF), and
 * a style for paragraphs placed by exact heights off Word's line grid (`w:snapToGrid` off:
 * LibreOffice moves even an exactly spaced paragraph onto the grid). The space Word puts between
 * Chinese and digits is left on: LibreOffice puts it whatever the file says (it reads no
 * `w:autoSpaceDE`), and the two should break lines alike.
 */
export const EXACT_STYLE = 'DubanExact';

const rFonts = (face: LatinFace): string => {
  const fonts = docxFonts('fangsong', face);
  return `<w:rFonts w:ascii="${fonts.ascii}" w:hAnsi="${fonts.hAnsi}" w:eastAsia="${fonts.eastAsia}" w:cs="${fonts.cs}" w:hint="${fonts.hint}"/>`;
};

export function stylesXml(face: LatinFace): string {
  const size = BODY_PT * 2;
  const run = `<w:rPr>${rFonts(face)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`;
  const paragraph = '<w:pPr><w:widowControl w:val="0"/></w:pPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault>${run}</w:rPrDefault><w:pPrDefault>${paragraph}</w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${paragraph}${run}</w:style>
<w:style w:type="paragraph" w:styleId="${EXACT_STYLE}"><w:name w:val="固定位置（不对齐网格）"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>
</w:styles>`;
}
