import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Feature, Point, Polygon } from 'geojson';
import type { CrosswalkRow, NtmRecognition, OcopProduct, Source, Target, UnitFeature, Zone } from '../../server/catalog/geodata.ts';
import type { Licence, Province } from '../../server/catalog/province.ts';
import { PROGRAMME_FIRST_YEAR } from '../../server/domain/ntm-status.ts';
import type { UnitSet } from '../../server/domain/unit-sets.ts';
import { bboxPolygon } from '../../server/geo/bbox.ts';
import { areaKm2, labelPoint } from '../../server/geo/measure.ts';

/**
 * A small SYNTHETIC province, "Mẫu Thử", as a complete geodata folder: the same files the real
 * pipeline writes (geodata/), generated deterministically. It exists to prove that the server
 * and the map take everything about a province from its geodata folder: the tests run both on
 * it with no code change. Nothing here is real; province.json says `synthetic: true`, every
 * source and licence says so, and the map says so on every view.
 *
 * The shape: three districts side by side, four communes each, on a grid of rectangles near
 * 105.5° E (VN-2000 / TM-3 105-30, EPSG:9209). Its unit changes fall on other dates than
 * Điện Biên's: on 1 March 2020 two communes of the first district merge; from 1 July 2025 the
 * communes merge into five units with no districts.
 */

const WEST = 105.3;
const SOUTH = 20.5;
const CELL = { width: 0.15, height: 0.1 };
const round = (x: number) => Math.round(x * 1e5) / 1e5;
const ROWS = 4;
const DISTRICTS = [
  { code: '991', name: 'Thử Một', communes: ['Nậm Thử', 'Pá Mẫu', 'Huổi Thử', 'Co Mẫu'] },
  { code: '992', name: 'Thử Hai', communes: ['Tà Thử', 'Mường Mẫu', 'Sín Thử', 'Na Mẫu'] },
  { code: '993', name: 'Thử Ba', communes: ['Phìn Thử', 'Xá Mẫu', 'Lả Thử', 'Chà Mẫu'] },
] as const;

const PERIODS = {
  '2019': { from: null, to: '2020-02-29' },
  '2020': { from: '2020-03-01', to: '2025-06-30' },
  '2025': { from: '2025-07-01', to: null },
} as const;

const SYNTHETIC: Licence = {
  id: 'synthetic',
  title: 'Dữ liệu tổng hợp để kiểm thử (synthetic test data)',
  url: '',
  attribution: 'Dữ liệu tổng hợp, sinh bởi scripts/geodata/synthetic.ts — không phải số liệu thật',
  terms: {
    vi: 'Dữ liệu tổng hợp sinh ra cho kiểm thử và đo hiệu năng; không phải số liệu thật, không dùng cho quyết định nào.',
    en: 'Synthetic data generated for tests and benchmarks; not real figures, never to be used for any decision.',
  },
  note: { vi: 'Dữ liệu tổng hợp, không phải số liệu thật', en: 'Synthetic data, not real figures' },
  redistributable: true,
};

export const SYNTHETIC_PROVINCE: Province = {
  name: 'Mẫu Thử',
  fullName: 'Tỉnh Mẫu Thử',
  gsoCode: '99',
  iso: null,
  synthetic: true,
  bounds: [round(WEST - 0.05), round(SOUTH - 0.05), round(WEST + 3 * CELL.width + 0.05), round(SOUTH + ROWS * CELL.height + 0.05)],
  panBounds: [round(WEST - 2), round(SOUTH - 3), round(WEST + 3 * CELL.width + 2), round(SOUTH + ROWS * CELL.height + 2)],
  localCrs: 'EPSG:9209',
  programmeStart: `${PROGRAMME_FIRST_YEAR}-01-01`,
  timelineStart: '2016-01-01',
  unitSets: {
    '2019': PERIODS['2019'],
    '2020': {
      ...PERIODS['2020'],
      change: { vi: 'xã Co Mẫu nhập vào xã Huổi Thử (dữ liệu tổng hợp)', en: 'Co Mẫu merged into Huổi Thử (synthetic)' },
    },
    '2025': {
      ...PERIODS['2025'],
      change: {
        vi: 'không còn cấp huyện; các xã hợp thành 5 xã, phường mới (dữ liệu tổng hợp)',
        en: 'districts abolished; the communes merged into 5 new communes and wards (synthetic)',
      },
    },
  },
  licences: { boundaries: SYNTHETIC, codes: SYNTHETIC, facts: SYNTHETIC, base: SYNTHETIC },
  nameSpellings: { 'Ta Thử': 'Tà Thử' },
};

