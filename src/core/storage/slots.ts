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
import { type KeySlot, type ParsedHeader, SALT_BYTES, slotDescriptor, type SlotKind, verifyHeaderMac } from './header';
import { deriveKey, type KdfParams } from './kdf';
import { parseRecoveryKey } from './recovery-key';

/**
 * Key slots: the data key wrapped for each way of opening the ledger (docs/ledger-format.md §2). The
 * password wraps it under a key derived from the password; the recovery key, from format 2 on, is
 * an X25519 recipient, so that a password change can wrap a new data key for the printed recovery
 * key without asking for it.
 */
export type Unlock = { readonly password: string } | { readonly recoveryKey: string };

/** The secret as the KDF takes it: the password, or the recovery key in its canonical form. */
function secretOf(unlock: Unlock): Result<{ kind: SlotKind; secret: string }> {
  if ('password' in unlock) return ok({ kind: 'password', secret: unlock.password });
  const canonical = parseRecoveryKey(unlock.recoveryKey);
  return canonical ? ok({ kind: 'recovery', secret: canonical }) : err(dubanError('ledger.recovery_key_malformed'));
}

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

/** The data key wrapped (again) to the recipient of `slot`: no secret needed, only its public key. */
export function wrapForRecipient(slot: Pick<KeySlot, 'kdf' | 'salt'> & { recipient: Buffer }, ledgerId: Buffer, dataKey: Buffer): KeySlot {
  const ephemeralKey = x25519Ephemeral();
  const ephemeral = x25519PublicBytes(ephemeralKey);
  const wrapKey = recipientWrapKey(x25519Shared(ephemeralKey, x25519PublicKey(slot.recipient)), slot.recipient, ephemeral);
  const nonce = random(NONCE_BYTES);
  const described = { kind: 'recovery', scheme: 'recipient', kdf: slot.kdf, salt: slot.salt, recipient: slot.recipient, ephemeral } as const;
  const wrappedKey = seal(wrapKey, nonce, dataKey, slotDescriptor(ledgerId, described));
  wipe(wrapKey);
  return { ...described, nonce, wrappedKey };
}

/** A recovery slot for a new recovery key (in its canonical form). */
export async function recoverySlot(recoveryKey: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const salt = random(SALT_BYTES);
  const seed = await deriveKey(recoveryKey, salt, kdf);
  const recipient = x25519PublicBytes(x25519PrivateKey(seed));
  wipe(seed);
  return wrapForRecipient({ kdf, salt, recipient }, ledgerId, dataKey);
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

/** Tries each slot of the matching kind; the data key, or why the secret does not open this file. */
export async function unwrapDataKey(parsed: ParsedHeader, unlock: Unlock): Promise<Result<Buffer>> {
  const { header } = parsed;
  const secret = secretOf(unlock);
  if (!secret.ok) return secret;
  const { kind } = secret.value;
  for (const slot of header.slots.filter((s) => s.kind === kind)) {
    const dataKey = await openSlot(slot, secret.value.secret, header.ledgerId);
    if (!dataKey) continue;
    const macKey = subkey(dataKey, 'header-mac', header.ledgerId);
    const authentic = verifyHeaderMac(parsed, macKey);
    wipe(macKey);
    if (authentic) return ok(dataKey);
    wipe(dataKey);
    return err(dubanError('ledger.damaged', { part: 'header' }));
  }
  return err(dubanError(kind === 'password' ? 'ledger.wrong_password' : 'ledger.wrong_recovery_key'));
}
