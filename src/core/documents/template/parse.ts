import { err, ok, type Result } from '../../../shared/result';
import type { TemplateProblem, TemplateProblemCode } from '../model';
import { type DocumentField, documentFieldNamed, type LoopName, loopNamed, type TaskField, taskFieldNamed } from './fields';

/**
 * The template language (docs/documents.md): plain lines of text; `{{字段}}` fills in a field;
 * `{{#任务}}` … `{{/任务}}` repeats what it encloses once per task (whole lines when the tags stand
 * on lines of their own, else within the line); lines starting with `|` are table rows, and a row
 * of dashes (`|---|------|`) makes the row above the header and sets the columns' widths; the lines
 * `标题：`, `主送：`, `落款：` and `抄送：` give the title, the addressee, the signature and the
 * copy-to. Parsing checks every name against the field catalogue and says where anything is wrong.
 */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: DocumentField }
  | { readonly kind: 'task'; readonly field: TaskField }
  | { readonly kind: 'loop'; readonly loop: LoopName; readonly body: readonly Piece[] };

export type Line =
  | { readonly kind: 'text'; readonly pieces: readonly Piece[] }
  | { readonly kind: 'row'; readonly cells: readonly (readonly Piece[])[] }
  | { readonly kind: 'rule'; readonly widths: readonly number[] }
  /** A blank line: it ends a table. */
  | { readonly kind: 'blank' }
  | { readonly kind: 'loop'; readonly loop: LoopName; readonly lines: readonly Line[] };

export const PARTS = ['title', 'addressee', 'signature', 'copyTo'] as const;
export type Part = (typeof PARTS)[number];

export interface Template {
  readonly parts: Readonly<Record<Part, readonly Piece[] | null>>;
  readonly body: readonly Line[];
}

const PART_PREFIXES: Readonly<Record<Part, readonly string[]>> = {
  title: ['标题', 'title'],
  addressee: ['主送', 'to'],
  signature: ['落款', 'signature'],
  copyTo: ['抄送', 'cc'],
};

type Tag = { readonly kind: 'name' | 'open' | 'close'; readonly name: string; readonly column: number };
type Token = { readonly kind: 'text'; readonly text: string; readonly column: number } | Tag;

class TemplateError {
  constructor(readonly problem: TemplateProblem) {}
}

const fail = (code: TemplateProblemCode, line: number, column: number, name?: string): never => {
  throw new TemplateError(name === undefined ? { code, line, column } : { code, line, column, name });
};

/** One line as text and tags; columns count characters from 1. */
function tokenize(text: string, line: number): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('{{', at);
    if (start < 0) {
      tokens.push({ kind: 'text', text: text.slice(at), column: at + 1 });
      break;
    }
    if (start > at) tokens.push({ kind: 'text', text: text.slice(at, start), column: at + 1 });
    const end = text.indexOf('}}', start + 2);
    if (end < 0) fail('template_unclosed_tag', line, start + 1);
    const inner = text.slice(start + 2, end).trim();
    const sigil = inner[0];
    const column = start + 1;
    if (sigil === '#' || sigil === '/') tokens.push({ kind: sigil === '#' ? 'open' : 'close', name: inner.slice(1).trim(), column });
    else tokens.push({ kind: 'name', name: inner, column });
    at = end + 2;
  }
  return tokens;
}

const isBlankText = (token: Token): boolean => token.kind === 'text' && token.text.trim() === '';

function loopOf(token: Tag, line: number): LoopName {
  return loopNamed(token.name) ?? fail('template_unknown_loop', line, token.column, token.name);
}

/** A line's tokens as pieces; an inline loop must close on its own line and holds no other loop. */
function piecesOf(tokens: readonly Token[], line: number, inLoop: boolean): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'text') pieces.push({ kind: 'text', text: token.text });
    else if (token.kind === 'name') pieces.push(fieldPiece(token, line, inLoop));
    else if (token.kind === 'close') fail('template_stray_loop_end', line, token.column, token.name);
    else {
      if (inLoop) fail('template_nested_loop', line, token.column, token.name);
      const loop = loopOf(token, line);
      const end = tokens.findIndex((t, j) => j > i && t.kind === 'close');
      if (end < 0) fail('template_unclosed_loop', line, token.column, token.name);
      const close = tokens[end] as Tag;
      if (loopNamed(close.name) !== loop) fail('template_stray_loop_end', line, close.column, close.name);
      pieces.push({ kind: 'loop', loop, body: piecesOf(tokens.slice(i + 1, end), line, true) });
      i = end;
    }
  }
  return pieces;
}

