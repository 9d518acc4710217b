import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Attributes, parseXml } from '../../../src/core/excel/read/xml';
import { parseXml as parseReference } from '../../fixtures/reference-scanner';

/**
 * The events a part gives, read in chunks of `size` bytes so that tokens (and characters) are cut
 * anywhere; broken text shows as "<!>", when `badText` is handled.
 */
async function events(xml: string | Buffer, size = 7, badText = false): Promise<string[]> {
  const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const seen: string[] = [];
  await parseXml(Readable.from(chunks), {
    open: (name, attributes) =>
      seen.push(
        `<${name}${['r', 't', 'spans', 'a']
          .filter((key) => attributes.get(key) !== undefined)
          .map((key) => ` ${key}=${attributes.get(key)}`)
          .join('')}>`,
      ),
    text: (text) => seen.push(text),
    close: (name) => seen.push(`</${name}>`),
    ...(badText ? { badText: () => seen.push('<!>') } : {}),
  });
  return seen.reduce<string[]>((joined, event) => {
    // Text cut by a chunk boundary arrives in pieces; what matters is what it says.
    if (!event.startsWith('<') && joined.length && !joined.at(-1)!.startsWith('<')) joined[joined.length - 1] += event;
    else joined.push(event);
    return joined;
  }, []);
}

describe('the scanner of workbook parts', () => {
  it('reads tags by their local name, attributes in either quote, entities, CDATA, and skips comments and declarations', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><!-- 注释 --><x:row r="1" spans='1:2'><x:c r="A1" t="inlineStr"><x:is><x:t>甲 &amp; 乙 &lt;丙&gt; &#19993;&#x4E01;</x:t></x:is></x:c><c r="B1"/><v><![CDATA[<原样>]]></v></x:row>`;
    for (const size of [1, 7, 64, 4096]) {
      expect(await events(xml, size)).toEqual([
        '<row r=1 spans=1:2>',
        '<c r=A1 t=inlineStr>',
        '<is>',
        '<t>',
        '甲 & 乙 <丙> 丙丁',
        '</t>',
        '</is>',
        '</c>',
        '<c r=B1>',
        '</c>',
        '<v>',
        '<原样>',
        '</v>',
        '</row>',
      ]);
    }
  });

  it('refuses parts that are not well-formed: tags that do not nest, markup cut off, stray ampersands', async () => {
    for (const broken of ['<row><c></row></c>', '<row><c r="A1">', '<row><c r="A1"', '<t>a & b</t>', '<row>< c/></row>']) {
      await expect(events(broken), broken).rejects.toThrow();
    }
  });

  it('reads characters of two, three and four bytes cut by chunks anywhere as the text they are', async () => {
    const xml = '<t a="é中𠀀">é中𠀀 – ½ 😀 \uFFFD</t>';
    for (const size of [1, 2, 3, 4, 5, 6, 7]) expect(await events(xml, size, true)).toEqual(['<t a=é中𠀀>', 'é中𠀀 – ½ 😀 \uFFFD', '</t>']);
  });

  it('tells of bytes that are not UTF-8 and of characters XML does not allow, wherever the chunks cut, and refuses them when not asked to tell', async () => {
    const broken = [
      Buffer.concat([Buffer.from('<t>甲'), Buffer.from([0xff]), Buffer.from('乙</t>')]),
      Buffer.concat([Buffer.from('<t>甲'), Buffer.from([0xe4, 0xb8]), Buffer.from('</t>')]),
      Buffer.from('<t>甲\u0001</t>'),
      Buffer.from('<t>甲&#1;</t>'),
      Buffer.from('<t>&#xD800;乙</t>'),
      Buffer.from('<t>&#x110000;</t>'),
      Buffer.from('<t a="&#0;">甲</t>'),
      Buffer.from('<t><![CDATA[\u0002]]></t>'),
    ];
    for (const xml of broken) {
      for (const size of [1, 3, 7, 4096]) {
        expect(await events(xml, size, true), `${xml.toString('hex')} / ${size}`).toContain('<!>');
        await expect(events(xml, size), xml.toString('hex')).rejects.toThrow();
      }
    }
    expect(await events('<t>甲&#9;乙&#10;丙&#13;&#xD83D;&#xDE00;</t>', 3, true)).toEqual(['<t>', '甲\t乙\n丙\r😀', '</t>']);
  });

  it('refuses a document type before reading past it, and elements nested past 256', async () => {
    await expect(events('<!DOCTYPE t [<!ENTITY a "甲">]><t>&a;</t>')).rejects.toThrow('document type');
    await expect(events(`${'<a>'.repeat(257)}${'</a>'.repeat(257)}`, 4096)).rejects.toThrow('nested too deep');
    expect(await events(`${'<a>'.repeat(256)}${'</a>'.repeat(256)}`, 4096)).toHaveLength(512);
  });
});

// ---- The same events as the scanner before stop 24 ----------------------------------------------

/** Attribute names the generator writes: those the reader asks for, one with a prefix, and others. */
const ATTRIBUTE_NAMES = ['r', 't', 's', 'ref', 'r:id', 'Id', 'x14ac:dyDescent', 'spans', 'a_1'];
/** Element names, with and without prefixes. */
const ELEMENT_NAMES = ['row', 'c', 'v', 't', 'is', 'x:row', 'x:c', 'si', 'a.b-c'];

