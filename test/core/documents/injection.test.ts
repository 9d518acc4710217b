import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type LaunchOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument, DocumentFormat } from '../../../src/core/documents/model';
import { DocumentPrinter, findChromium, sandboxFailed, sandboxFirst } from '../../../src/core/documents/print/chromium';
import { addresseeLine, copyToLine, renderHtml } from '../../../src/core/documents/render/html';
import { fillTemplate } from '../../../src/core/documents/template/expand';
import { DOCUMENT_FIELDS, type DocumentValues, TASK_FIELDS, type TaskValues } from '../../../src/core/documents/template/fields';
import { parseTemplate, type Template } from '../../../src/core/documents/template/parse';
import { pdfLines, type TextLine } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * Whatever text a ledger or the office's settings hold (typed, or brought in by a workbook) is only
 * ever text on the page: the HTML has the elements the renderer writes and no other, loaded with
 * scripts on it runs nothing and asks for nothing, and it shows and prints the text as it was.
 */
const tempDir = useTempDir('file');

/** Each would run, load or restyle something if it were written into the page as markup. */
const PAYLOADS = [
  '</style><script>window.__pwned = 1; document.title = `pwned`</script>',
  '</title><script>window.__pwned = 2</script>',
  `"'><img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 3">`,
  '<svg onload="window.__pwned = 4"></svg><iframe srcdoc="<script>parent.__pwned = 5</script>"></iframe>',
  '"; } body { display: none } x { content: "',
  "'; } body { display: none } x { content: '",
  'a\\ b\\"c\\\\\nd\r\ne\\',
  '*/ } body { display: none } /*',
  '@import url(http://127.0.0.1:9/x.css);',
  'url(javascript:window.__pwned=6)',
  '\\3c /style\\3e \\u003cscript\\u003ewindow.__pwned = 7\\u003c/script\\u003e',
  '&lt;script&gt;window.__pwned = 8&lt;/script&gt; &amp; &#60;',
  'x\u2028y\u2029z',
  'nul\0 and lone \ud800 \udfff surrogates',
  '<!-- --> <![CDATA[ ]]> </textarea></noscript></xmp><plaintext>',
];

const FORMATS: readonly DocumentFormat[] = ['standard', 'letter', 'form'];

