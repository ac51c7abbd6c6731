import { Zip, ZipDeflate } from 'fflate';
import type { Chunks } from './stream.ts';

export interface ZipEntry {
  name: string;
  /** Produced only when the archive reaches this entry. */
  chunks: () => Chunks;
}

/**
 * A zip archive (fflate's streaming Zip: each entry deflated as its chunks arrive), yielding the
 * archive's bytes as they are made; an entry's chunks are not asked for before the previous
 * entry is written.
 */
export async function* zipChunks(entries: readonly ZipEntry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else ready.push(data);
  });
  const encoder = new TextEncoder();
  const drain = function* () {
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  };
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for await (const chunk of entry.chunks()) {
      file.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
