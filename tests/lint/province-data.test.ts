import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForSearch, slugify } from '../../server/domain/text.ts';
import { committedProvince, GEODATA_DIR } from '../helpers/test-app.ts';

/**
 * The province is data: what geodata/province.json states about Điện Biên — its name, its unit
 * sets' dates, its licences — appears nowhere in the app's code (comments aside), so the same code
 * serves any province (tests/province, tests/e2e/synthetic-province.test.ts run it on another).
 */
const ROOT = join(GEODATA_DIR, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx|html|css)$/.test(e.name) ? [path] : [];
  });
}

/** The code without its comments (block, line, HTML and SQL comments). */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*--.*$/gm, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('nothing about the province is in code', () => {
  const p = committedProvince();
  const dates = Object.values(p.unitSets)
    .flatMap((s) => [s.from, s.to])
    .filter((d): d is string => d !== null);
  const words = [p.name, foldForSearch(p.name), slugify(p.name), p.fullName, ...dates, ...Object.values(p.licences).map((l) => l.title)];

  it.each(['server', 'client'])('%s/ names none of its facts', (dir) => {
    const found = sources(join(ROOT, dir)).flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8')).toLowerCase();
      return words.filter((w) => code.includes(w.toLowerCase())).map((w) => `${relative(ROOT, file)}: ${w}`);
    });
    expect(found).toEqual([]);
  });
});
