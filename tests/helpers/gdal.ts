import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * GDAL's ogrinfo (Debian gdal-bin, installed by .ci/run) as the GIS client that checks our files:
 * it must open them without warnings and list the right layers and counts.
 */
export function ogrinfo(args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`ogrinfo could not run (install Debian's gdal-bin): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ogrinfo ${args.join(' ')} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** Layer name → feature count, from `ogrinfo -so -al`. */
export function featureCounts(summary: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let layer: string | null = null;
  for (const line of summary.split('\n')) {
    const name = /^Layer name: (.*)$/.exec(line);
    if (name) layer = name[1];
    const count = /^Feature Count: (\d+)$/.exec(line);
    if (count && layer !== null) counts[layer] = Number(count[1]);
  }
  return counts;
}

/** Field name → GDAL type of one layer, from `ogrinfo -so`. */
export function fieldTypes(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/^([^\s:][^:\n]*): (\w+(?:\(\w+\))?) \(/gm)].map((m) => [m[1], m[2]]));
}

/** Saves bytes under a fresh temporary folder and returns the path. */
export function saveTemp(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dl-test-')), name);
  writeFileSync(path, bytes);
  return path;
}
