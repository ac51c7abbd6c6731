import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { NTM_STATUSES } from '../../server/domain/ntm-status.ts';
import {
  NATIONAL_YEARS,
  SYNTHETIC_NOTICE,
  type NationalManifest,
  type NationalStatuses,
  type NationalUnitProperties,
} from '../../server/catalog/collections/national.ts';

/**
 * A synthetic national dataset, made up from a seed: provinces, districts and communes of the
 * 2020–2025 units grown as irregular regions on a jittered grid over a box the size of Viet Nam,
 * NTM statuses per year, and the units of 1 July 2025 grown by merging communes. Nothing in it is
 * real: every name says "giả lập" (synthetic) and every feature carries `synthetic: true`. It exists
 * to prove the tiles, the status endpoint and the map at national scale.
 */

/** The full scale: the 2020–2025 units and the units of 1 July 2025 of the whole country. */
export const FULL_SCALE = { provinces: 63, districts: 700, communes: 10_600, units2025: 3_321 } as const;
export type Counts = { provinces: number; districts: number; communes: number; units2025: number };

/** Counts at a fraction of the full scale (tests use a small one), each at least 1 and never more than the level below. */
export function countsAt(scale: number): Counts {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const communes = Math.max(1, Math.round(FULL_SCALE.communes * scale));
  const districts = Math.min(communes, Math.max(1, Math.round(FULL_SCALE.districts * scale)));
  const provinces = Math.min(districts, Math.max(1, Math.round(FULL_SCALE.provinces * scale)));
  const units2025 = Math.min(communes, Math.max(provinces, Math.round(FULL_SCALE.units2025 * scale)));
  return { provinces, districts, communes, units2025 };
}

/** Roughly the box Viet Nam spans (lon/lat); the shapes are a grid inside it, not the country. */
const BOX = { west: 102.2, south: 8.6, east: 109.4, north: 23.3 };

/**
 * Share of communes at each status or above, per year 2020…2025 (synthetic, shaped like the
 * programme's national progress, never to be read as it).
 */
const SHARE_AT_LEAST: Record<'basic' | 'standard' | 'advanced' | 'model', readonly number[]> = {
  basic: [0.7, 0.75, 0.8, 0.83, 0.86, 0.88],
  standard: [0.6, 0.66, 0.71, 0.74, 0.77, 0.8],
  advanced: [0.1, 0.14, 0.18, 0.22, 0.26, 0.3],
  model: [0.01, 0.02, 0.04, 0.05, 0.07, 0.09],
};

/** A FeatureCollection with foreign members saying it is synthetic. */
type SyntheticCollection<G extends Polygon | MultiPolygon> = FeatureCollection<G, NationalUnitProperties> & { synthetic: true; notice: string };

export interface NationalDataset {
  manifest: NationalManifest;
  communes: SyntheticCollection<Polygon>;
  districts: SyntheticCollection<Polygon | MultiPolygon>;
  provinces: SyntheticCollection<Polygon | MultiPolygon>;
  units2025: SyntheticCollection<Polygon | MultiPolygon>;
  statuses: NationalStatuses;
}

/** sfc32, seeded through splitmix32: a small, fast generator whose sequence is fixed by the seed. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32();
  let b = next32();
  let c = next32();
  let d = next32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** A value in [0, 1) fixed by integers (for lattice jitter: the same edge gets the same wiggle from both sides). */
