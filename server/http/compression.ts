import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * Two efforts. A body built for one request (a layer for a date nobody asked for before) is
 * compressed fast: brotli 2 / gzip 1 cost 1–2 ms for a 250 KB layer, brotli 6 cost 5 ms and
 * brotli 11 300 ms. A body asked for again is worth compressing small (brotli 11 is a third
 * smaller than brotli 2), once, off the main thread.
 */
export type Effort = 'fast' | 'small';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses on libuv's thread pool, so the event loop keeps answering meanwhile. */
export function compress(body: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  if (encoding === 'gzip') return gzipped(body, { level: effort === 'fast' ? 1 : 9 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 2 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

/** br over gzip when both are accepted; none for identity. */
export function preferredEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map(
    header.split(',').map((part) => {
      const [name, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return [name.trim().toLowerCase(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}
