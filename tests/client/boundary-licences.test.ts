import { describe, expect, it } from 'vitest';
import type { Licence } from '../../server/catalog/province.ts';
import { boundaryLicenceGroups } from '../../client/state/province.ts';
import { committedProvince } from '../helpers/test-app.ts';

/**
 * The boundaries' licence note under the legend: once official boundaries are imported for one
 * unit set, the others are still the province's (GADM's, non-commercial) and must keep saying so.
 */
const gadm = committedProvince().licences.boundaries;
const official: Licence = {
  ...gadm,
  id: 'official-2025',
  title: 'Sở NN&MT Điện Biên',
  url: '',
  attribution: 'Sở NN&MT Điện Biên',
  terms: { vi: 'Được phân phối lại, ghi rõ nguồn.', en: 'Redistribution allowed with attribution.' },
  redistributable: true,
};

describe('the boundaries’ licences by unit set', () => {
  it('is one group, the province’s, before any import', () => {
    expect(boundaryLicenceGroups({ '2019': gadm, '2020': gadm, '2025': gadm }, gadm)).toEqual([{ sets: ['2019', '2020', '2025'], licence: gadm }]);
  });

  it('after importing 2025’s, names the official licence for 2025 only and keeps GADM’s for 2019 and 2020', () => {
    expect(boundaryLicenceGroups({ '2019': gadm, '2020': gadm, '2025': official }, gadm)).toEqual([
      { sets: ['2019', '2020'], licence: gadm },
      { sets: ['2025'], licence: official },
    ]);
  });

  it('takes the province’s licence for a set the server did not name', () => {
    expect(boundaryLicenceGroups({ '2020': official, '2025': undefined }, gadm)).toEqual([
      { sets: ['2020'], licence: official },
      { sets: ['2025'], licence: gadm },
    ]);
  });
});