function hashUnit(seed: number, ...ints: number[]): number {
  let h = seed >>> 0;
  for (const i of ints) {
    h = Math.imul(h ^ i, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
  }
  return (h >>> 0) / 4294967296;
}

interface Grid {
  cols: number;
  rows: number;
  count: number;
  neighbours(cell: number): number[];
}

function gridFor(count: number): Grid {
  const aspect = (BOX.east - BOX.west) / (BOX.north - BOX.south);
  const cols = Math.max(1, Math.round(Math.sqrt(count * aspect)));
  const rows = Math.ceil(count / cols);
  return {
    cols,
    rows,
    count,
    neighbours(cell) {
      const c = cell % cols;
      const out: number[] = [];
      if (c > 0) out.push(cell - 1);
      if (c < cols - 1 && cell + 1 < count) out.push(cell + 1);
      if (cell >= cols) out.push(cell - cols);
      if (cell + cols < count) out.push(cell + cols);
      return out;
    },
  };
}

/**
 * Grows `seeds.length` connected regions over `cells` (a connected set) from the seeds, taking a
 * random frontier cell each step: compact, irregular regions that cover every cell.
 */
function grow(grid: Grid, cells: readonly number[], seeds: readonly number[], rng: () => number): Map<number, number> {
  const allowed = new Set(cells);
  const region = new Map<number, number>();
  const frontier: [number, number][] = [];
  seeds.forEach((cell, r) => {
    region.set(cell, r);
  });
  for (const [cell, r] of region) for (const n of grid.neighbours(cell)) frontier.push([n, r]);
  while (frontier.length) {
    const i = Math.floor(rng() * frontier.length);
    const [cell, r] = frontier[i]!;
    frontier[i] = frontier[frontier.length - 1]!;
    frontier.pop();
    if (!allowed.has(cell) || region.has(cell)) continue;
    region.set(cell, r);
    for (const n of grid.neighbours(cell)) if (allowed.has(n) && !region.has(n)) frontier.push([n, r]);
  }
  if (region.size !== allowed.size) throw new Error('synthetic regions: a set of cells was not connected');
  return region;
}

/** `k` distinct elements of `items`, drawn by the generator. */
function sample<T>(items: readonly T[], k: number, rng: () => number): T[] {
  const copy = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}

/** Splits `total` over groups in proportion to their sizes (largest remainder), each at least 1 and at most its size. */
function apportion(total: number, sizes: readonly number[]): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  const exact = sizes.map((s) => (total * s) / sum);
  const out = exact.map((e, i) => Math.min(sizes[i]!, Math.max(1, Math.floor(e))));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let pass = 0; left !== 0 && pass < total + sizes.length; pass++) {
    for (const [, i] of order) {
      if (left > 0 && out[i]! < sizes[i]!) {
        out[i]!++;
        left--;
      } else if (left < 0 && out[i]! > 1) {
        out[i]!--;
        left++;
      }
      if (left === 0) break;
    }
  }
  if (left !== 0) throw new Error(`cannot split ${total} over groups of ${sizes.join(', ')}`);
  return out;
}

/** Lattice geometry: jittered corners, and edges that wiggle the same way whichever cell draws them. */
function lattice(grid: Grid, seed: number) {
  const w = (BOX.east - BOX.west) / grid.cols;
  const h = (BOX.north - BOX.south) / grid.rows;
  const stride = grid.cols + 1;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const corner = (v: number): Position => {
    const c = v % stride;
    const r = Math.floor(v / stride);
    const inner = c > 0 && c < grid.cols && r > 0 && r < grid.rows;
    const jx = inner ? (hashUnit(seed, v, 1) - 0.5) * 0.5 : 0;
    const jy = inner ? (hashUnit(seed, v, 2) - 0.5) * 0.5 : 0;
    return [BOX.west + (c + jx) * w, BOX.south + (r + jy) * h];
  };
  const WIGGLES = 5;
  /** The points from corner a to corner b, a excluded, b included. */
  const edge = (a: number, b: number): Position[] => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const p = corner(lo);
    const q = corner(hi);
    const dx = q[0]! - p[0]!;
    const dy = q[1]! - p[1]!;
    const pts: Position[] = [];
    for (let k = 1; k <= WIGGLES; k++) {
      const t = k / (WIGGLES + 1);
      const off = (hashUnit(seed, lo, hi, k) - 0.5) * 0.16;
      pts.push([round(p[0]! + dx * t - dy * off), round(p[1]! + dy * t + dx * off)]);
    }
    pts.push([round(q[0]!), round(q[1]!)]);
    if (a < b) return pts;
    const back = pts.slice(0, -1).reverse();
    back.push([round(p[0]!), round(p[1]!)]);
    return back;
  };
  /** Corners of a cell, counter-clockwise from its south-west one. */
  const corners = (cell: number) => {
    const c = cell % grid.cols;
    const r = Math.floor(cell / grid.cols);
    const sw = r * stride + c;
    return [sw, sw + 1, sw + 1 + stride, sw + stride];
  };
  return { stride, edge, corners, start: (v: number): Position => corner(v).map(round) };
}

type Lattice = ReturnType<typeof lattice>;

/** Signed area of a ring of corners (in lattice units): positive when counter-clockwise. */
function latticeArea(ring: readonly number[], stride: number): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    a += (p % stride) * Math.floor(q / stride) - (q % stride) * Math.floor(p / stride);
  }
  return a / 2;
}

function insideLattice(v: number, ring: readonly number[], stride: number): boolean {
  const x = (v % stride) + 0.5;
  const y = Math.floor(v / stride) + 0.5;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]! % stride;
    const yi = Math.floor(ring[i]! / stride);
    const xj = ring[j]! % stride;
    const yj = Math.floor(ring[j]! / stride);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The outline of a set of cells: the directed cell edges with no cell of the set across them,
 * chained into rings (turning left where two corners of the set meet), outer rings
 * counter-clockwise, holes clockwise, as in RFC 7946.
 */
