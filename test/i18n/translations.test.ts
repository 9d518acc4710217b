import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Options as ZxcvbnOptions } from '@zxcvbn-ts/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLOSE_OUT_STATES } from '../../src/core/close-out/model';
import { ENTITY_NAMES } from '../../src/core/entities';
import { PROGRESS_STATES } from '../../src/core/progress/model';
import { DEADLINE_KINDS, TASK_STATUSES, UNIT_ROLES } from '../../src/core/tasks/model';
import { UNIT_KINDS } from '../../src/core/units/model';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../src/shared/errors';
import { LANGUAGES } from '../../src/shared/i18n/setup';
import { WEAKNESSES } from '../../src/shared/password-strength';

/**
 * Every text the app shows exists in Chinese and in English: both languages hold the same keys in
 * every namespace; every key the screens ask for (`t('…')`, read from the source) exists; every
 * code the core can answer has its words; and no component writes a user-visible literal.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const LOCALES = join(ROOT, 'src/shared/i18n/locales');
const RENDERER = join(ROOT, 'src/renderer');

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

const catalogue = (language: string, ns: string): Tree => JSON.parse(readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8')) as Tree;
const namespaces = (language: string): string[] =>
  readdirSync(join(LOCALES, language))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();

/** The keys of a catalogue, plural forms counted as their one key (languages have different forms). */
function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key.replace(PLURAL, '')}`] : keysOf(value, `${prefix}${key}.`),
  );
}

/** What a dotted key names in a catalogue: a text, a group of texts, or nothing. */
function lookup(tree: Tree, key: string): string | Tree | undefined {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: string | Tree | undefined = tree;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return undefined;
  return node[last] ?? node[`${last}_other`];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

interface KeyUse {
  readonly file: string;
  readonly ns: string;
  readonly key: string;
  /** A key built at run time (`enums.status.${s}`): only its fixed start is known. */
  readonly partial: boolean;
}

/** The keys a file asks for, each in the namespace of the nearest useTranslation above it ('app' by default). */
function keyUses(file: string): KeyUse[] {
  const code = withoutComments(readFileSync(file, 'utf8'));
  const scopes = [...code.matchAll(/useTranslation\(\s*(?:'([\w-]+)')?\s*\)/g)].map((m) => ({ at: m.index, ns: m[1] ?? 'app' }));
  return [...code.matchAll(/\bt\(\s*(?:'([^']+)'|`([^`]+)`)/g)].flatMap((m) => {
    const raw = m[1] ?? m[2]!;
    const partial = raw.includes('${');
    const fixed = partial ? raw.slice(0, raw.indexOf('${')).replace(/\.$/, '') : raw;
    const scope = scopes.filter((s) => s.at < m.index).pop()?.ns ?? 'app';
    // A key wholly built at run time (`${ns}:fields.${field}`) says nothing to check here.
    if (fixed === '') return [];
    const [ns, key] = fixed.includes(':') ? (fixed.split(':') as [string, string]) : [scope, fixed];
    return [{ file: relative(ROOT, file), ns, key, partial }];
  });
}

const LABELLING = new Set(['placeholder', 'title', 'alt', 'label', 'aria-label', 'confirmLabel', 'header', 'message']);
const WORDS = /[A-Za-z\u3400-\u9fff]/;
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Texts a file would show without translation: JSX text, string-valued labelling attributes, any Chinese string. */
function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      LABELLING.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      WORDS.test(node.initializer.text)
    )
      found.push(node.initializer.text);
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      CHINESE.test(node.text)
    )
      found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('translations', () => {
  it('hold the same keys in Chinese and English, namespace by namespace', () => {
    expect(namespaces('en')).toEqual(namespaces('zh-CN'));
    for (const ns of namespaces('zh-CN')) {
      const [zh, en] = LANGUAGES.map((language) => new Set(keysOf(catalogue(language, ns))));
      expect(
        [...zh!].filter((key) => !en!.has(key)),
        `${ns}: only in Chinese`,
      ).toEqual([]);
      expect(
        [...en!].filter((key) => !zh!.has(key)),
        `${ns}: only in English`,
      ).toEqual([]);
    }
  });

  it('have every key the screens ask for, in both languages', () => {
    const uses = sourceFiles(RENDERER).flatMap(keyUses);
    expect(uses.length).toBeGreaterThan(300);
    const missing = LANGUAGES.flatMap((language) =>
      uses
        .filter(({ ns, key, partial }) => {
          // As i18next does: a key missing from its namespace is looked for in the common one.
          const found = [ns, 'common']
            .map((n) => (namespaces(language).includes(n) ? lookup(catalogue(language, n), key) : undefined))
            .find((v) => v !== undefined);
          return partial ? typeof found !== 'object' : typeof found !== 'string';
        })
        .map(({ file, ns, key }) => `${language} ${file}: ${ns}:${key}`),
    );
    expect(missing).toEqual([]);
  });

  it("have words for every code of the core's enumerations, errors and field errors, and for every reason to refuse a password", () => {
    const groups: [string, readonly string[]][] = [
      ['enums.taskStatus', TASK_STATUSES],
      ['enums.deadlineKind', DEADLINE_KINDS],
      ['enums.unitRole', UNIT_ROLES],
      ['enums.unitKind', UNIT_KINDS],
      ['enums.progressState', PROGRESS_STATES],
      ['enums.closeOutState', CLOSE_OUT_STATES],
      ['entities', ENTITY_NAMES],
      ['errors', ERROR_CODES],
      ['fields', FIELD_ERROR_CODES],
      ['password.weakness', WEAKNESSES],
      // zxcvbn's own suggestions are English: each of its keys needs our words.
      ['password.suggestions', Object.keys(new ZxcvbnOptions().translations.suggestions)],
    ];
    for (const language of LANGUAGES) {
      const common = catalogue(language, 'common');
      const missing = groups.flatMap(([group, codes]) =>
        codes.filter((code) => typeof lookup(common, `${group}.${code}`) !== 'string').map((code) => `${group}.${code}`),
      );
      expect(missing, language).toEqual([]);
    }
  });

  it('are the only words the components show: no literal text in JSX, in labelling attributes, or in Chinese anywhere', () => {
    const literals = sourceFiles(RENDERER).flatMap((file) => literalsIn(file).map((literal) => `${relative(ROOT, file)}: ${literal}`));
    expect(literals).toEqual([]);
  });
});
