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
  /** `attributes` are read from the tag when asked, during this call only. */
  open?(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * Told, before the text or tag holding it is passed on, that the part holds a character XML does
   * not allow or bytes that are not UTF-8; without this handler the part is refused as damaged.
   */
  badText?(): void;
}

/** An element's attributes by name, entities decoded; of one given twice, the last. */
export interface Attributes {
  get(name: string): string | undefined;
}

export class XmlError extends Error {}

/** Markup, the way every token beginning with '<' is judged; the scanner takes a shorter way to the tags most are. */
const TOKEN =
  /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\/([A-Za-z_][\w.:-]*)\s*>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/y;
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
  readonly attributes: TagAttributes;
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

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const AMPERSAND = 0x26;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const LESS_THAN = 0x3c;
const EQUALS = 0x3d;
const GREATER_THAN = 0x3e;

/** [A-Za-z_], what a name begins with (as in TOKEN). */
const isNameStart = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
/** [\w.:-], what a name goes on with: digits and ':' are neighbours, 0x30 to 0x3a. */
const isNameCharacter = (code: number): boolean => isNameStart(code) || (code >= 0x30 && code <= 0x3a) || code === 0x2e || code === 0x2d;
const isSpace = (code: number): boolean => code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;

/** Where the name beginning at `at` ends; `at` itself when no name begins there. */
function nameEnd(buffer: string, at: number): number {
  if (!isNameStart(buffer.charCodeAt(at))) return at;
  let end = at + 1;
  while (isNameCharacter(buffer.charCodeAt(end))) end++;
  return end;
}

/** Past the spaces, tabs and line ends at `at`; rarer white space is left to TOKEN. */
function spaceEnd(buffer: string, at: number): number {
  let end = at;
  while (isSpace(buffer.charCodeAt(end))) end++;
  return end;
}

/**
 * The attributes of the tag being read, kept as offsets into the text holding them: no string is
 * made for an attribute no handler asks for. One object serves every tag of a part.
 */
class TagAttributes implements Attributes {
  private text = '';
  /** The attributes as written, from `from` to `to` in `text`. */
  from = 0;
  private to = 0;
  /** Four offsets an attribute: where its name begins and ends, where its value begins and ends. */
  private readonly spans: number[] = [];
  /** Attributes in `spans`: the array is kept at its longest, not cut for every tag. */
  private count = 0;
  /** Some value holds a reference, so all are decoded before the handler sees them. */
  entities = false;
  private decoded: string[] | null = null;

  begin(text: string, from: number): void {
    this.text = text;
    this.from = this.to = from;
    this.count = 0;
    this.entities = false;
    this.decoded = null;
  }

  add(name: number, nameStop: number, value: number, valueStop: number): void {
    const at = 4 * this.count++;
    this.spans[at] = name;
    this.spans[at + 1] = nameStop;
    this.spans[at + 2] = value;
    this.spans[at + 3] = valueStop;
    this.to = valueStop + 1;
  }

  /** The attributes TOKEN matched, when the tag was written in a way `readStartTag` leaves to it. */
  readFrom(source: string): void {
    this.begin(source, 0);
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
      const value = match[2] ?? match[3] ?? '';
      const valueStop = match.index + match[0].length - 1;
      this.add(match.index, match.index + match[1]!.length, valueStop - value.length, valueStop);
      if (value.includes('&')) this.entities = true;
    }
  }

  /** Checks the attributes as the scanner checks text: forbidden characters, then entities, each value in turn. */
  settle(state: ScanState): void {
    if (this.to > this.from && state.suspect) checked(this.text.slice(this.from, this.to), state);
    if (!this.entities) return;
    const values: string[] = [];
    for (let i = 0; i < 4 * this.count; i += 4) values.push(decode(this.text.slice(this.spans[i + 2], this.spans[i + 3]), state));
    this.decoded = values;
  }

  get(name: string): string | undefined {
    const { spans, text } = this;
    // From the last: of an attribute given twice, the last is the one (as an object built in order keeps it).
    for (let i = 4 * this.count - 4; i >= 0; i -= 4) {
      if (spans[i + 1]! - spans[i]! !== name.length || !text.startsWith(name, spans[i])) continue;
      return this.decoded ? this.decoded[i / 4] : text.slice(spans[i + 2], spans[i + 3]);
    }
    return undefined;
  }
}

/** The closing `quote` of a value beginning at `at`; -1 when the buffer ends first. */
function valueEnd(buffer: string, at: number, quote: number, attributes: TagAttributes): number {
  for (let i = at; i < buffer.length; i++) {
    const code = buffer.charCodeAt(i);
    if (code === quote) return i;
    if (code === AMPERSAND) attributes.entities = true;
  }
  return -1;
}

