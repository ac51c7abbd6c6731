import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles, withoutComments } from '../helpers/sources.ts';

/**
 * "Today" is the province's day (server/domain/dates.ts provinceDate): from 17:00 UTC Vietnam is
 * already on the next date, so today taken from an ISO instant is a day behind for seven hours. A
 * test that did so failed every evening (UTC); this finds the form in all code, tests and scripts.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const UTC_TODAY = /new Date\((Date\.now\(\))?\)\s*\.toISOString\(\)\s*\.slice\(0,\s*10\)/;

describe('today is the province’s date, never UTC’s', () => {
  it('finds the UTC form however it is spaced', () => {
    expect(UTC_TODAY.test('const today = new Date().toISOString().slice(0, 10);')).toBe(true);
    expect(UTC_TODAY.test('new Date(Date.now())\n  .toISOString()\n  .slice(0,10)')).toBe(true);
    expect(UTC_TODAY.test('new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)')).toBe(false);
  });

  it.each(['server', 'client', 'scripts', 'tests'])('%s/ takes today from provinceDate', (dir) => {
    const found = sourceFiles(join(ROOT, dir))
      .filter((file) => file !== import.meta.filename)
      .filter((file) => UTC_TODAY.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => relative(ROOT, file));
    expect(found).toEqual([]);
  });
});
