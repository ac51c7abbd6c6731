import { z } from 'zod';
import { ntmRecognition, ocopProduct, producer, rating, target, zone } from './geodata.ts';
import { isoDate, position, unitRecord, unitSet } from './records.ts';

/**
 * Records as the database stores them, whole: what a write puts, what the audit log keeps as
 * "before" and "after", and what a revert puts back. They are the geodata files' records
 * (server/catalog/geodata.ts) with what editing adds: the unit set of a recognition and its
 * retraction, an OCOP certificate's decision and expiry, a product's point.
 */
export const retraction = z.object({ at: z.string(), reason: z.string() });

export const storedRecognition = ntmRecognition.extend({
  unitSet: z.enum(['2020', '2025']),
  decision: z.object({ ref: z.string(), date: isoDate.nullable() }).nullable(),
  retracted: retraction.nullable(),
});
export type StoredRecognition = z.infer<typeof storedRecognition>;

export const storedRating = rating.extend({
  decision: z.object({ ref: z.string(), date: isoDate.nullable() }).nullable(),
  expiresOn: isoDate.nullable(),
});
export type StoredRating = z.infer<typeof storedRating>;

export const storedProduct = ocopProduct.extend({
  ratings: z.array(storedRating),
  /** Where the marker stands: the producer's commune, the district centre, or a point picked on the map. */
  point: position.nullable(),
});
export type StoredProduct = z.infer<typeof storedProduct>;

export const storedProducer = producer;
export type StoredProducer = z.infer<typeof storedProducer>;

export const storedZone = zone;
export type StoredZone = z.infer<typeof storedZone>;

export const storedTarget = target;
export type StoredTarget = z.infer<typeof storedTarget>;

/** A unit's boundary as stored: its shape and what follows from it (area, label point). Names and codes are not imported. */
export const storedUnit = unitRecord.pick({ unitSet: true, code: true, level: true, areaKm2: true, labelPoint: true, geometry: true });
export type StoredUnit = z.infer<typeof storedUnit>;

/** The source and licence of a unit set's boundaries, when official ones replaced the province's. */
export const storedBoundaryLicence = z.object({
  unitSet,
  title: z.string(),
  url: z.string(),
  attribution: z.string(),
  terms: z.object({ vi: z.string(), en: z.string() }),
  redistributable: z.boolean(),
  sourceId: z.int().nullable(),
});
export type StoredBoundaryLicence = z.infer<typeof storedBoundaryLicence>;
