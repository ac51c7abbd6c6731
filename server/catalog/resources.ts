import { z } from 'zod';
import { UNIT_SETS } from '../domain/unit-sets.ts';
import { crosswalkEntry, unitProperties } from './properties.ts';
import { licence, provinceRecord } from './province.ts';
import { factRecord, isoDate, recognitionRecord, targetRecord } from './records.ts';

/**
 * The /api resources that are not catalog collections — the units of a set, the crosswalk, the
 * timeline record, the deployment's configuration — as schemas: the routes answer in these
 * shapes and the client checks what it receives against them.
 */

const featureOf = <S extends z.ZodType>(properties: S) => z.object({ type: z.literal('Feature'), properties }).loose();

/** GET /api/units?set= */
export const unitsResponse = z.object({ type: z.literal('FeatureCollection'), unitSet: z.enum(UNIT_SETS), features: z.array(featureOf(unitProperties)) });

/** GET /api/crosswalk */
export const crosswalkResponse = z.object({ entries: z.array(crosswalkEntry) });

const period = z.object({ from: isoDate.nullable(), to: isoDate.nullable() });

/** GET /api/timeline: the whole record a client needs to compute "as of" itself. */
export const timelineResponse = z.object({
  unitSets: z.object({ '2019': period, '2020': period, '2025': period }),
  recognitions: z.array(recognitionRecord),
  facts: z.array(factRecord),
  targets: z.array(targetRecord),
});

/** An online raster basemap; off unless configured, because the map must work with no internet. */
export const basemapConfig = z.object({ tiles: z.array(z.string()), attribution: z.string() });
export type BasemapConfig = z.infer<typeof basemapConfig>;

/** GET /api/config: the province the data is about (its dates, extent, licences), the basemap, and each unit set's boundary licence (the province's until official boundaries are imported). */
export const configResponse = z.object({
  province: provinceRecord,
  basemap: basemapConfig.nullable(),
  boundaries: z.object({ '2019': licence, '2020': licence, '2025': licence }),
});
