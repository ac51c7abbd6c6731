import { z } from 'zod';
import { addDays } from '../domain/dates.ts';
import { PROGRAMME_FIRST_YEAR } from '../domain/ntm-status.ts';
import { LOCAL_CRS_CODES } from '../geo/tm3-zones.ts';
import { isoDate } from './records.ts';

/**
 * The province the data is about, as the geodata folder states it (geodata/province.json, written
 * by the data pipeline): its name and codes, where it lies, its local grid, when each unit set was
 * in force, and the licences its boundaries, codes and facts fall under. Nothing about a province
 * is declared in code: the server seeds this with the rest of the data, the catalog's parameters
 * and builders read it from CatalogData, and the client receives it from GET /api/config.
 */

const label = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const extent = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([w, s, e, n]) => w < e && s < n, { error: 'must be [west, south, east, north] with west < east and south < north' });

export const licence = z.object({
  /** A short stable id ("gadm", "synthetic"): files name the licence by it. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  url: z.string(),
  attribution: z.string().min(1),
  /** What a user may do with it, in both languages. */
  terms: label,
  /** The same in a few words, for the legend and the printed map ("… (non-commercial use only)"). */
  note: label,
  redistributable: z.boolean(),
});
export type Licence = z.infer<typeof licence>;

/**
 * What content can fall under: the unit boundaries, the unit codes and names, the sourced facts,
 * and the base map's own layers (the province outline, the neighbouring countries).
 */
export const LICENCE_ROLES = ['boundaries', 'codes', 'facts', 'base'] as const;
export type LicenceRole = (typeof LICENCE_ROLES)[number];

export const provinceRecord = z
  .object({
    /** "Điện Biên": how the interface names it ("tỉnh …", "… province"). */
    name: z.string().min(1),
    fullName: z.string().min(1),
    /** GSO code of the province. */
    gsoCode: z.string().regex(/^\d{2}$/),
    /** ISO 3166-2 code, when it has one. */
    iso: z.string().nullable(),
    /** Generated data for tests and benchmarks: the map says so on every view, and never shows it as real. */
    synthetic: z.boolean(),
    /** The whole province with a margin, [west, south, east, north] in degrees (CRS84). */
    bounds: extent,
    /** How far the map may be panned; room to the south for a phone's bottom sheet. */
    panBounds: extent,
    /** The grid its surveyors use (a VN-2000 / TM-3 zone), offered by the OGC API beside CRS84. */
    localCrs: z.enum(LOCAL_CRS_CODES),
    /** No "as of" date before the programme's start means anything. */
    programmeStart: isoDate,
    /** The first date the timeline and the charts show. */
    timelineStart: isoDate,
    /**
     * When each unit set was in force. The ids are generations: the units before the 2020 change,
     * those of 2020–2025, and those of the 2025 reform (no districts); their dates are the province's.
     * `change` says what happened on the day a set came in.
     */
    unitSets: z.object({
      '2019': z.object({ from: z.null(), to: isoDate }),
      '2020': z.object({ from: isoDate, to: isoDate, change: label }),
      '2025': z.object({ from: isoDate, to: z.null(), change: label }),
    }),
    licences: z.object({ boundaries: licence, codes: licence, facts: licence, base: licence }),
    /**
     * Unit names the press spells differently from the official list (press → official): the
     * pipeline resolves sources with them and search answers to both. The codes are the same.
     */
    nameSpellings: z.record(z.string().min(1), z.string().min(1)),
  })
  .superRefine((p, ctx) => {
    const { '2019': a, '2020': b, '2025': c } = p.unitSets;
    if (addDays(a.to, 1) !== b.from) ctx.addIssue({ code: 'custom', path: ['unitSets', '2020', 'from'], message: 'must be the day after the 2019 set ends' });
    if (b.to < b.from) ctx.addIssue({ code: 'custom', path: ['unitSets', '2020', 'to'], message: 'must not be before the set begins' });
    if (addDays(b.to, 1) !== c.from) ctx.addIssue({ code: 'custom', path: ['unitSets', '2025', 'from'], message: 'must be the day after the 2020 set ends' });
    if (p.programmeStart < `${PROGRAMME_FIRST_YEAR}-01-01`) {
      ctx.addIssue({ code: 'custom', path: ['programmeStart'], message: `must not be before the national programme began (${PROGRAMME_FIRST_YEAR})` });
    }
    if (p.timelineStart < p.programmeStart) ctx.addIssue({ code: 'custom', path: ['timelineStart'], message: 'must not be before programmeStart' });
  });
export type Province = z.infer<typeof provinceRecord>;
