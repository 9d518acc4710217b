import type { UnitMatch } from '../import/model';
import { compact } from './text';

/**
 * Units named as people write them, resolved to the ledger's units: by full or short name, compared
 * without spaces and in half-width forms; when neither matches, the closest names are offered, never
 * taken on their own.
 */
export interface NamedUnit {
  readonly id: number;
  readonly name: string;
  readonly shortName: string;
}

/** A unit's name as compared: spaces and full-width forms do not make another unit. */
export const unitKey = compact;

/**
 * A unit's name as the ledger writes it: the spaces and line breaks a cell wraps Chinese text with
 * taken out, and brackets full-width (州直部门(单位) is 州直部门（单位）).
 */
export const unitName = (text: string): string =>
  text
    .replace(/\s*([^\x00-\x7f])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

/** "自治区生态环境厅（牵头）、自治区水利厅" → the two names, without the role notes. */
export function splitUnitNames(text: string): string[] {
  return (
    text
      // A separator inside brackets is part of the name: 各县（市、区）.
      .split(/[、,，;；/\n]+(?![^（(]*[)）])/)
      .map((name) => unitName(name.replace(/[（(]\s*(牵头|配合|牵头单位|配合单位|主责|责任单位)\s*[)）]/g, '')))
      .filter((name) => name !== '')
  );
}

function bigrams(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Dice's coefficient over character pairs: 1 for the same name, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(unitKey(a));
  const y = bigrams(unitKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const pair of x) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const SUGGEST_FROM = 0.4;
const SUGGESTIONS = 3;

export class UnitDirectory {
  private readonly byKey = new Map<string, NamedUnit>();

  constructor(private readonly units: readonly NamedUnit[]) {
    // Full names first, so that a short name never hides a unit's full name.
    for (const unit of units) this.byKey.set(unitKey(unit.name), unit);
    for (const unit of units) if (unit.shortName && !this.byKey.has(unitKey(unit.shortName))) this.byKey.set(unitKey(unit.shortName), unit);
  }

  find(name: string): UnitMatch | null {
    const unit = this.byKey.get(unitKey(name));
    return unit ? { unitId: unit.id, name: unit.name } : null;
  }

  /** The closest units by name (one holding the other counts as close), best first. */
  suggest(name: string): (UnitMatch & { score: number })[] {
    const key = unitKey(name);
    return this.units
      .map((unit) => {
        const names = [unit.name, unit.shortName].filter((n) => n !== '');
        const contained = names.some((n) => key.includes(unitKey(n)) || unitKey(n).includes(key));
        const score = Math.max(...names.map((n) => similarity(key, n)), contained ? 0.8 : 0);
        return { unitId: unit.id, name: unit.name, score: Math.round(score * 100) / 100 };
      })
      .filter((s) => s.score >= SUGGEST_FROM)
      .sort((a, b) => b.score - a.score)
      .slice(0, SUGGESTIONS);
  }
}
