import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/core/excel/read/xml';

/** The events a part gives, read in chunks of `size` bytes so that tokens are cut anywhere. */
async function events(xml: string, size = 7): Promise<string[]> {
  const bytes = Buffer.from(xml, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const seen: string[] = [];
  await parseXml(Readable.from(chunks), {
    open: (name, attributes) => seen.push(`<${name}${Object.entries(attributes).map(([k, v]) => ` ${k}=${v}`).join('')}>`),
    text: (text) => seen.push(text),
    close: (name) => seen.push(`</${name}>`),
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

  it('refuses a document type before reading past it, and elements nested past 256', async () => {
    await expect(events('<!DOCTYPE t [<!ENTITY a "甲">]><t>&a;</t>')).rejects.toThrow('document type');
    await expect(events(`${'<a>'.repeat(257)}${'</a>'.repeat(257)}`, 4096)).rejects.toThrow('nested too deep');
    expect(await events(`${'<a>'.repeat(256)}${'</a>'.repeat(256)}`, 4096)).toHaveLength(512);
  });
});
