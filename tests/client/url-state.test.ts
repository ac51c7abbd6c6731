import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeUrlState, encodeUrlState, type UrlState, VIEW_LAYERS } from '../../client/lib/url-state.ts';

describe('URL state', () => {
  const states: UrlState[] = [
    DEFAULT_STATE,
    { ...DEFAULT_STATE, view: 'leadership', asOf: '2021-06-30', layers: VIEW_LAYERS.leadership },
    {
      view: 'investors',
      asOf: '2019-12-31',
      layers: ['zones', 'labels'],
      stars: [4, 5],
      groups: ['I', 'II'],
      crops: ['tea', 'coffee'],
      selection: { kind: 'zone', id: 'che-shan-tuyet-tua-chua' },
      lang: 'en',
      camera: { lon: 103.3456, lat: 21.9012, zoom: 9.5 },
    },
    { ...DEFAULT_STATE, view: 'progress', layers: [], selection: { kind: 'commune', id: '03337' } },
  ];

  it.each(states.map((s, i) => [i, s] as const))('round-trips state %i', (_i, state) => {
    expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeUrlState(DEFAULT_STATE)).toBe('');
    expect(encodeUrlState({ ...DEFAULT_STATE, view: 'investors', layers: VIEW_LAYERS.investors })).toBe('?view=investors');
  });

  it('falls back to defaults on malformed values instead of failing', () => {
    expect(decodeUrlState('?view=nope&asOf=2021-02-30&stars=2,9&groups=VII&crops=opium&sel=bogus&map=x&lang=fr')).toEqual(DEFAULT_STATE);
    expect(decodeUrlState('?asOf=2030-01-01').asOf).toBe(DEFAULT_STATE.asOf);
  });
});
