import { promisify } from 'node:util';
import { type BrotliOptions, brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * Two efforts. A body built for one request (a layer for a date nobody asked for before) is
 * compressed fast: for a 240 KB communes layer brotli 0 takes 0.35 ms (to 61 KB), brotli 1
 * 0.75 ms (53 KB), gzip 1 1.2 ms (57 KB), brotli 2 1.3 ms and brotli 11 300 ms. Brotli 0 costs
 * half of brotli 1 for 15 % more bytes, once: a body asked for again is compressed small
 * (brotli 11, 40 % smaller than brotli 1), once, off the main thread.
 */
export type Effort = 'fast' | 'small';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Fast compression runs here and now, on the main thread: under 1.5 ms for the largest layer,
 * which costs less than queueing for libuv's pool (on two cores, large one-off layers queued
 * behind each other there for a second while every other request took 40 ms), and one body at a
 * time holds one compressor's memory. Small compression (brotli 11, up to 300 ms) runs on the pool,
 * one body at a time (ResponseCache starts no other meanwhile), its output in one chunk (one trip
 * to the pool, not one per 16 KB). Either way the result is copied to its exact size: zlib returns
 * a slice of its output chunk, which would keep the whole chunk alive in the cache.
 */
export async function compress(body: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  if (effort === 'fast') return exact(encoding === 'gzip' ? gzipSync(body, { level: 1 }) : brotliCompressSync(body, brotliOptions(body, 0)));
  const chunkSize = Math.max(16 * 1024, body.byteLength);
  return exact(await (encoding === 'gzip' ? gzipped(body, { level: 9, chunkSize }) : brotli(body, { ...brotliOptions(body, 11), chunkSize })));
}

/** The bytes in a buffer of their own size (small ones share Node's pool), so a cache entry holds what it counts. */
export const exact = (b: Buffer) => (b.byteLength === b.buffer.byteLength ? b : Buffer.from(b));

function brotliOptions(body: Buffer, quality: number): BrotliOptions {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
}

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