/** The attribute beginning at `at` (`name = "value"`) into `attributes`; where it ends, or -1. */
function readAttribute(buffer: string, at: number, attributes: TagAttributes): number {
  const nameStop = nameEnd(buffer, at);
  if (nameStop === at) return -1;
  const equals = spaceEnd(buffer, nameStop);
  if (buffer.charCodeAt(equals) !== EQUALS) return -1;
  const open = spaceEnd(buffer, equals + 1);
  const quote = buffer.charCodeAt(open);
  if (quote !== QUOTE && quote !== APOSTROPHE) return -1;
  const close = valueEnd(buffer, open + 1, quote, attributes);
  if (close < 0) return -1;
  attributes.add(at, nameStop, open + 1, close);
  return close + 1;
}

/**
 * The start tag at `at` as spreadsheet programs write it — attributes after spaces, in either quote —
 * read into `attributes` (its name ends at `attributes.from`); where it ends, or -1 for anything
 * else: a tag cut by the end of the chunk, rarer white space, markup that is no start tag. TOKEN
 * judges those as before, so this only takes a shorter way to the same tokens.
 */
function readStartTag(buffer: string, at: number, attributes: TagAttributes): number {
  let end = nameEnd(buffer, at + 1);
  if (end === at + 1) return -1;
  attributes.begin(buffer, end);
  for (;;) {
    const next = spaceEnd(buffer, end);
    const code = buffer.charCodeAt(next);
    if (code === GREATER_THAN) return next + 1;
    if (code === SLASH) return buffer.charCodeAt(next + 1) === GREATER_THAN ? next + 2 : -1;
    // An attribute follows white space.
    if (next === end) return -1;
    end = readAttribute(buffer, next, attributes);
    if (end < 0) return -1;
  }
}

/** The end tag at `at` written without white space; where it ends, or -1 (TOKEN judges the rest). */
function readEndTag(buffer: string, at: number): number {
  const end = nameEnd(buffer, at + 2);
  return end > at + 2 && buffer.charCodeAt(end) === GREATER_THAN ? end + 1 : -1;
}

function openElement(name: string, selfClosing: boolean, state: ScanState): void {
  const local = localName(name);
  const { handlers, attributes } = state;
  if (handlers.open) {
    attributes.settle(state);
    handlers.open(local, attributes);
  }
  if (selfClosing) handlers.close?.(local);
  else if (state.open.push(name) > MAX_DEPTH) throw new XmlError('nested too deep');
}

function closeElement(name: string, state: ScanState): void {
  if (state.open.pop() !== name) throw new XmlError(`unexpected </${name}>`);
  state.handlers.close?.(localName(name));
}

/** The markup at `at` as TOKEN reads it: any tag, CDATA, a comment or a declaration; -1 when it is cut by the end of the chunk. */
function scanByExpression(buffer: string, at: number, state: ScanState): number {
  TOKEN.lastIndex = at;
  const match = TOKEN.exec(buffer);
  if (!match) {
    if (buffer.startsWith('<!DOCTYPE', at)) throw new XmlError('document type');
    return -1;
  }
  const [, name, attributes, selfClosing, closing, cdata] = match;
  if (name !== undefined) {
    state.attributes.readFrom(attributes!);
    openElement(name, selfClosing === '/', state);
  } else if (closing !== undefined) closeElement(closing, state);
  else if (cdata !== undefined) state.handlers.text?.(checked(cdata, state));
  return TOKEN.lastIndex;
}

/** The markup at `at`: the tags every part is made of by the shorter way, the rest by TOKEN. */
function scanMarkup(buffer: string, at: number, state: ScanState): number {
  if (buffer.charCodeAt(at + 1) === SLASH) {
    const end = readEndTag(buffer, at);
    if (end < 0) return scanByExpression(buffer, at, state);
    closeElement(buffer.slice(at + 2, end - 1), state);
    return end;
  }
  const end = readStartTag(buffer, at, state.attributes);
  if (end < 0) return scanByExpression(buffer, at, state);
  openElement(buffer.slice(at + 1, state.attributes.from), buffer.charCodeAt(end - 2) === SLASH, state);
  return end;
}

/** The text at `at`, up to the next markup; -1 when it runs to the end of the chunk, and may go on in the next one. */
function scanText(buffer: string, at: number, state: ScanState): number {
  const end = buffer.indexOf('<', at);
  if (end < 0) return -1;
  if (state.open.length > 0) state.handlers.text?.(decode(checked(buffer.slice(at, end), state), state));
  return end;
}

/** Scans what is complete in `buffer`; the index where an unfinished token begins. */
function scan(buffer: string, state: ScanState): number {
  let at = 0;
  while (at < buffer.length) {
    const next = buffer.charCodeAt(at) === LESS_THAN ? scanMarkup(buffer, at, state) : scanText(buffer, at, state);
    if (next < 0) return at;
    at = next;
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
  const state: ScanState = { handlers, open: [], suspect: false, forbidden: FORBIDDEN_DECODED, attributes: new TagAttributes() };
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