/** A template that puts every field somewhere: the parts, paragraphs of each heading level, a form table, a task table's header and rows. */
const field = (names: readonly string[]): string => `{{${names[0]}}}`;
const HEADINGS = ['一、', '（一）', '1. ', '（1）', ''];
const documentFields = Object.values(DOCUMENT_FIELDS);
const taskFields = Object.values(TASK_FIELDS);
function parsed(source: string): Template {
  const result = parseTemplate(source);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
const TEMPLATE = parsed(
  [
    `标题：${field(DOCUMENT_FIELDS.recipient)}`,
    `主送：${field(DOCUMENT_FIELDS.recipientShort)}`,
    ...documentFields.map((names, i) => `${HEADINGS[i % HEADINGS.length]}${field(names)}`),
    '{{#逾期任务}}',
    taskFields.map(field).join('，'),
    '{{/逾期任务}}',
    '',
    '|-----|----------|',
    ...documentFields.map((names) => `| ${names[0]} | ${field(names)} |`),
    '',
    `| ${documentFields.slice(0, taskFields.length).map(field).join(' | ')} |`,
    `|${'---|'.repeat(taskFields.length)}`,
    '{{#任务}}',
    `| ${taskFields.map(field).join(' | ')} |`,
    '{{/任务}}',
    '',
    `落款：${field(DOCUMENT_FIELDS.signature)}`,
    `抄送：${field(DOCUMENT_FIELDS.copyTo)}`,
  ].join('\n'),
);

const every = <K extends string>(table: Readonly<Record<K, unknown>>, text: string) =>
  Object.fromEntries(Object.keys(table).map((key) => [key, text])) as Record<K, string>;

/** A document as compose() makes it, with `text` in every field of the ledger and the office. */
function composed(format: DocumentFormat, text: string): ComposedDocument {
  const task: TaskValues = every(TASK_FIELDS, text);
  const filled = fillTemplate(TEMPLATE, { document: every(DOCUMENT_FIELDS, text) as DocumentValues, tasks: [task, task], overdueTasks: [task] });
  return {
    format,
    issuer: text,
    number: text,
    title: filled.parts.title!,
    addressee: filled.parts.addressee!,
    blocks: filled.blocks,
    signature: filled.parts.signature!,
    date: '2026-11-24' as ComposedDocument['date'],
    copyTo: filled.parts.copyTo!,
  };
}

const documents = (text: string) => FORMATS.map((format) => composed(format, text));

/** Plain text of the same shape: the same lines, the same separators (they split paragraphs, cells and the copy-to list), letters for the rest. */
/** The same text of the same widths (the signature's width places it), in letters and characters that mean nothing. */
const plain = (text: string): string => text.replace(/[^\s、，,；;。.]/gu, (c) => (c.charCodeAt(0) < 0x2e80 ? 'x' : '字'));

/** Text as a page shows it, for comparing: the parser drops NUL or makes it U+FFFD, as it makes a lone surrogate; spacing is layout. */
const visible = (text: string | null): string | null => text?.replace(/[\s\0\ufffd\p{Cs}]/gu, '') ?? null;

/** What each document shows, where the renderer writes it (null where its format has no such part). */
interface Shown {
  readonly issuer: string | null;
  readonly number: string | null;
  readonly title: string | null;
  readonly addressee: string | null;
  readonly signature: string | null;
  readonly copyTo: string | null;
  readonly blocks: readonly (string | null)[];
}

function expectedShown(doc: ComposedDocument): Shown {
  const standard = doc.format !== 'form';
  return {
    issuer: standard ? doc.issuer : null,
    number: doc.number,
    title: doc.title,
    addressee: standard ? addresseeLine(doc.addressee) : null,
    signature: standard ? doc.signature : null,
    copyTo: copyToLine(doc.copyTo),
    blocks: doc.blocks.flatMap((block) => (block.kind === 'table' ? [...(block.header ?? []), ...block.rows.flat()] : [block.text])),
  };
}

const visibleShown = (shown: Shown): Shown => ({
  issuer: visible(shown.issuer),
  number: visible(shown.number),
  title: visible(shown.title),
  addressee: visible(shown.addressee),
  signature: visible(shown.signature),
  copyTo: visible(shown.copyTo),
  blocks: shown.blocks.map(visible),
});

/** Run in the page (the tests type-check without the DOM): each element as parsed, its tag and attributes' names in document order. */
const SKELETON = `(html) => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('*')]
  .map((e) => [e.localName, ...[...e.attributes].map((a) => a.name)].join(' '))`;

/** Run in the loaded page: whether a payload ran, the page's title, its style rules, and what each document shows. */
const LOADED = `() => {
  const text = (root, selector) => root.querySelector(selector)?.textContent ?? null;
  return {
    pwned: window.__pwned ?? null,
    title: document.title,
    rules: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.constructor.name + ' ' + (rule.selectorText ?? rule.name ?? ''))),
    shown: [...document.querySelectorAll('.doc')].map((doc) => ({
      issuer: text(doc, '.head__issuer'),
      number: text(doc, '.head__number, .form-number'),
      title: text(doc, '.title'),
      addressee: text(doc, '.addressee'),
      signature: text(doc, '.signoff > div'),
      copyTo: text(doc, '.copyto'),
      blocks: [...doc.querySelectorAll('p.p, th, td')].map((e) => e.textContent),
    })),
  };
}`;

interface Loaded {
  readonly pwned: unknown;
  readonly title: string;
  readonly rules: readonly string[];
  readonly shown: readonly Shown[];
}

let browser: Browser;
let checker: Page;
let printer: DocumentPrinter;
const requested: string[] = [];

beforeAll(async () => {
  // A browser of the test's own, with scripts on, to show that the page itself is inert.
  browser = await chromium.launch({ executablePath: findChromium()! });
  checker = await browser.newPage();
  await checker.route('**/*', (route) => {
    requested.push(route.request().url());
    return route.abort();
  });
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(async () => {
  await printer?.close();
  await browser?.close();
});

/** The elements but the title's line breaks, which fall between its words, so differ between a text and its same-shape stand-in. */
const skeleton = async (html: string): Promise<string[]> =>
  (await checker.evaluate<string[]>(`(${SKELETON})(${JSON.stringify(html)})`)).filter(
    (element, i, all) => !(element === 'br' && /^(h1 class|br)$/.test(all[i - 1]!)),
  );

async function loaded(html: string): Promise<Loaded> {
  await checker.setContent(html, { waitUntil: 'load' });
  return checker.evaluate<Loaded>(`(${LOADED})()`);
}

describe('text that looks like markup, in every field of every format', () => {
  it.each(PAYLOADS.map((payload) => [payload]))('is only text: %j', async (payload) => {
    const docs = documents(payload);
    const html = renderHtml(docs);
    const shape = renderHtml(documents(plain(payload)));

    // (a) Parsed, the page has exactly the elements and attributes that plain text of the same shape gives.
    const elements = await skeleton(html);
    expect(elements).toEqual(await skeleton(shape));
    expect(elements.filter((e) => /^(script|iframe|img|svg|link|meta http-equiv)|\bon|src|href/.test(e))).toEqual([]);

    // (b) Loaded with scripts on: nothing ran or was asked for, the stylesheets hold the same rules, each part shows its text as it was.
    requested.length = 0;
    const page = await loaded(html);
    expect(page.pwned).toBeNull();
    expect(visible(page.title)).toBe(visible(docs[0]!.title));
    expect(requested).toEqual([]);
    expect(page.rules).toEqual((await loaded(shape)).rules);
    expect(page.shown.map(visibleShown)).toEqual(docs.map((doc) => visibleShown(expectedShown(doc))));

    // The page as the printer lays it out (the command line's .html) parses the same way.
    expect(await skeleton(unwrap(await printer.fitted(html)))).toEqual(await skeleton(unwrap(await printer.fitted(shape))));
  });

  it('prints each letter’s issuer mark (which the stylesheet writes) and its text as they were typed', async () => {
    // One page each, with the payload in the mark and in the body: pages that fit-pages counts right.
    const letters = PAYLOADS.map((payload): ComposedDocument => ({
      ...composed('letter', '提醒函'),
      issuer: payload,
      blocks: [{ kind: 'paragraph', text: payload, level: 0 }],
    }));
    const pdf = join(tempDir(), 'letters.pdf');
    writeFileSync(pdf, unwrap(await printer.pdf(renderHtml(letters))));
    const pages = pdfLines(pdf);
    expect(pages).toHaveLength(PAYLOADS.length);
    // The mark is the only text above the type area (37 mm).
    const text = (lines: readonly TextLine[]) => visible(lines.map((line) => line.text).join(''))!;
    expect(pages.map((page) => text(page.filter((line) => line.y < 37)))).toEqual(PAYLOADS.map(visible));
    pages.forEach((page, i) => expect(text(page.filter((line) => line.y >= 37))).toContain(visible(PAYLOADS[i]!)));
  });
});

describe('the printer’s page', () => {
  it('runs no script the page holds, and is still laid out', async () => {
    const script = `<script>document.title = 'ran'; document.body.dataset.ran = 'yes'</script><img src="x" onerror="document.title = 'ran'">`;
    const fitted = unwrap(await printer.fitted(renderHtml([composed('standard', '提醒函')]).replace('</body>', `${script}</body>`)));
    expect(fitted).toContain('<title>提醒函</title>');
    expect(fitted).not.toContain('data-ran');
    // fit-pages ran: the space before the copy-to block was measured.
    expect(fitted).toMatch(/<div class="closing-spacer" style="height: \d+(\.\d+)?pt;">/);
  });

  it('asks for nothing, whatever the page names', async () => {
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(request.url!);
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = `<!doctype html><html><head><link rel="stylesheet" href="${url}/a.css"><style>@import url(${url}/b.css);
@font-face { font-family: x; src: url(${url}/c.woff); } body { font-family: x; background: url(${url}/d.png); }</style></head>
<body>text<img src="${url}/e.png"><iframe src="${url}/f.html"></iframe><object data="${url}/g"></object><video src="${url}/h.mp4"></video></body></html>`;
    try {
      unwrap(await printer.pdf(html));
      unwrap(await printer.fitted(html));
    } finally {
      server.close();
    }
    expect(asked).toEqual([]);
  });
});

describe('the printer’s Chromium', () => {
  it('is started in its sandbox first, except as root on Linux, where Chromium refuses it', () => {
    expect(sandboxFirst('linux', 0)).toBe(false);
    expect(sandboxFirst('linux', 1000)).toBe(true);
    expect(sandboxFirst('win32', undefined)).toBe(true);
    expect(sandboxFirst('darwin', 501)).toBe(true);
  });

  const startFailure = (options: LaunchOptions): Promise<unknown> =>
    chromium.launch({ executablePath: findChromium()!, ...options }).then(
      (started) => {
        void started.close();
        return null;
      },
      (error: unknown) => error,
    );

  it('is not started again without the sandbox when it failed for another reason', async () => {
    expect(sandboxFailed(await startFailure({ executablePath: '/bin/false', chromiumSandbox: true, timeout: 20_000 }))).toBe(false);
  });

  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)('recognises the failure of a sandboxed start as root (how CI runs it)', async () => {
    expect(sandboxFailed(await startFailure({ chromiumSandbox: true }))).toBe(true);
  });
});