/** A rectangle of grid cells: columns `cols[0]`–`cols[1]`, rows `from`–`to` (inclusive, counted from the south). */
function block(cols: [number, number], from: number, to: number): Polygon {
  const w = round(WEST + cols[0] * CELL.width);
  const e = round(WEST + (cols[1] + 1) * CELL.width);
  const s = round(SOUTH + from * CELL.height);
  const n = round(SOUTH + (to + 1) * CELL.height);
  return bboxPolygon([w, s, e, n]);
}
const cells = (col: number, from: number, to: number) => block([col, col], from, to);

const communeCode = (col: number, row: number) => `99${String(100 + col * 12 + row * 3).padStart(3, '0')}`;

function unit(
  set: UnitSet,
  level: 'district' | 'commune',
  p: { code: string; name: string; type: string; districtCode: string | null; formerCodes?: string[] },
  geometry: Polygon,
): UnitFeature {
  return {
    type: 'Feature',
    properties: {
      code: p.code,
      name: p.name,
      type: p.type,
      fullName: `${p.type} ${p.name}`,
      level,
      unitSet: set,
      districtCode: p.districtCode,
      validFrom: PERIODS[set].from,
      validTo: PERIODS[set].to,
      areaKm2: areaKm2(geometry),
      labelPoint: labelPoint(geometry),
      ...(p.formerCodes ? { formerCodes: p.formerCodes } : {}),
    },
    geometry,
  };
}

/** The 2020 change: the fourth commune of the first district (Co Mẫu) merges into the third (Huổi Thử). */
const RETIRED = communeCode(0, 3);
const ABSORBING = communeCode(0, 2);

/** The 2025 units: runs of rows in a column merged, named after their first commune; the third is a ward. */
const UNITS_2025 = [
  { col: 0, from: 0, to: 1, type: 'Xã' },
  { col: 0, from: 2, to: 3, type: 'Xã' },
  { col: 1, from: 0, to: 1, type: 'Phường' },
  { col: 1, from: 2, to: 3, type: 'Xã' },
  { col: 2, from: 0, to: 3, type: 'Xã' },
] as const;

function units() {
  const districts = (set: '2019' | '2020') =>
    DISTRICTS.map((d, col) => unit(set, 'district', { code: d.code, name: d.name, type: 'Huyện', districtCode: null }, cells(col, 0, ROWS - 1)));
  const communes2019 = DISTRICTS.flatMap((d, col) =>
    d.communes.map((name, row) => unit('2019', 'commune', { code: communeCode(col, row), name, type: 'Xã', districtCode: d.code }, cells(col, row, row))),
  );
  const communes2020 = DISTRICTS.flatMap((d, col) =>
    d.communes.flatMap((name, row) => {
      const code = communeCode(col, row);
      if (code === RETIRED) return [];
      const shape = code === ABSORBING ? cells(col, row, row + 1) : cells(col, row, row);
      return [unit('2020', 'commune', { code, name, type: 'Xã', districtCode: d.code }, shape)];
    }),
  );
  const communes2025 = UNITS_2025.map((u) => {
    const formerCodes = communes2020
      .filter((c) => {
        const [col, row] = gridOf(c.properties.code);
        return col === u.col && row >= u.from && row <= u.to;
      })
      .map((c) => c.properties.code);
    const first = communeCode(u.col, u.from);
    return unit(
      '2025',
      'commune',
      { code: first, name: DISTRICTS[u.col].communes[u.from], type: u.type, districtCode: null, formerCodes },
      cells(u.col, u.from, u.to),
    );
  });
  const crosswalk: CrosswalkRow[] = [
    ...communes2019.map((c) => ({
      fromSet: '2019' as const,
      fromCode: c.properties.code,
      toSet: '2020' as const,
      toCode: c.properties.code === RETIRED ? ABSORBING : c.properties.code,
    })),
    ...communes2025.flatMap((u) =>
      (u.properties.formerCodes ?? []).map((old) => ({ fromSet: '2020' as const, fromCode: old, toSet: '2025' as const, toCode: u.properties.code })),
    ),
  ];
  return { districts2019: districts('2019'), communes2019, districts2020: districts('2020'), communes2020, communes2025, crosswalk };
}

