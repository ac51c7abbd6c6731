import type { StoredZone } from '../catalog/stored.ts';

/** A zone's sourced figure as stored (area, year, the citation of its source). */
export type ZoneFact = StoredZone['facts'][number];

/**
 * The same figures, year and citation (source, confidence, note, origin): a save that would only
 * repeat a fact adds none (server/edits/zones.ts), and the history does not show it as changed.
 */
export function sameFact(a: ZoneFact, b: ZoneFact): boolean {
  const [x, y] = [a.citation, b.citation];
  return (
    a.areaHa === b.areaHa &&
    a.areaText === b.areaText &&
    a.year === b.year &&
    x.sourceId === y.sourceId &&
    x.confidence === y.confidence &&
    x.note === y.note &&
    x.origin === y.origin
  );
}
