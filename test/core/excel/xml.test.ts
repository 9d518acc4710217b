import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/core/excel/read/xml';

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
        `<${name}${Object.entries(attributes)
          .map(([k, v]) => ` ${k}=${v}`)
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
