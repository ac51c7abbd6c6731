import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForSearch, slugify } from '../../server/domain/text.ts';
import { sourceFiles, withoutComments } from '../helpers/sources.ts';
import { committedProvince, GEODATA_DIR } from '../helpers/test-app.ts';

/**
 * The province is data: what geodata/province.json states about Điện Biên — its name, its unit
 * sets' dates, its licences — appears nowhere in the app's code (comments aside), so the same code
 * serves any province (tests/province, tests/e2e/synthetic-province.test.ts run it on another).
 */
const ROOT = join(GEODATA_DIR, '..');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day as text may write it: 2025-07-01, 1 July 2025, 1 Jul 2025, 1/7/2025, 01/07/2025. */
function writtenForms(iso: string): string[] {
  const [y, m, d] = iso.split('-');
  const [day, month] = [Number(d), Number(m)];
  return [iso, `${day} ${MONTHS[month - 1]} ${y}`, `${day} ${MONTHS[month - 1].slice(0, 3)} ${y}`, `${day}/${month}/${y}`, `${d}/${m}/${y}`];
}

/**
 * The synthetic national dataset (NATIONAL_DIR) is about the whole country's units, not the
 * province's: its titles name the nation's sets.
 */
const NOT_THE_PROVINCE = new Set(['server/catalog/collections/national.ts']);

describe('nothing about the province is in code', () => {
  const p = committedProvince();
  const sets = Object.values(p.unitSets);
  const dates = sets.flatMap((s) => [s.from, s.to]).filter((d): d is string => d !== null);
  /** A set in force over several years, as a text names it: "2020–2025". */
  const spans = sets.flatMap((s) => (s.from && s.to && s.from.slice(0, 4) !== s.to.slice(0, 4) ? [`${s.from.slice(0, 4)}–${s.to.slice(0, 4)}`] : []));
  const words = [
    p.name,
    foldForSearch(p.name),
    slugify(p.name),
    p.fullName,
    ...dates.flatMap(writtenForms),
    ...spans,
    ...Object.values(p.licences).map((l) => l.title),
  ];

  it("knows the forms a unit set's dates are written in", () => {
    expect(writtenForms('2025-07-01')).toEqual(['2025-07-01', '1 July 2025', '1 Jul 2025', '1/7/2025', '01/07/2025']);
    expect(words).toEqual(expect.arrayContaining(['31 Dec 2019', '30 June 2025', '30/6/2025', '2020–2025']));
  });

  it.each(['server', 'client'])('%s/ names none of its facts', (dir) => {
    const files = sourceFiles(join(ROOT, dir), /\.(ts|tsx|html|css)$/).filter((file) => !NOT_THE_PROVINCE.has(relative(ROOT, file)));
    const found = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8')).toLowerCase();
      return words.filter((w) => code.includes(w.toLowerCase())).map((w) => `${relative(ROOT, file)}: ${w}`);
    });
    expect(found).toEqual([]);
  });
});