function gridOf(code: string): [number, number] {
  const n = Number(code.slice(2)) - 100;
  return [Math.floor(n / 12), (n % 12) / 3];
}

const SOURCES: Source[] = [
  { id: 1, title: 'Dữ liệu tổng hợp: công nhận NTM (synthetic)', ref: 'scripts/geodata/synthetic.ts', date: '2024', dateStart: '2024-01-01' },
  { id: 2, title: 'Dữ liệu tổng hợp: OCOP và vùng nguyên liệu (synthetic)', ref: 'scripts/geodata/synthetic.ts', date: '2024', dateStart: '2024-01-01' },
];
const cite = (sourceId: number, origin: string) => ({ sourceId, confidence: 'high' as const, note: 'Synthetic: generated, not real.', origin });

function recognitions(): NtmRecognition[] {
  const rows: [number, number, 'basic' | 'standard' | 'advanced', number][] = [
    [1, 0, 'standard', 2017],
    [1, 1, 'basic', 2019],
    [0, 0, 'standard', 2021],
    [2, 2, 'standard', 2022],
    [1, 0, 'advanced', 2024],
  ];
  return rows.map(([col, row, status, yearFor], i) => ({
    id: `${communeCode(col, row)}-${status}-${yearFor}`,
    communeCode: communeCode(col, row),
    status,
    yearFor,
    yearUnknown: false,
    countsFrom: `${yearFor}-12-31`,
    decision: { ref: `${100 + i}/QĐ-UBND (tổng hợp)`, date: `${yearFor + 1}-01-15` },
    criteriaMet: status === 'basic' ? 15 : 19,
    criteriaText: null,
    disputed: false,
    disputeNote: null,
    recordedAs: null,
    citations: [cite(1, `synthetic:recognition:${i + 1}`)],
  }));
}

const PRODUCERS = [
  { id: 'htx-che-mau-thu', name: 'HTX Chè Mẫu Thử (tổng hợp)', type: 'cooperative' as const },
  { id: 'ho-mat-ong-ta-thu', name: 'Hộ Mật ong Tà Thử (tổng hợp)', type: 'household' as const },
];

