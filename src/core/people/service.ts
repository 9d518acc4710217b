import { dubanError } from '../../shared/errors';
import { checkNewPassword } from '../../shared/password-strength';
import { err, ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { LedgerContext, Tx } from '../context';
import { audited, auditedChange } from '../records';
import type { Reader } from '../storage/database';
import type { KdfParams } from '../storage/kdf';
import { random } from '../storage/crypto';
import { PERSON_ID_BYTES } from '../storage/header';
import type { KeyChange, LedgerStore } from '../storage/store';
import { type Person, personInput, type PersonInput, personRename } from './model';

interface PersonRow {
  readonly id: number;
  readonly slot_id: string;
  readonly name: string;
  readonly role: Person['role'];
  readonly added_at: string;
}

const toPerson = (row: PersonRow): Person => ({ id: row.id, name: row.name, role: row.role, addedAt: row.added_at });

export function loadPerson(db: Reader, id: number): Person | undefined {
  const row = db.get<PersonRow>('SELECT * FROM people WHERE id = ?', [id]);
  return row ? toPerson(row) : undefined;
}

/** The administrator first, then the others in the order they were added. */
export const listPeople = (db: Reader): Person[] => db.all<PersonRow>("SELECT * FROM people ORDER BY role = 'member', added_at, id").map(toPerson);

const rowNamed = (db: Reader, name: string): PersonRow | undefined => db.get<PersonRow>('SELECT * FROM people WHERE name = ?', [name.trim()]);

/**
 * Who opened the ledger: the administrator (their password or the recovery key kept for them), or the
 * person whose slot it was — undefined for a slot the table no longer names (one an interrupted
 * removal left), which opens nothing.
 */
export function signedInPerson(db: Reader, opener: LedgerStore['opener']): Person | undefined {
  const row =
    opener.kind === 'person'
      ? db.get<PersonRow>("SELECT * FROM people WHERE slot_id = ? AND role = 'member'", [opener.personId])
      : db.get<PersonRow>("SELECT * FROM people WHERE role = 'administrator'");
  return row ? toPerson(row) : undefined;
}

type PeopleStore = Pick<LedgerStore, 'opener' | 'opens' | 'addPerson' | 'removePerson'>;

/** The people of the ledger: each opens it with a password of their own, and the history records their name. */
export function peopleService(ctx: LedgerContext, store: PeopleStore) {
  const signedIn = () => signedInPerson(ctx.db, store.opener);
  const administratorOnly = (): Result<void> => (signedIn()?.role === 'administrator' ? ok(undefined) : err(dubanError('people.admin_only')));
  const nameTaken = (tx: Reader, name: string, id: number): boolean => tx.get('SELECT 1 AS x FROM people WHERE name = ? AND id <> ?', [name, id]) !== undefined;

  return {
    list: (): Person[] => listPeople(ctx.db),
    signedIn,

    /** A new person and their key slot (under the data key as it is: no other slot changes). */
    async add(input: PersonInput): Promise<Result<Person>> {
      const allowed = administratorOnly();
      if (!allowed.ok) return allowed;
      const valid = validate(personInput, input);
      if (!valid.ok) return valid;
      const { name, password } = valid.value;
      if (nameTaken(ctx.db, name, 0)) return invalid('name', 'duplicate');
      const strong = await checkNewPassword(password);
      if (!strong.ok) return strong;
      if (await store.opens({ password })) return invalid('password', 'password_in_use');
      const slotId = random(PERSON_ID_BYTES);
      // The slot first: a crash after it leaves a slot no row names, which opens nothing and goes at the next new key.
      const slotted = await store.addPerson(slotId, password);
      if (!slotted.ok) return slotted;
      return ctx.write((tx) => {
        const { after } = audited(tx, 'person', null, loadPerson, () =>
          insertPerson(tx, { slot_id: slotId.toString('hex'), name, role: 'member', added_at: tx.at }),
        );
        return ok(after!);
      });
    },

    /** The administrator gives a person (themself included) another name. */
    rename(id: number, name: string): Result<Person> {
      const allowed = administratorOnly();
      if (!allowed.ok) return allowed;
      const valid = validate(personRename, { name });
      if (!valid.ok) return valid;
      if (!loadPerson(ctx.db, id)) return err(dubanError('not_found', { entity: 'person', id }));
      if (nameTaken(ctx.db, valid.value.name, id)) return invalid('name', 'duplicate');
      return ctx.write((tx) => {
        auditedChange(tx, 'person', id, loadPerson, () => tx.run('UPDATE people SET name = ? WHERE id = ?', [valid.value.name, id]));
        return ok(loadPerson(tx, id)!);
      });
    },

    /**
     * Removes a person: the ledger gets a new data key, wrapped for everyone left, so that their
     * password opens nothing from now on — the administrator's password, just typed, remakes theirs.
     * The key first, the row after: a crash between leaves them listed without a slot, to remove again.
     */
    async remove(name: string, administratorPassword: string, kdf?: KdfParams): Promise<Result<KeyChange>> {
      const allowed = administratorOnly();
      if (!allowed.ok) return allowed;
      const row = rowNamed(ctx.db, name);
      if (!row) return err(dubanError('people.not_found', { name: name.trim() }));
      if (row.role === 'administrator') return err(dubanError('people.cannot_remove_administrator'));
      const others = ctx.db.all<PersonRow>("SELECT * FROM people WHERE role = 'member' AND id <> ?", [row.id]);
      const changed = await store.removePerson(
        administratorPassword,
        others.map((p) => Buffer.from(p.slot_id, 'hex')),
        kdf,
      );
      if (!changed.ok) return changed;
      const removed = ctx.write((tx) => ok(auditedChange(tx, 'person', row.id, loadPerson, () => tx.run('DELETE FROM people WHERE id = ?', [row.id]))));
      return removed.ok ? changed : removed;
    },
  };
}

function insertPerson(tx: Tx, row: Omit<PersonRow, 'id'>): number {
  return tx.run('INSERT INTO people (slot_id, name, role, added_at) VALUES (?, ?, ?, ?)', [row.slot_id, row.name, row.role, row.added_at]).lastId;
}