function outline(cells: readonly number[], grid: Grid, lat: Lattice): Polygon | MultiPolygon {
  const inSet = new Set(cells);
  const out = new Map<number, number[]>();
  let edges = 0;
  for (const cell of cells) {
    const cs = lat.corners(cell);
    const c = cell % grid.cols;
    const across = [
      cell >= grid.cols ? cell - grid.cols : -1,
      c < grid.cols - 1 && cell + 1 < grid.count ? cell + 1 : -1,
      cell + grid.cols < grid.count ? cell + grid.cols : -1,
      c > 0 ? cell - 1 : -1,
    ];
    for (let s = 0; s < 4; s++) {
      if (across[s] !== -1 && inSet.has(across[s]!)) continue;
      const from = cs[s]!;
      const to = cs[(s + 1) % 4]!;
      if (!out.has(from)) out.set(from, []);
      out.get(from)!.push(to);
      edges++;
    }
  }
  const stride = lat.stride;
  const dir = (a: number, b: number) => [(b % stride) - (a % stride), Math.floor(b / stride) - Math.floor(a / stride)] as const;
  const rings: number[][] = [];
  while (edges > 0) {
    const [start] = [...out.entries()].find(([, tos]) => tos.length)!;
    const ring = [start];
    let prev = start;
    let at = out.get(start)!.pop()!;
    edges--;
    while (at !== start) {
      ring.push(at);
      const tos = out.get(at)!;
      let pick = 0;
      if (tos.length > 1) {
        const [ix, iy] = dir(prev, at);
        // Where two corners of the set meet, take the leftmost turn: left, then straight, then right.
        const score = (to: number) => {
          const [ox, oy] = dir(at, to);
          return ix * oy - iy * ox > 0 ? 2 : ix * ox + iy * oy > 0 ? 1 : 0;
        };
        pick = tos.reduce((best, to, i) => (score(to) > score(tos[best]!) ? i : best), 0);
      }
      prev = at;
      at = tos.splice(pick, 1)[0]!;
      edges--;
    }
    rings.push(ring);
  }
  const toPositions = (ring: number[]): Position[] => {
    const pts: Position[] = [lat.start(ring[0]!)];
    for (let i = 0; i < ring.length; i++) pts.push(...lat.edge(ring[i]!, ring[(i + 1) % ring.length]!));
    return pts;
  };
  const outers = rings.filter((r) => latticeArea(r, stride) > 0);
  const holes = rings.filter((r) => latticeArea(r, stride) < 0);
  const polygons = outers.map((o) => [o]);
  for (const hole of holes) {
    const owner = polygons.find((p) => insideLattice(hole[0]!, p[0]!, stride) || outers.length === 1) ?? polygons[0]!;
    owner.push(hole);
  }
  const coords = polygons.map((p) => p.map(toPositions));
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0]! } : { type: 'MultiPolygon', coordinates: coords };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The whole synthetic dataset for a seed and scale; the same arguments always give the same bytes. */
export function synthesize({ seed = 2025, scale = 1 }: { seed?: number; scale?: number } = {}): NationalDataset {
  const counts = countsAt(scale);
  const rng = random(seed);
  const grid = gridFor(counts.communes);
  const lat = lattice(grid, seed);
  const all = Array.from({ length: grid.count }, (_, i) => i);

  const provinceOf = grow(grid, all, sample(all, counts.provinces, rng), rng);
  const provinceCells = groupBy(all, (c) => provinceOf.get(c)!, counts.provinces);

  const districtsPer = apportion(
    counts.districts,
    provinceCells.map((cs) => cs.length),
  );
  const districtCells: number[][] = [];
  const districtProvince: number[] = [];
  provinceCells.forEach((cells, p) => {
    const sorted = [...cells].sort((a, b) => a - b);
    const local = grow(grid, sorted, sample(sorted, districtsPer[p]!, rng), rng);
    const groups = groupBy(sorted, (c) => local.get(c)!, districtsPer[p]!);
    for (const g of groups) {
      districtCells.push(g);
      districtProvince.push(p);
    }
  });

  const unitsPer = apportion(
    counts.units2025,
    provinceCells.map((cs) => cs.length),
  );
  const unitCells: number[][] = [];
  const unitProvince: number[] = [];
  provinceCells.forEach((cells, p) => {
    const sorted = [...cells].sort((a, b) => a - b);
    const local = grow(grid, sorted, sample(sorted, unitsPer[p]!, rng), rng);
    for (const g of groupBy(sorted, (c) => local.get(c)!, unitsPer[p]!)) {
      unitCells.push(g);
      unitProvince.push(p);
    }
  });

  const provinceCode = (p: number) => pad(p + 1, 2);
  const districtCode = (d: number) => pad(d + 1, 3);
  const communeCode = (c: number) => pad(c + 1, 5);
  const unitCode = (u: number) => pad(u + 1, 5);
  const districtOfCell = new Map<number, number>();
  districtCells.forEach((cells, d) => {
    for (const c of cells) districtOfCell.set(c, d);
  });
  const unitOfCell = new Map<number, number>();
  unitCells.forEach((cells, u) => {
    for (const c of cells) unitOfCell.set(c, u);
  });

  const props = (
    id: number,
    code: string,
    level: NationalUnitProperties['level'],
    name: string,
    extra: Partial<NationalUnitProperties>,
  ): NationalUnitProperties => ({
    id,
    code,
    name: `${name} ${code} (giả lập)`,
    level,
    provinceCode: null,
    districtCode: null,
    synthetic: true,
    ...extra,
  });
  const feature = <G extends Polygon | MultiPolygon>(geometry: G, properties: NationalUnitProperties): Feature<G, NationalUnitProperties> => ({
    type: 'Feature',
    id: properties.id,
    properties,
    geometry,
  });

  const provinces = provinceCells.map((cells, p) =>
    feature(outline(cells, grid, lat), props(p + 1, provinceCode(p), 'province', 'Tỉnh', { provinceCode: provinceCode(p) })),
  );
  const districts = districtCells.map((cells, d) =>
    feature(
      outline(cells, grid, lat),
      props(d + 1, districtCode(d), 'district', 'Huyện', { provinceCode: provinceCode(districtProvince[d]!), districtCode: districtCode(d) }),
    ),
  );
  const communes = all.map((cell) => {
    const d = districtOfCell.get(cell)!;
    return feature(
      outline([cell], grid, lat) as Polygon,
      props(cell + 1, communeCode(cell), 'commune', 'Xã', {
        provinceCode: provinceCode(districtProvince[d]!),
        districtCode: districtCode(d),
        unit2025Code: unitCode(unitOfCell.get(cell)!),
      }),
    );
  });
  const units2025 = unitCells.map((cells, u) =>
    feature(
      outline(cells, grid, lat),
      props(u + 1, unitCode(u), 'commune-2025', 'Xã mới', {
        provinceCode: provinceCode(unitProvince[u]!),
        formerCommunes: cells.length,
      }),
    ),
  );

  // NTM statuses: a commune's readiness (its province's and its own), ranked; the share at each
  // status in a year then decides, so statuses never go down.
  const provinceLift = Array.from({ length: counts.provinces }, () => rng());
  const readiness = all.map((cell) => 0.55 * provinceLift[provinceOf.get(cell)!]! + 0.45 * rng());
  const order = [...all].sort((a, b) => readiness[b]! - readiness[a]! || a - b);
  const place = new Array<number>(all.length);
  order.forEach((cell, i) => {
    place[cell] = i / all.length;
  });
  const communeRanks = all.map((cell) =>
    NATIONAL_YEARS.map((_, y) => {
      const q = place[cell]!;
      let rank = 0;
      (['basic', 'standard', 'advanced', 'model'] as const).forEach((s, i) => {
        if (q < SHARE_AT_LEAST[s][y]!) rank = i + 1;
      });
      return rank;
    }),
  );
  // A unit of 2025 is at the status all its former communes had reached.
  const unitRanks = unitCells.map((cells) => NATIONAL_YEARS.map((_, y) => Math.min(...cells.map((c) => communeRanks[c]![y]!))));

  const statuses: NationalStatuses = {
    synthetic: true,
    statuses: [...NTM_STATUSES],
    years: [...NATIONAL_YEARS],
    // 31 December of each year; 2025 ends on 30 June, the last day of the 2020–2025 units.
    asOf: NATIONAL_YEARS.map((y) => (y === 2025 ? '2025-06-30' : `${y}-12-31`)),
    ranks: {
      'national-communes-2020': Object.fromEntries(all.map((cell) => [String(cell + 1), communeRanks[cell]!.join('')])),
      'national-units-2025': Object.fromEntries(unitCells.map((_, u) => [String(u + 1), unitRanks[u]!.join('')])),
    },
  };
  const manifest: NationalManifest = {
    synthetic: true,
    notice: SYNTHETIC_NOTICE,
    seed,
    scale,
    counts,
    years: [...NATIONAL_YEARS],
    generator: 'scripts/national/generate.ts',
  };
  const fc = <G extends Polygon | MultiPolygon>(features: Feature<G, NationalUnitProperties>[]): SyntheticCollection<G> => ({
    type: 'FeatureCollection' as const,
    synthetic: true,
    notice: SYNTHETIC_NOTICE.en,
    features,
  });
  return { manifest, communes: fc(communes), districts: fc(districts), provinces: fc(provinces), units2025: fc(units2025), statuses };
}

function groupBy(cells: readonly number[], key: (cell: number) => number, n: number): number[][] {
  const groups = Array.from({ length: n }, () => [] as number[]);
  for (const c of cells) groups[key(c)]!.push(c);
  return groups;
}