function products(): Feature<Point, OcopProduct>[] {
  const rows = [
    { id: 'che-mau-thu', name: 'Chè Mẫu Thử', producerId: 'htx-che-mau-thu', stars: 4 as const, year: 2023, col: 2, row: 2, district: '993' },
    { id: 'mat-ong-ta-thu', name: 'Mật ong Tà Thử', producerId: 'ho-mat-ong-ta-thu', stars: 3 as const, year: 2024, col: 1, row: 0, district: '992' },
  ];
  return rows.map((p) => {
    const code = communeCode(p.col, p.row);
    const [lon, lat] = labelPoint(cells(p.col, p.row, p.row));
    return {
      type: 'Feature',
      id: p.id,
      properties: {
        id: p.id,
        name: p.name,
        producerId: p.producerId,
        stars: p.stars,
        year: p.year,
        certifiedBy: p.year,
        countsFrom: `${p.year}-12-31`,
        yearText: null,
        ratings: [{ stars: p.stars, year: p.year, yearText: null, inferred: false, sourceIds: [2] }],
        group: 'I',
        communeCode: code,
        districtCode: p.district,
        location: 'commune',
        inferred: [],
        expiryYear: p.year + 3,
        disputed: false,
        caveats: [],
        citations: [cite(2, `synthetic:product:${p.id}`)],
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    };
  });
}

function zones(): Feature<Polygon, Omit<Zone, 'geometry'>>[] {
  const codes = [communeCode(2, 2), communeCode(2, 3)];
  return [
    {
      type: 'Feature',
      id: 'che-phin-thu',
      properties: {
        id: 'che-phin-thu',
        name: 'Vùng chè Phìn Thử (tổng hợp)',
        crop: 'tea',
        areaHa: 250,
        areaApprox: true,
        areaText: '~250',
        year: '2023',
        communeCodes: codes,
        districtCodes: ['993'],
        extent: 'communes',
        productLinks: [{ id: 'che-mau-thu', confirmed: true }],
        facts: [{ areaHa: 250, areaText: '~250', year: '2023', placeText: 'Lả Thử; Chà Mẫu — Thử Ba', citation: cite(2, 'synthetic:zone:1') }],
      },
      geometry: cells(2, 2, 3),
    },
  ];
}

const TARGETS: Target[] = [
  {
    id: 'target-01',
    indicator: 'xã đạt chuẩn NTM (count)',
    indicatorKey: 'ntm-standard-communes',
    scope: 'province',
    targetText: '4 xã đến 2025',
    targetValue: 4,
    targetYear: 2025,
    actualText: '3',
    actualValue: 3,
    actualDate: '2022-12-31',
    citation: cite(1, 'synthetic:target:1'),
  },
];

function featureCollection(features: readonly unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

/** Every file of the synthetic province's geodata folder, by path, as text (the same every run). */
export function syntheticGeodata(): Record<string, string> {
  const u = units();
  const outline = {
    type: 'Feature',
    properties: { name: SYNTHETIC_PROVINCE.fullName, synthetic: true },
    geometry: block([0, DISTRICTS.length - 1], 0, ROWS - 1),
  };
  return {
    'README.md': `# SYNTHETIC province “${SYNTHETIC_PROVINCE.name}” — not real data\n\nGenerated by \`npm run geodata:synthetic\` (scripts/geodata/synthetic.ts) for tests and benchmarks: the server and the map run on it with no code change.\n`,
    'province.json': json(SYNTHETIC_PROVINCE),
    'units/districts-2019.geojson': featureCollection(u.districts2019),
    'units/communes-2019.geojson': featureCollection(u.communes2019),
    'units/districts-2020.geojson': featureCollection(u.districts2020),
    'units/communes-2020.geojson': featureCollection(u.communes2020),
    'units/communes-2025.geojson': featureCollection(u.communes2025),
    'units/crosswalk.json': json(u.crosswalk),
    'units/merger-2025-sources.json': json(
      u.communes2025.map((c) => ({ code: c.properties.code, title: SOURCES[0].title, ref: SOURCES[0].ref, confidence: 'high' })),
    ),
    'base/province.geojson': featureCollection([outline]),
    'base/context-countries.geojson': featureCollection([]),
    'facts/sources.json': json(SOURCES),
    'facts/ntm-recognitions.json': json(recognitions()),
    'facts/ntm-facts.json': json([]),
    'facts/ocop-producers.json': json(PRODUCERS),
    'facts/ocop-products.geojson': featureCollection(products()),
    'facts/zones.geojson': featureCollection(zones()),
    'facts/targets.json': json(TARGETS),
  };
}

/** Writes the synthetic geodata folder to `dir`; returns the paths written. */
export function writeSyntheticGeodata(dir: string): string[] {
  const files = syntheticGeodata();
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return Object.keys(files);
}
