import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

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
}

export class XmlError extends Error {}

const TOKEN = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\/([A-Za-z_][\w.:-]*)\s*>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|([^<]+)/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** No token a workbook part holds comes near this: a cell holds at most 32,767 characters, and the longest attribute (a list of ranges) far less. */
const MAX_TOKEN = 1024 * 1024;
/** Parts nest a dozen deep; libxml2 refuses past 256 by default. */
const MAX_DEPTH = 256;

/** Where the scanner is: its handlers and the elements open. */
interface ScanState {
  readonly handlers: XmlHandlers;
  readonly open: string[];
}

function decode(text: string): string {
  if (!text.includes('&')) return text;
  const decoded = text.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
  if (decoded.includes('&') && /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/.test(text)) throw new XmlError('bad entity');
  return decoded;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function attributesOf(source: string): Readonly<Record<string, string>> {
  if (!source) return NO_ATTRIBUTES;
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) attributes[match[1]!] = decode(match[2] ?? match[3] ?? '');
  return attributes;
}

function openElement(name: string, attributes: string, selfClosing: boolean, state: ScanState): void {
  const local = localName(name);
  state.handlers.open?.(local, attributesOf(attributes));
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
    } else if (cdata !== undefined) handlers.text?.(cdata);
    else if (text !== undefined && open.length > 0) handlers.text?.(decode(text));
  }
  return at;
}

/** Resolves once the part is read; rejects when it is not well-formed, or with what a handler throws. */
export async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  const decoder = new StringDecoder('utf8');
  const state: ScanState = { handlers, open: [] };
  const scanPending = (text: string): string => text.slice(scan(text, state));
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
    if (rest.trim() !== '' && state.open.length > 0) handlers.text?.(decode(rest));
    if (state.open.length > 0) throw new XmlError(`unclosed <${state.open.at(-1)}>`);
  } finally {
    stream.destroy();
  }
}
