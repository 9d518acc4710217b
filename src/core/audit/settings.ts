import { DISPATCH_SETTING } from '../dispatch/month';
import { OFFICE_SETTING } from '../documents/defaults';
import { KEY_SETTING } from '../rollup/signing-key';
import type { EntityWords, Recorded } from './fields';
import { EMPTY, group, text, word } from './fields';
import type { Period } from '../../shared/dates';
import type { AuditValue } from './model';

/**
 * The settings the ledger keeps, in words: the office's details for documents, the column mappings
 * an import remembers, the unit workbooks sent out. Each is a family of keys with its own fields;
 * the audit records a setting as { key, value }, the office's details as the profile itself.
 */
interface SettingWords extends Omit<EntityWords, 'load' | 'name'> {
  readonly matches: (key: string) => boolean;
  /** The fields of the value, as the table reads them. */
  readonly record: (value: unknown, key: string) => Recorded;
  readonly name: (key: string, record: Recorded, names: Parameters<EntityWords['name']>[1]) => AuditValue;
}

const asRecord = (value: unknown): Recorded => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Recorded) : { value });
const lastPart = (key: string, prefix: string): string => key.slice(prefix.length).split('.')[0] ?? '';

const MAPPING = 'excel.mapping.';
const SENT = 'excel.sent.';

const SETTINGS: readonly SettingWords[] = [
  {
    matches: (key) => key === OFFICE_SETTING,
    record: asRecord,
    labels: 'documents:office',
    fields: {
      issuer: 'text',
      signature: 'text',
      contact: 'text',
      phone: 'text',
      copyTo: 'text',
      issuerMarkPt: 'number',
      latinFace: { words: 'documents:office.latinFaces' },
      replyDays: 'number',
      reminderIntervalDays: 'number',
      chaseTemplateId: { ref: 'document_template' },
      reportChaseTemplateId: { ref: 'document_template' },
    },
    name: () => word('audit:settings.office'),
  },
  {
    matches: (key) => key.startsWith(MAPPING),
    // Column label → the field it feeds (null: left out), for one kind of import.
    record: (value, key) => ({ importKind: lastPart(key, MAPPING), columns: value }),
    labels: 'audit:settings',
    fields: {
      importKind: 'hidden',
      columns: {
        describe: (value, r) => {
          const pairs = Object.entries(asRecord(value)).map(([label, field]) =>
            group(text(label), field ? word(`exchange:fields.${String(r.importKind)}.${String(field)}`) : word('audit:settings.notImported')),
          );
          return pairs.length ? { t: 'list', v: pairs } : EMPTY;
        },
      },
    },
    name: (key) => group(word('audit:settings.mapping'), word(`exchange:kinds.${lastPart(key, MAPPING)}`)),
  },
  {
    matches: (key) => key.startsWith(SENT),
    record: asRecord,
    labels: 'audit:settings',
    fields: {
      exportId: 'hidden',
      unitId: 'hidden',
      period: 'hidden',
      exportedAt: 'instant',
      returnBy: 'date',
      rows: { describe: (value, _r, names) => ({ t: 'list', v: (value as Recorded[]).map((row) => names.record('task', Number(row.taskId))) }) },
      imports: { describe: (value) => ({ t: 'list', v: (value as Recorded[]).map((taken) => ({ t: 'instant', v: String(taken.at) })) }) },
    },
    name: (_key, r, names) => group(word('audit:settings.sent'), names.record('unit', Number(r.unitId)), { t: 'period', v: r.period as Period }),
  },
  {
    matches: (key) => key === DISPATCH_SETTING,
    record: (value) => ({ period: value }),
    labels: 'audit:settings',
    fields: { period: 'period' },
    name: () => word('audit:settings.dispatch'),
  },
  {
    matches: (key) => key === KEY_SETTING,
    record: asRecord,
    labels: 'audit:settings',
    fields: { fingerprint: 'text' },
    name: () => word('audit:settings.signingKey'),
  },
];

/** A setting another version may have added: named by its key, its value described as it comes. */
const UNKNOWN: SettingWords = { matches: () => true, record: asRecord, labels: 'audit:settings', fields: {}, name: (key) => text(key) };

/** The setting an entry changed: its key, and its value before and after (null where there was none). */
export function settingOf(before: unknown, after: unknown): { key: string; words: SettingWords; before: Recorded | null; after: Recorded | null } {
  const snapshot = asRecord(after ?? before);
  const keyed = typeof snapshot.key === 'string' && 'value' in snapshot;
  const key = keyed ? String(snapshot.key) : OFFICE_SETTING;
  const words = SETTINGS.find((s) => s.matches(key)) ?? UNKNOWN;
  const valueOf = (state: unknown): Recorded | null =>
    state === null || state === undefined ? null : words.record(keyed ? asRecord(state).value : state, key);
  return { key, words, before: valueOf(before), after: valueOf(after) };
}
