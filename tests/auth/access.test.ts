import { describe, expect, it } from 'vitest';
import { canEdit, type EditTarget, type Principal, type Programme } from '../../server/domain/access.ts';

const admin: Principal = { role: 'admin', programmes: [], units: [] };
const viewer: Principal = { role: 'viewer', programmes: [], units: [] };
const ntmEditor: Principal = { role: 'editor', programmes: ['ntm'], units: [] };
const ocopZonesEditor: Principal = { role: 'editor', programmes: ['ocop', 'zones'], units: [] };
/** An editor for NTM in the district of Điện Biên (095) and the commune Thanh Chăn (2020 set). */
const districtEditor: Principal = {
  role: 'editor',
  programmes: ['ntm'],
  units: [
    { set: '2020', code: '095' },
    { set: '2025', code: '03316' },
  ],
};
const noProgramme: Principal = { role: 'editor', programmes: [], units: [] };

const communeOf095: EditTarget = { set: '2020', code: '03328', district: '095' };
const communeOf096: EditTarget = { set: '2020', code: '03340', district: '096' };

describe('canEdit: the one rule for who may change what', () => {
  const cases: [string, Principal | null, Programme, EditTarget | undefined, boolean][] = [
    ['anonymous never', null, 'ntm', undefined, false],
    ['anonymous never, on a unit either', null, 'ntm', communeOf095, false],
    ['a viewer never', viewer, 'ntm', communeOf095, false],
    ['an admin always', admin, 'boundaries', undefined, true],
    ['an admin on any unit', admin, 'ocop', communeOf096, true],
    ['an editor in their programme', ntmEditor, 'ntm', communeOf096, true],
    ['an editor on a province-wide fact of their programme', ntmEditor, 'ntm', undefined, true],
    ['an editor outside their programme', ntmEditor, 'ocop', communeOf095, false],
    ['an editor of several programmes, each', ocopZonesEditor, 'zones', undefined, true],
    ['… but not the others', ocopZonesEditor, 'targets', undefined, false],
    ['an editor with no programme edits nothing', noProgramme, 'ntm', communeOf095, false],
    ['a unit-scoped editor on their district', districtEditor, 'ntm', { set: '2020', code: '095' }, true],
    ['a unit-scoped editor on a commune of their district', districtEditor, 'ntm', communeOf095, true],
    ['a unit-scoped editor on another district’s commune', districtEditor, 'ntm', communeOf096, false],
    ['a unit-scoped editor on the same code in another unit set', districtEditor, 'ntm', { set: '2025', code: '095' }, false],
    ['a unit-scoped editor on a named 2025 unit', districtEditor, 'ntm', { set: '2025', code: '03316' }, true],
    ['a unit-scoped editor on a province-wide fact', districtEditor, 'ntm', undefined, false],
    ['a unit-scoped editor outside their programme', districtEditor, 'ocop', communeOf095, false],
  ];
  it.each(cases)('%s', (_name, who, programme, unit, expected) => {
    expect(canEdit(who, programme, unit)).toBe(expected);
  });
});
