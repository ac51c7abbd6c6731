import { describe, expect, it } from 'vitest';
import { changedFields } from '../../client/ui/history/describe.ts';
import { sameFact, type ZoneFact } from '../../server/domain/zone-facts.ts';

const fact: ZoneFact = {
  areaHa: 120,
  areaText: null,
  year: '2025',
  placeText: 'Xã Na Son',
  citation: { sourceId: 7, confidence: 'high', note: '', origin: 'edit' },
};
const reimported: ZoneFact = { ...fact, citation: { ...fact.citation, origin: 'import' } };

describe('a zone’s sourced facts, compared once for the edits and the history', () => {
  it('the same figures, year and whole citation are the same fact', () => {
    expect(sameFact(fact, { ...fact, citation: { ...fact.citation } })).toBe(true);
    expect(sameFact(fact, { ...fact, areaHa: 121 })).toBe(false);
    expect(sameFact(fact, { ...fact, citation: { ...fact.citation, note: 'ước tính' } })).toBe(false);
  });

  it('a fact cited from another origin is another fact', () => expect(sameFact(fact, reimported)).toBe(false));

  it('the history shows a fact added under another origin, as the server stored it', () => {
    const changes = changedFields('zone', { facts: [fact] }, { facts: [fact, reimported] }, 'en');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ before: null, after: expect.stringContaining('120') });
  });
});
