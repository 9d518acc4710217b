import type { DocumentBlock } from '../model';
import type { DocumentField, DocumentValues, TaskValues } from './fields';
import type { Line, Part, Piece, Template } from './parse';

/** What a template is filled in with: the document's fields and its tasks (all, and those overdue). */
export interface TemplateData {
  readonly document: DocumentValues;
  readonly tasks: readonly TaskValues[];
  readonly overdueTasks: readonly TaskValues[];
}

/** A sentence of the template left out, as the template writes it (each field as ……), and the document's fields that came out empty. */
export interface LeftOut {
  readonly sentence: string;
  readonly fields: readonly DocumentField[];
}

export interface FilledTemplate {
  readonly parts: Readonly<Record<Part, string | null>>;
  readonly blocks: readonly DocumentBlock[];
  /** Each sentence left out for an empty field of the document, once (a loop's is left out for every task). */
  readonly leftOut: readonly LeftOut[];
}

/** Told of each sentence left out. */
type NoteLeftOut = (pieces: readonly Piece[]) => void;

type Flat =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'row'; readonly cells: readonly string[] }
  | { readonly kind: 'rule'; readonly widths: readonly number[] }
  | { readonly kind: 'blank' };

function fill(pieces: readonly Piece[], data: TemplateData, task: TaskValues | null): string {
  return pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'text':
          return piece.text;
        case 'field':
          return data.document[piece.field];
        case 'task':
          return task?.[piece.field] ?? '';
        case 'loop':
          return data[piece.loop].map((item) => fill(piece.body, data, item)).join('');
      }
    })
    .join('');
}

/** A line made for fields that all came out empty (no contact on file, no copy-to) is left out, not printed half. */
function allFieldsEmpty(pieces: readonly Piece[], data: TemplateData, task: TaskValues | null): boolean {
  const fields = pieces.filter((piece) => piece.kind !== 'text');
  return fields.length > 0 && fields.every((piece) => fill([piece], data, task).trim() === '');
}

/** A line's pieces cut into its sentences: each ends after 。；！？ (a text piece is split there). */
function sentencesOf(pieces: readonly Piece[]): Piece[][] {
  const sentences: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      sentences.at(-1)!.push(piece);
      continue;
    }
    const parts = piece.text.split(/(?<=[。；！？])/u);
    parts.forEach((text, i) => {
      if (i > 0) sentences.push([]);
      if (text) sentences.at(-1)!.push({ kind: 'text', text });
    });
  }
  return sentences.filter((sentence) => sentence.length > 0);
}

/** The document's fields the pieces name that came out empty, each once. */
function emptyFields(pieces: readonly Piece[], data: TemplateData): DocumentField[] {
  const fields = pieces.flatMap((piece) => (piece.kind === 'field' && data.document[piece.field].trim() === '' ? [piece.field] : []));
  return [...new Set(fields)];
}

/** Pieces as the template writes them, every field (and loop) as ……: what the office will recognise. */
const asWritten = (pieces: readonly Piece[]): string => pieces.map((piece) => (piece.kind === 'text' ? piece.text : '……')).join('');

/**
 * A sentence naming a field of the document that came out empty is left out whole — no
 * 联系人：，联系电话：。 when the office has no contact on file — while the rest of its line stays.
 */
function filledLine(pieces: readonly Piece[], data: TemplateData, task: TaskValues | null, note: NoteLeftOut): string {
  return sentencesOf(pieces)
    .filter((sentence) => {
      const kept = emptyFields(sentence, data).length === 0;
      if (!kept) note(sentence);
      return kept;
    })
    .map((sentence) => fill(sentence, data, task))
    .join('');
}

function flatten(lines: readonly Line[], data: TemplateData, task: TaskValues | null, note: NoteLeftOut): Flat[] {
  return lines.flatMap((line): Flat[] => {
    switch (line.kind) {
      case 'text': {
        const empty = allFieldsEmpty(line.pieces, data, task);
        if (empty) note(line.pieces);
        const text = empty ? '' : filledLine(line.pieces, data, task, note);
        return text.trim() === '' ? [] : [{ kind: 'text', text }];
      }
      case 'row':
        return [{ kind: 'row', cells: line.cells.map((cell) => fill(cell, data, task).trim()) }];
      case 'loop':
        return data[line.loop].flatMap((item) => flatten(line.lines, data, item, note));
      default:
        return [line];
    }
  });
}

/** GB/T 9704's heading levels, read from how the line is numbered: 一、 （一） 1. （1）. */
const LEVELS: readonly [RegExp, 1 | 2 | 3 | 4][] = [
  [/^[一二三四五六七八九十百]+、/, 1],
  [/^[（(][一二三四五六七八九十百]+[）)]/, 2],
  [/^\d+[.．](?!\d)/, 3],
  [/^[（(]\d+[）)]/, 4],
];

export function headingLevel(text: string): 0 | 1 | 2 | 3 | 4 {
  return LEVELS.find(([pattern]) => pattern.test(text))?.[1] ?? 0;
}

function paragraphs(text: string): DocumentBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line, level: headingLevel(line) }));
}

/** Consecutive rows (and a rule among the first two) make one table; the rows above a rule are its header. */
function table(lines: readonly Flat[]): DocumentBlock {
  const ruleAt = lines.findIndex((l) => l.kind === 'rule');
  const rule = ruleAt >= 0 ? (lines[ruleAt] as Flat & { kind: 'rule' }) : null;
  const rows = lines.filter((l): l is Flat & { kind: 'row' } => l.kind === 'row').map((l) => l.cells);
  const header = ruleAt === 1 ? rows.shift()! : null;
  const columns = rule ? rule.widths.length : Math.max(1, ...rows.map((r) => r.length));
  return { kind: 'table', widths: rule ? rule.widths : Array<number>(columns).fill(1), header, rows };
}

function blocksOf(flat: readonly Flat[]): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (let i = 0; i < flat.length;) {
    const line = flat[i]!;
    if (line.kind === 'row' || line.kind === 'rule') {
      let end = i;
      while (end < flat.length && (flat[end]!.kind === 'row' || flat[end]!.kind === 'rule')) end++;
      blocks.push(table(flat.slice(i, end)));
      i = end;
      continue;
    }
    if (line.kind === 'text') blocks.push(...paragraphs(line.text));
    i++;
  }
  return blocks;
}

export function fillTemplate(template: Template, data: TemplateData): FilledTemplate {
  const leftOut = new Map<string, LeftOut>();
  const note: NoteLeftOut = (pieces) => {
    const fields = emptyFields(pieces, data);
    const sentence = asWritten(pieces).trim();
    if (fields.length > 0 && !leftOut.has(sentence)) leftOut.set(sentence, { sentence, fields });
  };
  const part = (pieces: readonly Piece[] | null): string | null => (pieces && !allFieldsEmpty(pieces, data, null) ? fill(pieces, data, null).trim() : null);
  return {
    parts: {
      title: part(template.parts.title),
      addressee: part(template.parts.addressee),
      signature: part(template.parts.signature),
      copyTo: part(template.parts.copyTo),
    },
    blocks: blocksOf(flatten(template.body, data, null, note)),
    leftOut: [...leftOut.values()],
  };
}
