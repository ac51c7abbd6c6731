import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text files are worth compressing; fonts (woff2, woff) and images are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;

/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside each text file of the build, so
 * the server sends the smallest encoding a browser accepts without compressing anything per
 * request (server/http/static-files.ts). A copy is kept only when it is smaller than the file.
 */
export function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      await Promise.all(Object.keys(bundle).map((name) => precompressFile(join(dir, name))));
    },
  };
}

/** Writes the compressed copies of one file, when it is text and large enough; returns the encodings written. */
export async function precompressFile(path: string): Promise<string[]> {
  if (!COMPRESSIBLE.test(path)) return [];
  const body = await readFile(path);
  if (body.byteLength < MIN_BYTES) return [];
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
  };
  const [br, gz] = await Promise.all([brotli(body, { params }), gzipped(body, { level: 9 })]);
  const written: string[] = [];
  for (const [ext, data] of [
    ['br', br],
    ['gz', gz],
  ] as const) {
    if (data.byteLength >= body.byteLength) continue;
    await writeFile(`${path}.${ext}`, data);
    written.push(ext);
  }
  return written;
}
