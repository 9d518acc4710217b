import type { IsoDate, Period } from '../../shared/dates';
import type { Deadline } from '../tasks/model';

/**
 * The values an import's preview and the change history both show, without language: the screens
 * and the command line word them (dates as 2026年11月24日, deadlines as the office writes them).
 */
export type PlainValue =
  | { readonly t: 'empty' }
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'date'; readonly v: IsoDate }
  | { readonly t: 'period'; readonly v: Period }
  | { readonly t: 'deadline'; readonly v: Deadline };
