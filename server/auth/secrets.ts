import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret from the CSPRNG, base64url: 32 bytes = 256 bits. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** How session ids and API tokens are stored: high-entropy secrets need no slow hash. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
