import { describe, expect, it } from 'vitest';
import { committedProvince } from '../helpers/test-app.ts';
import { defaultState, decodeUrlState, encodeUrlState, placeSelection, shownSetFor, todayIso, type UrlState, VIEW_LAYERS } from '../../client/lib/url-state.ts';

const calendar = committedProvince();
const DEFAULT_STATE = defaultState(calendar);
const periods = calendar.unitSets;

describe('URL state', () => {
  it('takes today in the province: at 02:00 in Vietnam it is already the next day, which UTC is not', () => {
    expect(todayIso(new Date('2026-11-27T19:30:00Z'))).toBe('2026-11-28');
    expect(todayIso(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27');
  });

  const states: UrlState[] = [
    DEFAULT_STATE,
    { ...DEFAULT_STATE, view: 'leadership', asOf: '2021-06-30', layers: VIEW_LAYERS.leadership },
    {
      view: 'investors',
      asOf: '2019-12-31',
      units: 'new',
      layers: ['zones', 'labels'],
      stars: [4, 5],
      groups: ['I', 'II'],
      crops: ['tea', 'coffee'],
      selection: { kind: 'zone', id: 'che-shan-tuyet-tua-chua' },
      lang: 'en',
      camera: { lon: 103.3456, lat: 21.9012, zoom: 9.5 },
      help: 'approximate',
    },
    { ...DEFAULT_STATE, view: 'progress', layers: [], selection: { kind: 'commune', id: '03337', set: '2020' } },
    { ...DEFAULT_STATE, asOf: '2026-01-31', units: 'old', selection: { kind: 'commune', id: '03328', set: '2025' } },
    { ...DEFAULT_STATE, asOf: '2018-12-31', selection: { kind: 'district', id: '100', set: '2019' } },
  ];
  const today = '2026-11-24';

  it.each(states.map((s, i) => [i, s] as const))('round-trips state %i', (_i, state) => {
    expect(decodeUrlState(encodeUrlState(state, calendar), calendar, today)).toEqual(state);
  });

  it('names the unit set with every commune or district code', () => {
    expect(
      encodeUrlState({ ...DEFAULT_STATE, view: 'progress', layers: VIEW_LAYERS.progress, selection: { kind: 'commune', id: '03127', set: '2025' } }, calendar),
    ).toBe('?view=progress&sel=commune%3A2025%3A03127');
    expect(decodeUrlState('?sel=commune:03337', calendar, today).selection).toEqual({ kind: 'commune', id: '03337', set: '2020' });
    expect(decodeUrlState('?sel=district:2025:097', calendar, today).selection).toBeNull();
  });

  it('opens a link that selects something but names no view on the view that shows it, not the start screen', () => {
    const commune = decodeUrlState('?sel=commune:2025:03328', calendar, today);
    expect(commune).toMatchObject({ view: 'progress', layers: VIEW_LAYERS.progress, selection: { kind: 'commune', id: '03328', set: '2025' } });
    expect(decodeUrlState('?sel=district:2020:100', calendar, today)).toMatchObject({ view: 'leadership', layers: VIEW_LAYERS.leadership });
    expect(decodeUrlState('?sel=zone:che-shan-tuyet-tua-chua', calendar, today).view).toBe('investors');
    expect(decodeUrlState('?view=start&sel=product:mat-ong-hoa-ban', calendar, today).view).toBe('start');
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeUrlState(DEFAULT_STATE, calendar)).toBe('');
    expect(encodeUrlState({ ...DEFAULT_STATE, view: 'investors', layers: VIEW_LAYERS.investors }, calendar)).toBe('?view=investors');
  });

  it('falls back to defaults on malformed values instead of failing', () => {
    expect(decodeUrlState('?view=nope&asOf=2021-02-30&units=x&stars=2,9&groups=VII&crops=opium&sel=bogus&map=x&lang=fr', calendar, today)).toEqual(
      DEFAULT_STATE,
    );
    expect(decodeUrlState('?asOf=2026-12-01', calendar, today).asOf).toBe(DEFAULT_STATE.asOf);
    expect(decodeUrlState('?asOf=2026-11-24', calendar, today).asOf).toBe('2026-11-24');
  });

  it('places a chosen unit where it can be drawn: its own set, on a date that set was in force', () => {
    const shown = (p: ReturnType<typeof placeSelection>) => shownSetFor(p.units, p.asOf, periods);
    const taLeng = placeSelection({ kind: 'commune', id: '03144', set: '2019' }, { asOf: '2023-12-31', units: 'auto' }, periods);
    expect(taLeng).toEqual({ selection: { kind: 'commune', id: '03144', set: '2019' }, asOf: '2019-12-31', units: 'auto' });
    expect(shown(taLeng)).toBe('2019');
    const thanhChan = placeSelection({ kind: 'commune', id: '03337', set: '2020' }, { asOf: '2015-12-31', units: 'auto' }, periods);
    expect(thanhChan.selection.set).toBe('2019');
    expect(shown(thanhChan)).toBe('2019');
    const afterMerger = placeSelection({ kind: 'district', id: '097', set: '2020' }, { asOf: '2025-09-30', units: 'auto' }, periods);
    expect(shown(afterMerger)).toBe('2020');
    const newUnit = placeSelection({ kind: 'commune', id: '03328', set: '2025' }, { asOf: '2021-06-30', units: 'old' }, periods);
    expect([shown(newUnit), newUnit.asOf]).toEqual(['2025', '2021-06-30']);
    const product = placeSelection({ kind: 'product', id: 'x' }, { asOf: '2021-06-30', units: 'old' }, periods);
    expect(product).toEqual({ selection: { kind: 'product', id: 'x' }, asOf: '2021-06-30', units: 'old' });
  });
});