/** Bits of a part as writers write them, and (with `dirty`) as they should not: bad entities, forbidden characters, bytes that are not UTF-8, stray markup. */
function partOf(dirty: boolean): fc.Arbitrary<Piece[]> {
  const pick = (clean: string[], bad: string[]): fc.Arbitrary<string> => fc.constantFrom(...clean, ...(dirty ? bad : []));
  const valueText = pick(
    ['A1', '1', 's', '', '甲乙', '𠀀😀', '&amp;', '&#19993;', 'a>b', "it's", 'say "x"', '\uFFFD'],
    ['&#1;', '&#xD800;', '&bogus;', '&', '<', '\u0001'],
  );
  const textPiece = fc.oneof(
    pick(
      ['123', '甲 乙', '😀𠀀', ' \n\t', '&lt;&gt;&amp;&quot;&apos;', '&#9;&#x4E01;', ']]>', '>', '<![CDATA[<原样> & ]]>', '<!-- 注释 -->', '<?pi x?>'],
      ['&#0;', '&#x110000;', '&bad;', 'a & b', '\u0002', '\uFFFE', '<![CDATA[\u0003]]>'],
    ),
    fc.string({ unit: 'grapheme', maxLength: 8 }).map((text) => (dirty ? text : text.replace(/[<&]/g, ''))),
  );
  const space = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u3000', '\v', '');
  const attribute = fc
    .tuple(fc.constantFrom(...ATTRIBUTE_NAMES), space, space, space, fc.constantFrom('"', "'"), valueText)
    .map(([name, before, around, after, quote, value]) => `${before || ' '}${name}${around}=${after}${quote}${value.replaceAll(quote, '')}${quote}`);
  const startTag = fc
    .tuple(fc.constantFrom(...ELEMENT_NAMES), fc.array(attribute, { maxLength: 4 }), space, fc.boolean())
    .map(([name, attributes, trailing, selfClosing]) => ({ name, tag: `<${name}${attributes.join('')}${trailing}${selfClosing ? '/' : ''}>`, selfClosing }));
  const stray = fc.oneof(
    fc.constantFrom('<!DOCTYPE x>', '< c/>', '<c', '</ c>', '</>', '<>', '<1a>', '</1a>', '<c/ >', '<c r="A1" / >', '<c r=A1>', '<c r="1"t="s">', '</x>'),
    fc.constantFrom(...BAD_BYTES).map((bytes) => Uint8Array.from(bytes)),
  );
  const nodes = fc.letrec<{ node: Piece[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: textPiece.map((text) => [text]) },
      ...(dirty ? [{ weight: 1, arbitrary: stray.map((piece) => [piece]) }] : []),
      {
        weight: 5,
        arbitrary: fc
          .tuple(startTag, fc.array(tie('node'), { maxLength: 5 }), fc.constantFrom('', ' ', '\n'))
          .map(([{ name, tag, selfClosing }, children, closing]) => (selfClosing ? [tag] : [tag, ...children.flat(), `</${name}${closing}>`])),
      },
    ),
  })).node;
  // Mostly under one root, as parts are.
  return fc
    .tuple(fc.array(nodes, { maxLength: 10, size: 'medium' }), fc.boolean())
    .map(([children, rooted]) => (rooted ? ['<?xml version="1.0"?>\n<x:worksheet a="1">', ...children.flat(), '</x:worksheet>'] : children.flat()));
}

type Piece = string | Uint8Array;
const BAD_BYTES: readonly number[][] = [[0xff], [0xe4, 0xb8], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]];

/** The events of a part read in the chunks `cuts` makes, by either scanner, with the handlers `which` names; the error a scanner ends with. */
async function eventsOf(parse: typeof parseXml | typeof parseReference, bytes: Buffer, cuts: number[], which: string): Promise<string[]> {
  const ends = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [0, ...ends, bytes.length].slice(1).map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], end));
  const seen: string[] = [];
  const attributesSeen = (get: (name: string) => string | undefined): string =>
    ATTRIBUTE_NAMES.map((name) => get(name))
      .map((value, i) => (value === undefined ? '' : ` ${ATTRIBUTE_NAMES[i]}=${JSON.stringify(value)}`))
      .join('');
  const handlers = {
    open: (name: string, attributes: Attributes | Readonly<Record<string, string>>) =>
      seen.push(
        `<${name}${attributesSeen((key) => ('get' in attributes && typeof attributes.get === 'function' ? (attributes as Attributes).get(key) : (attributes as Record<string, string>)[key]))}>`,
      ),
    text: (text: string) => seen.push(JSON.stringify(text)),
    close: (name: string) => seen.push(`</${name}>`),
    badText: () => seen.push('<!>'),
  };
  const chosen = Object.fromEntries(Object.entries(handlers).filter(([key]) => which.includes(key)));
  try {
    await parse(Readable.from(chunks.filter((chunk) => chunk.length > 0)), chosen);
  } catch (error) {
    seen.push(`error: ${(error as Error).message}`);
  }
  return seen;
}

describe('the scanner, made faster, against the one before it', () => {
  it('gives exactly the same events and errors for generated parts cut into chunks anywhere', async () => {
    const handlerSets = ['open text close badText', 'open text close', 'close', 'open badText'];
    await fc.assert(
      fc.asyncProperty(fc.boolean().chain(partOf), fc.array(fc.nat(), { maxLength: 12 }), fc.constantFrom(...handlerSets), async (pieces, cuts, which) => {
        const bytes = Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)));
        expect(await eventsOf(parseXml, bytes, cuts, which)).toEqual(await eventsOf(parseReference, bytes, cuts, which));
      }),
      { numRuns: 3000, seed: 20_261_205 },
    );
  });
});
