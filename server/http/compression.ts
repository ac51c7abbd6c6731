import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type ZlibOptions, type BrotliOptions } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * Two efforts. A body built for one request (a layer for a date nobody asked for before) is
 * compressed fast: brotli 1 / gzip 1 cost about 1 ms for a 240 KB layer, brotli 2 twice that,
 * brotli 6 five times and brotli 11 300 ms. A body asked for again is worth compressing small
 * (brotli 11 is 40 % smaller than brotli 1), once, off the main thread.
 */
export type Effort = 'fast' | 'small';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Compresses on libuv's thread pool, so the event loop keeps answering meanwhile, at most four
 * bodies at a time (the pool's size): each compressor holds its own buffers, and 200 started at
 * once cost 150 MB. The output chunk is the size of the body, so a body is one round trip to the
 * pool instead of one per 16 KB (which cost the main thread more than the compression itself).
 */
export async function compress(body: Buffer, encoding: Encoding, effort: Effort): Promise<Buffer> {
  const options = optionsFor(body, encoding, effort);
  // A small body costs less to compress here and now than to queue for the pool.
  if (effort === 'fast' && body.byteLength <= SYNC_MAX_BYTES) return encoding === 'gzip' ? gzipSync(body, options) : brotliCompressSync(body, options);
  await acquire();
  try {
    return await (encoding === 'gzip' ? gzipped(body, options) : brotli(body, options));
  } finally {
    release();
  }
}

/** Fast compression of up to 64 KB takes at most a few tenths of a millisecond. */
const SYNC_MAX_BYTES = 64 * 1024;

function optionsFor(body: Buffer, encoding: Encoding, effort: Effort): ZlibOptions & BrotliOptions {
  const chunkSize = Math.max(16 * 1024, body.byteLength);
  if (encoding === 'gzip') return { level: effort === 'fast' ? 1 : 9, chunkSize };
  return {
    chunkSize,
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fast' ? 1 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
}

/** The process's one thread pool is what is limited, so the limit is the process's too. */
const AT_ONCE = 4;
let running = 0;
const waiting: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < AT_ONCE) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the slot to the next waiting compression, if any. */
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;