function fieldPiece(token: Tag, line: number, inLoop: boolean): Piece {
  const field = documentFieldNamed(token.name);
  if (field) return { kind: 'field', field };
  const taskField = taskFieldNamed(token.name);
  if (!taskField) return fail('template_unknown_field', line, token.column, token.name);
  if (!inLoop) fail('template_item_outside_loop', line, token.column, token.name);
  return { kind: 'task', field: taskField };
}

/** Splits a table row at the bars of its text (never at a bar inside a field's value). */
function cellsOf(pieces: readonly Piece[]): Piece[][] {
  const cells: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      cells[cells.length - 1]!.push(piece);
      continue;
    }
    piece.text.split('|').forEach((part, index) => {
      if (index > 0) cells.push([]);
      if (part !== '') cells[cells.length - 1]!.push({ kind: 'text', text: part });
    });
  }
  // The bars at both ends open and close the row: they do not make cells of their own.
  const blank = (cell: Piece[]) => cell.every((p) => p.kind === 'text' && p.text.trim() === '');
  if (cells.length > 1 && blank(cells[0]!)) cells.shift();
  if (cells.length > 1 && blank(cells[cells.length - 1]!)) cells.pop();
  return cells;
}

const RULE = /^\s*\|(\s*:?-{1,}:?\s*\|)+\s*$/;

function ruleWidths(text: string): number[] {
  return text
    .trim()
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.replace(/[^-]/g, '').length);
}

function partOf(pieces: readonly Piece[]): { part: Part; rest: Piece[] } | null {
  const first = pieces[0];
  if (first?.kind !== 'text') return null;
  for (const part of PARTS) {
    for (const prefix of PART_PREFIXES[part]) {
      const match = new RegExp(`^\\s*${prefix}\\s*[：:]\\s*`, 'i').exec(first.text);
      if (match) return { part, rest: [{ kind: 'text', text: first.text.slice(match[0].length) }, ...pieces.slice(1)] };
    }
  }
  return null;
}

interface OpenLoop {
  readonly loop: LoopName;
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly lines: Line[];
}

function parseLines(source: string): Template {
  const parts: Record<Part, Piece[] | null> = { title: null, addressee: null, signature: null, copyTo: null };
  const body: Line[] = [];
  let open: OpenLoop | null = null;
  let tableRows = 0;
  for (const [index, text] of source.split(/\r?\n/).entries()) {
    const line = index + 1;
    const target = open ? open.lines : body;
    const tokens = tokenize(text, line);
    const tags = tokens.filter((t) => !isBlankText(t));
    const only = tags.length === 1 ? tags[0]! : null;
    if (only?.kind === 'open') {
      if (open) fail('template_nested_loop', line, only.column, only.name);
      open = { loop: loopOf(only, line), name: only.name, line, column: only.column, lines: [] };
      tableRows = 0;
      continue;
    }
    if (only?.kind === 'close') {
      if (!open || loopNamed(only.name) !== open.loop) fail('template_stray_loop_end', line, only.column, only.name);
      body.push({ kind: 'loop', loop: open!.loop, lines: open!.lines });
      open = null;
      tableRows = 0;
      continue;
    }
    if (RULE.test(text)) {
      // A rule sets the widths of the table it begins, or makes the first row the header.
      if (open || tableRows > 1) fail('template_bad_table', line, text.indexOf('|') + 1);
      target.push({ kind: 'rule', widths: ruleWidths(text) });
      tableRows++;
      continue;
    }
    const pieces = piecesOf(tokens, line, open !== null);
    if (text.trimStart().startsWith('|')) {
      target.push({ kind: 'row', cells: cellsOf(pieces) });
      tableRows++;
      continue;
    }
    tableRows = 0;
    const part = open ? null : partOf(pieces);
    if (part) {
      if (parts[part.part]) fail('template_duplicate_part', line, 1, PART_PREFIXES[part.part][0]);
      parts[part.part] = part.rest;
    } else target.push(tags.length > 0 ? { kind: 'text', pieces } : { kind: 'blank' });
  }
  if (open) fail('template_unclosed_loop', open.line, open.column, open.name);
  if (!parts.title) fail('template_no_title', 1, 1);
  return { parts, body };
}

/** The template, or the first problem in it with its line and column. */
export function parseTemplate(source: string): Result<Template, TemplateProblem> {
  try {
    return ok(parseLines(source));
  } catch (error) {
    if (error instanceof TemplateError) return err(error.problem);
    throw error;
  }
}
