import { z } from 'zod';
import { NTM_STATUSES } from '../../domain/ntm-status.ts';
import type { Label } from '../define.ts';
import { defineTiledCollection, type TiledCollection } from '../tiled.ts';

/**
 * The synthetic national dataset (scripts/national/generate.ts, served when NATIONAL_DIR is set):
 * provinces, districts and communes of the 2020–2025 units and the units of 1 July 2025, made up to
 * prove the map at national scale. It is not Viet Nam's data and must never be shown as such.
 */

export const SYNTHETIC_NOTICE: Label = {
  vi: 'DỮ LIỆU GIẢ LẬP — không phải ranh giới, tên hay tình trạng NTM thật; chỉ để thử hiệu năng ở quy mô toàn quốc.',
  en: 'SYNTHETIC DATA — not real boundaries, names or NTM statuses; made up to test the map at national scale.',
};

/** The years the status endpoint answers for (statuses as of 31 December; 2025 as of 30 June, the last day of the 2020–2025 units). */
export const NATIONAL_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;

/** A unit's properties, the same at every level; codes are the dataset's own, never GSO codes. */
export const nationalUnitProperties = z.object({
  /** Numeric feature id (MVT ids are integers): what feature state is keyed on. */
  id: z.number().int().positive(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district', 'commune', 'commune-2025']),
  provinceCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  /** Communes: the unit of 1 July 2025 it was merged into. */
  unit2025Code: z.string().optional(),
  /** Units of 2025: how many former communes were merged into it. */
  formerCommunes: z.number().int().positive().optional(),
  synthetic: z.literal(true),
});
export type NationalUnitProperties = z.infer<typeof nationalUnitProperties>;

/** manifest.json of a generated dataset. */
export const nationalManifest = z.object({
  synthetic: z.literal(true),
  notice: z.object({ vi: z.string(), en: z.string() }),
  seed: z.number().int(),
  scale: z.number().positive().max(1),
  counts: z.object({ provinces: z.number().int(), districts: z.number().int(), communes: z.number().int(), units2025: z.number().int() }),
  years: z.array(z.number().int()),
  generator: z.string(),
});
export type NationalManifest = z.infer<typeof nationalManifest>;

/**
 * statuses.json: per collection, per feature id, one digit per year (NATIONAL_YEARS order), each
 * the rank of its NTM status in `statuses` ("012233": none in 2020 … advanced in 2025).
 */
export const nationalStatuses = z.object({
  synthetic: z.literal(true),
  statuses: z.array(z.enum(NTM_STATUSES)),
  years: z.array(z.number().int()),
  /** The date each year's statuses are as of (the dataset says; the last year may end early). */
  asOf: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  ranks: z.record(z.string(), z.record(z.string(), z.string().regex(/^[0-4]+$/))),
});
export type NationalStatuses = z.infer<typeof nationalStatuses>;

/** What GET /api/tiles/{collection}/statuses/{year} answers: feature id → status rank. */
export const nationalStatusResponse = z.object({
  collection: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  synthetic: z.literal(true),
  notice: z.object({ vi: z.string(), en: z.string() }),
  statuses: z.array(z.enum(NTM_STATUSES)),
  ranks: z.record(z.string(), z.number().int().min(0).max(4)),
});

const ATTRIBUTION = 'Synthetic data (giả lập) — not real';
const synthetic = (t: Label): Label => ({ vi: `${t.vi} — GIẢ LẬP`, en: `${t.en} — SYNTHETIC` });

function national(
  c: Omit<TiledCollection<NationalUnitProperties>, 'properties' | 'synthetic' | 'attribution' | 'title' | 'description'> & { title: Label; about: Label },
) {
  const { about, title, ...rest } = c;
  return defineTiledCollection({
    ...rest,
    title: synthetic(title),
    description: { vi: `${about.vi} ${SYNTHETIC_NOTICE.vi}`, en: `${about.en} ${SYNTHETIC_NOTICE.en}` },
    properties: nationalUnitProperties,
    synthetic: true,
    attribution: ATTRIBUTION,
  });
}

export const nationalProvinces = national({
  id: 'national-provinces-2020',
  title: { vi: 'Tỉnh toàn quốc (đơn vị 2020–2025)', en: 'Provinces nationwide (2020–2025 units)' },
  about: { vi: '63 tỉnh, thành phố.', en: 'The 63 provinces.' },
  file: 'provinces-2020.geojson',
  minzoom: 0,
  maxzoom: 8,
  tolerance: 3,
  statuses: false,
});

export const nationalDistricts = national({
  id: 'national-districts-2020',
  title: { vi: 'Huyện toàn quốc (đơn vị 2020–2025)', en: 'Districts nationwide (2020–2025 units)' },
  about: { vi: 'Khoảng 700 huyện.', en: 'About 700 districts.' },
  file: 'districts-2020.geojson',
  minzoom: 3,
  maxzoom: 10,
  tolerance: 3,
  statuses: false,
});

export const nationalCommunes = national({
  id: 'national-communes-2020',
  title: { vi: 'Xã toàn quốc theo mức đạt chuẩn NTM (đơn vị 2020–2025)', en: 'Communes nationwide by NTM status (2020–2025 units)' },
  about: {
    vi: 'Khoảng 10.600 xã; mức đạt chuẩn theo năm lấy từ /statuses/{năm}, không nằm trong tile.',
    en: 'About 10,600 communes; their status per year comes from /statuses/{year}, not from the tiles.',
  },
  file: 'communes-2020.geojson',
  // A commune is a few pixels wide below zoom 7: the provinces and districts show the country there.
  minzoom: 7,
  maxzoom: 12,
  tolerance: 3,
  statuses: true,
});

export const nationalUnits2025 = national({
  id: 'national-units-2025',
  title: { vi: 'Xã, phường toàn quốc từ 1/7/2025', en: 'Communes and wards nationwide from 1 Jul 2025' },
  about: {
    vi: '3.321 đơn vị hợp thành từ các xã cũ; mức đạt chuẩn của một đơn vị là mức mà mọi xã cũ hợp thành đã đạt.',
    en: 'The 3,321 units merged from the former communes; a unit’s status is the one all its former communes had reached.',
  },
  file: 'units-2025.geojson',
  minzoom: 6,
  maxzoom: 12,
  tolerance: 3,
  statuses: true,
});

/** The tiled collections, served when a national dataset is configured. */
export const NATIONAL_CATALOG = [nationalProvinces, nationalDistricts, nationalCommunes, nationalUnits2025] as const;
