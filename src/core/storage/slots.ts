import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import {
  KEY_BYTES,
  NONCE_BYTES,
  open,
  random,
  seal,
  subkey,
  wipe,
  x25519Ephemeral,
  x25519PrivateKey,
  x25519PublicBytes,
  x25519PublicKey,
  x25519Shared,
} from './crypto';
import { type KeySlot, type ParsedHeader, type RecipientOwner, SALT_BYTES, slotDescriptor, verifyHeaderMac } from './header';
import { deriveKey, type KdfParams } from './kdf';
import { parseRecoveryKey } from './recovery-key';

/**
 * Key slots: the data key wrapped for each way of opening the ledger (docs/ledger-format.md §2). The
 * password wraps it under a key derived from the password; the recovery key, from format 2 on, is
 * an X25519 recipient, so that a password change can wrap a new data key for the printed recovery
 * key without asking for it.
 */
export type Unlock = { readonly password: string } | { readonly recoveryKey: string };

/** Whose secret opened the ledger: the administrator's password, the recovery key, or a person's password (by their id, hex). */
export type Opener = { readonly kind: 'password' } | { readonly kind: 'recovery' } | { readonly kind: 'person'; readonly personId: string };

/** The secret as the KDF takes it, and the slots it may open: a password is the administrator's or a person's. */
function secretOf(unlock: Unlock): Result<{ kinds: readonly KeySlot['kind'][]; secret: string }> {
  if ('password' in unlock) return ok({ kinds: ['password', 'person'], secret: unlock.password });
  const canonical = parseRecoveryKey(unlock.recoveryKey);
  return canonical ? ok({ kinds: ['recovery'], secret: canonical }) : err(dubanError('ledger.recovery_key_malformed'));
}

const openerOf = (slot: KeySlot): Opener => (slot.kind === 'person' ? { kind: 'person', personId: slot.personId.toString('hex') } : { kind: slot.kind });

/** The data key wrapped under the key derived from `password`. */
export async function passwordSlot(password: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const salt = random(SALT_BYTES);
  const nonce = random(NONCE_BYTES);
  const wrapKey = await deriveKey(password, salt, kdf);
  const wrappedKey = seal(wrapKey, nonce, dataKey, slotDescriptor(ledgerId, { kind: 'password', scheme: 'secret', kdf, salt }));
  wipe(wrapKey);
  return { kind: 'password', scheme: 'secret', kdf, salt, nonce, wrappedKey };
}

/** The key that wraps the data key for a recipient slot, from the X25519 secret both sides can compute. */
function recipientWrapKey(shared: Buffer, recipient: Buffer, ephemeral: Buffer): Buffer {
  const key = subkey(shared, 'recovery-wrap', Buffer.concat([ephemeral, recipient]));
  wipe(shared);
  return key;
}

type Recipient = RecipientOwner & Pick<KeySlot, 'kdf' | 'salt'> & { readonly recipient: Buffer };

/** The data key wrapped (again) to the recipient of `slot`: no secret needed, only its public key. */
export function wrapForRecipient(slot: Recipient, ledgerId: Buffer, dataKey: Buffer): KeySlot {
  const ephemeralKey = x25519Ephemeral();
  const ephemeral = x25519PublicBytes(ephemeralKey);
  const wrapKey = recipientWrapKey(x25519Shared(ephemeralKey, x25519PublicKey(slot.recipient)), slot.recipient, ephemeral);
  const nonce = random(NONCE_BYTES);
  const owner: RecipientOwner = slot.kind === 'person' ? { kind: 'person', personId: slot.personId } : { kind: 'recovery' };
  const described = { ...owner, scheme: 'recipient', kdf: slot.kdf, salt: slot.salt, recipient: slot.recipient, ephemeral } as const;
  const wrappedKey = seal(wrapKey, nonce, dataKey, slotDescriptor(ledgerId, described));
  wipe(wrapKey);
  return { ...described, nonce, wrappedKey };
}

/** A recipient slot for `secret`: its X25519 key derived from it with scrypt. */
async function recipientSlot(owner: RecipientOwner, secret: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const salt = random(SALT_BYTES);
  const seed = await deriveKey(secret, salt, kdf);
  const recipient = x25519PublicBytes(x25519PrivateKey(seed));
  wipe(seed);
  return wrapForRecipient({ ...owner, kdf, salt, recipient }, ledgerId, dataKey);
}

/** A recovery slot for a new recovery key (in its canonical form). */
export function recoverySlot(recoveryKey: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  return recipientSlot({ kind: 'recovery' }, recoveryKey, kdf, ledgerId, dataKey);
}

/** A person's slot: like the recovery key's, so that a new data key can be wrapped for them without their password. */
export function personSlot(personId: Buffer, password: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  return recipientSlot({ kind: 'person', personId }, password, kdf, ledgerId, dataKey);
}

/** The data key from one slot, or null when the secret does not open it. */
async function openSlot(slot: KeySlot, secret: string, ledgerId: Buffer): Promise<Buffer | null> {
  const derived = await deriveKey(secret, slot.salt, slot.kdf);
  let wrapKey = derived;
  if (slot.scheme === 'recipient') {
    const privateKey = x25519PrivateKey(derived);
    wipe(derived);
    if (!x25519PublicBytes(privateKey).equals(slot.recipient)) return null;
    wrapKey = recipientWrapKey(x25519Shared(privateKey, x25519PublicKey(slot.ephemeral)), slot.recipient, slot.ephemeral);
  }
  const dataKey = open(wrapKey, slot.nonce, slot.wrappedKey, slotDescriptor(ledgerId, slot));
  wipe(wrapKey);
  return dataKey && dataKey.length === KEY_BYTES ? dataKey : null;
}

/**
 * Tries each slot the secret may open, the administrator's before the people's (one key derivation
 * each); the data key and whose slot it was, or why the secret does not open this file.
 */
export async function unwrapDataKey(parsed: ParsedHeader, unlock: Unlock): Promise<Result<{ dataKey: Buffer; opener: Opener }>> {
  const { header } = parsed;
  const secret = secretOf(unlock);
  if (!secret.ok) return secret;
  const { kinds } = secret.value;
  const candidates = kinds.flatMap((kind) => header.slots.filter((s) => s.kind === kind));
  for (const slot of candidates) {
    const dataKey = await openSlot(slot, secret.value.secret, header.ledgerId);
    if (!dataKey) continue;
    const macKey = subkey(dataKey, 'header-mac', header.ledgerId);
    const authentic = verifyHeaderMac(parsed, macKey);
    wipe(macKey);
    if (authentic) return ok({ dataKey, opener: openerOf(slot) });
    wipe(dataKey);
    return err(dubanError('ledger.damaged', { part: 'header' }));
  }
  return err(dubanError('password' in unlock ? 'ledger.wrong_password' : 'ledger.wrong_recovery_key'));
}
