import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

/**
 * Streams one XML part of a workbook through a small scanner: the handlers see elements by their
 * local name (writers differ in namespace prefixes: `x:row` and `row` are the same element) and
 * text with its entities decoded. The parts of an .xlsx are plain XML (no DTD), so the scanner
 * knows tags, text, character references, CDATA, comments and processing instructions; it checks
 * that the tags nest, and refuses anything else as damaged — a document type above all, since its
 * entities could expand a few bytes into gigabytes. A worksheet of 50,000 rows is read several
 * times faster than by a general SAX parser, and never held whole.
 */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * Told, before the text or tag holding it is passed on, that the part holds a character XML does
   * not allow or bytes that are not UTF-8; without this handler the part is refused as damaged.
   */
  badText?(): void;
}

export class XmlError extends Error {}

const TOKEN =
  /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\/([A-Za-z_][\w.:-]*)\s*>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Characters XML 1.0 does not allow: controls other than tab, LF and CR; U+FFFE, U+FFFF; half a surrogate pair. */
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasForbiddenCharacter = (text: string): boolean => FORBIDDEN.test(text);
/** The same in text decoded from UTF-8, which never holds half a pair: one character class, fast enough for every chunk. */
const FORBIDDEN_DECODED = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** …and once bytes that are not UTF-8 were met, the replacement character they were decoded to. */
const FORBIDDEN_OR_REPLACED = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uFFFD]/;

/** No token a workbook part holds comes near this: a cell holds at most 32,767 characters, and the longest attribute (a list of ranges) far less. */
const MAX_TOKEN = 1024 * 1024;
/** Parts nest a dozen deep; libxml2 refuses past 256 by default. */
const MAX_DEPTH = 256;

/** Where the scanner is: open elements, and whether the text at hand must be checked character by character. */
interface ScanState {
  readonly handlers: XmlHandlers;
  readonly open: string[];
  /** The text being scanned may hold forbidden characters (those of `forbidden`). */
  suspect: boolean;
  forbidden: RegExp;
}

function reportBadText(state: ScanState): void {
  if (!state.handlers.badText) throw new XmlError('character not allowed');
  state.handlers.badText();
}

function decode(text: string, state: ScanState): string {
  if (!text.includes('&')) return text;
  const decoded = text.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    // Past Unicode, a reference stands for U+FFFF: no character either, refused with the others below.
    return String.fromCodePoint(code <= 0x10ffff ? code : 0xffff);
  });
  if (decoded.includes('&') && /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text)) throw new XmlError('bad entity');
  if (text.includes('&#') && FORBIDDEN.test(decoded)) reportBadText(state);
  return decoded;
}

/** Raw text or attributes as written, checked when the chunk they came in holds a forbidden character. */
function checked(raw: string, state: ScanState): string {
  if (state.suspect && state.forbidden.test(raw)) reportBadText(state);
  return raw;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function attributesOf(source: string, state: ScanState): Readonly<Record<string, string>> {
  if (!source) return NO_ATTRIBUTES;
  checked(source, state);
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) attributes[match[1]!] = decode(match[2] ?? match[3] ?? '', state);
  return attributes;
}

function openElement(name: string, attributes: string, selfClosing: boolean, state: ScanState): void {
  const local = localName(name);
  state.handlers.open?.(local, attributesOf(attributes, state));
  if (selfClosing) state.handlers.close?.(local);
  else if (state.open.push(name) > MAX_DEPTH) throw new XmlError('nested too deep');
}

/** Scans what is complete in `buffer`; the index where an unfinished token begins. */
function scan(buffer: string, state: ScanState): number {
  const { handlers, open } = state;
  let at = 0;
  while (at < buffer.length) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(buffer);
    // No token here: either one cut by the end of the chunk, or something that is not XML.
    if (!match) {
      if (buffer.startsWith('<!DOCTYPE', at)) throw new XmlError('document type');
      return at;
    }
    // Text running to the end of the chunk may go on in the next one.
    if (match[6] !== undefined && TOKEN.lastIndex === buffer.length) return at;
    at = TOKEN.lastIndex;
    const [, name, attributes, selfClosing, closing, cdata, text] = match;
    if (name !== undefined) openElement(name, attributes!, selfClosing === '/', state);
    else if (closing !== undefined) {
      if (open.pop() !== closing) throw new XmlError(`unexpected </${closing}>`);
      handlers.close?.(localName(closing));
    } else if (cdata !== undefined) handlers.text?.(checked(cdata, state));
    else if (text !== undefined && open.length > 0) handlers.text?.(decode(checked(text, state), state));
  }
  return at;
}

/** How many bytes at the end of `bytes` begin a character that the next chunk completes (0 to 3). */
function cutCharacter(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return back < (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) ? back : 0;
  }
  return 0;
}

/**
 * Decodes a part chunk by chunk, noting whether any bytes were not UTF-8 (they decode to U+FFFD,
 * which a workbook may also hold as a real character: only the bytes tell them apart). A character
 * cut by the end of a chunk waits for the next one.
 */
class Utf8Decoder {
  valid = true;
  private carried: Buffer = Buffer.alloc(0);

  write(chunk: Buffer): string {
    const bytes = this.carried.length ? Buffer.concat([this.carried, chunk]) : chunk;
    const complete = bytes.subarray(0, bytes.length - cutCharacter(bytes));
    this.carried = bytes.subarray(complete.length);
    if (this.valid && !isUtf8(complete)) this.valid = false;
    return complete.toString('utf8');
  }

  end(): string {
    if (this.carried.length) this.valid = false;
    return this.carried.toString('utf8');
  }
}

/** Resolves once the part is read; rejects when it is not well-formed, or with what a handler throws. */
export async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const decoder = new Utf8Decoder();
  const state: ScanState = { handlers, open: [], suspect: false, forbidden: FORBIDDEN_DECODED };
  const scanPending = (text: string): string => {
    if (!decoder.valid) state.forbidden = FORBIDDEN_OR_REPLACED;
    state.suspect = state.forbidden.test(text);
    return text.slice(scan(text, state));
  };
  let pending = '';
  // What ends the unfinished token at the start of `pending`: '>' for markup, '<' for text. It is
  // scanned again only once that came, and as much text again: a long one costs its length, not its square.
  let closer = '<';
  let closed = true;
  let scanAt = 0;
  try {
    for await (const chunk of stream) {
      const text = decoder.write(chunk as Buffer);
      pending += text;
      closed ||= text.includes(closer);
      if (!closed && pending.length > MAX_TOKEN) throw new XmlError('token too long');
      if (!closed || pending.length < scanAt) continue;
      pending = scanPending(pending);
      if (pending.length > MAX_TOKEN) throw new XmlError('token too long');
      scanAt = 2 * pending.length;
      closer = pending.startsWith('<') ? '>' : '<';
      closed = false;
    }
    const rest = scanPending(pending + decoder.end());
    if (rest.trim() !== '' && !/^[^<]*$/.test(rest)) throw new XmlError('unfinished markup');
    if (rest.trim() !== '' && state.open.length > 0) handlers.text?.(decode(checked(rest, state), state));
    if (state.open.length > 0) throw new XmlError(`unclosed <${state.open.at(-1)}>`);
  } finally {
    stream.destroy();
  }
}
