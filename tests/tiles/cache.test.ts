import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nationalCommunes } from '../../server/catalog/collections/national.ts';
import { Lru } from '../../server/tiles/lru.ts';
import { openNationalDataset } from '../../server/tiles/national-dataset.ts';
import { TileSet } from '../../server/tiles/tile-set.ts';
import { synthesize } from '../../scripts/national/synthesize.ts';
import { writeDataset } from '../../scripts/national/write.ts';

describe('Lru', () => {
  it('drops the least recently used entries beyond its budget, counting growth in place', () => {
    const lru = new Lru<string, { bytes: number }>(10, (v) => v.bytes);
    const a = { bytes: 4 };
    lru.set('a', a);
    lru.set('b', { bytes: 4 });
    expect(lru.get('a')).toBe(a); // a is now the most recent
    lru.set('c', { bytes: 4 });
    expect(lru.get('b')).toBeUndefined();
    expect(lru.total).toBe(8);
    const c = lru.get('c')!;
    a.bytes += 3;
    lru.grew(3); // 11 > 10: a, used before c, goes
    expect(lru.holds('a', a)).toBe(false);
    expect(lru.holds('c', c)).toBe(true);
    expect(lru.total).toBe(4);
  });
});

describe('TileSet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'national-cache-'));
  writeDataset(dir, synthesize({ seed: 5, scale: 0.02 }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its encoded tiles within the byte budget and answers a repeat from the cache', () => {
    const budget = 40_000;
    const tiles = new TileSet(openNationalDataset(dir), budget);
    const first = tiles.tile(nationalCommunes, 8, 203, 116);
    expect(tiles.tile(nationalCommunes, 8, 203, 116)).toBe(first);
    let made = 0;
    for (let x = 200; x < 208; x++) {
      for (let y = 110; y < 122; y++) {
        const t = tiles.tile(nationalCommunes, 8, x, y);
        if (t) {
          made++;
          tiles.encoded(t, 'br');
        }
        expect(tiles.bytes).toBeLessThanOrEqual(budget);
      }
    }
    expect(made).toBeGreaterThan(3);
  });
});
