import type { ZoneExtent } from '../../server/domain/crops.ts';
import { cleanName } from '../../server/domain/text.ts';
import { dissolve } from '../../server/geo/dissolve.ts';
import type { SourcedRow } from './inputs.ts';
import { type Gazetteer, resolveCommune, resolveCommune2025, resolveDistrict, stripRemarks } from './places.ts';
import type { Report } from './report.ts';
import { byConfidence, type SourceRegistry } from './sources.ts';
import { ZONE_CATALOG, type ZoneDefinition } from './zone-catalog.ts';
import type { Confidence, OcopProduct, Zone, ZoneFact } from '../../server/catalog/geodata.ts';

interface Context {
  gazetteer: Gazetteer;
  sources: SourceRegistry;
  report: Report;
  products: OcopProduct[];
}

const FILE = 'material_zones.csv';

export function curateZones(rows: (SourcedRow & { line: number })[], ctx: Context): Zone[] {
  const members = new Map<ZoneDefinition, (SourcedRow & { line: number })[]>();
  for (const row of rows) {
    const matches = ZONE_CATALOG.filter((z) => z.rows(row));
    if (matches.length !== 1) {
      throw new Error(`${FILE}:${row.line} ("${row.product_or_crop}") matches ${matches.length} zones of the catalog, expected exactly 1`);
    }
    members.set(matches[0], [...(members.get(matches[0]) ?? []), row]);
  }
  return ZONE_CATALOG.map((def) => {
    const zoneRows = members.get(def);
    if (!zoneRows) throw new Error(`zone ${def.id} matches no row of ${FILE}`);
    return buildZone(def, zoneRows, ctx);
  });
}

function buildZone(def: ZoneDefinition, rows: (SourcedRow & { line: number })[], ctx: Context): Zone {
  const communes = new Set<string>();
  const districts = new Set<string>();
  const facts: ZoneFact[] = [];
  for (const row of rows) {
    const where = `${FILE}:${row.line}`;
    const places = rowPlaces(row, ctx.gazetteer);
    for (const c of places.communes) communes.add(c);
    for (const d of places.districts) districts.add(d);
    for (const text of places.unresolved) ctx.report.unresolved(where, `place "${text}" of zone ${def.id}`);
    const area = parseArea(row.area_ha);
    facts.push({
      areaHa: area?.ha ?? null,
      areaText: row.area_ha ? cleanName(row.area_ha) : null,
      year: row.year ? cleanName(row.year) : null,
      placeText: cleanName([row.communes, row.district].filter(Boolean).join(' — ')),
      citation: ctx.sources.cite(row, FILE),
    });
  }

  const communeUnits = ctx.gazetteer.communes.filter((c) => communes.has(c.properties.code));
  const extent: ZoneExtent = communeUnits.length ? 'communes' : 'district';
  const shapeUnits = communeUnits.length ? communeUnits : ctx.gazetteer.districts.filter((d) => districts.has(d.properties.code));
  if (!shapeUnits.length) throw new Error(`zone ${def.id}: no row names a commune or district, so it has no place`);
  const memberCommunes = communeUnits.length ? communeUnits : ctx.gazetteer.communes.filter((c) => districts.has(c.properties.districtCode ?? ''));

  const headline = pickHeadline(facts);
  const productLinks = def.products.map((p) => {
    const product = ctx.products.find((x) => x.name === p.name);
    if (!product) throw new Error(`zone ${def.id} links unknown OCOP product "${p.name}"`);
    return { id: product.id, confirmed: p.confirmed };
  });

  return {
    id: def.id,
    name: def.name,
    crop: def.crop,
    areaHa: headline?.areaHa ?? null,
    areaApprox: headline ? (parseArea(headline.areaText ?? '')?.approx ?? false) : false,
    areaText: headline?.areaText ?? null,
    year: headline?.year ?? null,
    communeCodes: memberCommunes.map((c) => c.properties.code).sort(),
    districtCodes: [...new Set(memberCommunes.map((c) => c.properties.districtCode!))].sort(),
    extent,
    productLinks,
    facts: facts.sort((a, b) => byConfidence(a.citation, b.citation)),
    geometry: dissolve(shapeUnits.map((u) => u.geometry)),
  };
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

function pickHeadline(facts: ZoneFact[]): ZoneFact | null {
  const withArea = facts.filter((f) => f.areaHa !== null);
  return (
    [...withArea].sort((a, b) => factYear(b.year) - factYear(a.year) || CONFIDENCE_RANK[a.citation.confidence] - CONFIDENCE_RANK[b.citation.confidence])[0] ??
    null
  );
}

/** The latest year a fact's year text names ("2017 -> 2020s" → 2020, "1990-2015" → 2015); 0 if none. */
export function factYear(text: string | null): number {
  const years = [...(text ?? '').matchAll(/\d{4}/g)].map((m) => Number(m[0]));
  return years.length ? Math.max(...years) : 0;
}

/**
 * The hectare figure of an area cell. The last figure of a change ("31 -> 150" → 150), the
 * planted figure of a plan ("planned ~12,660; planted ~370" → 370), else the first figure.
 * "~", ">" or "planned" make it approximate.
 */
export function parseArea(text: string): { ha: number; approx: boolean } | null {
  const t = text.trim();
  if (!t) return null;
  const pick = /->|→/.test(t) ? t.split(/->|→/).pop()! : /planted/.test(t) ? t.slice(t.indexOf('planted')) : t;
  const m = /([~<>]?)\s*(\d[\d,]*(?:\.\d+)?)/.exec(pick);
  if (!m) return null;
  return { ha: Number(m[2].replace(/,/g, '')), approx: m[1] !== '' || /planned|~|>/.test(pick.slice(0, m.index + m[0].length)) };
}

/** Communes and districts a row names; descriptive text ("lòng chảo …") is reported, not guessed. */
export function rowPlaces(row: SourcedRow, g: Gazetteer): { communes: string[]; districts: string[]; unresolved: string[] } {
  const out = { communes: [] as string[], districts: [] as string[], unresolved: [] as string[] };
  const districtItems = splitList(row.district).filter((d) => !/^\((province|2025 new commune)\)$/.test(d));
  for (const d of districtItems) {
    const unit = resolveDistrict(g, d);
    if (unit) out.districts.push(unit.properties.code);
    else out.unresolved.push(d);
  }
  const provinceRow = /^\(province\)$/.test(row.district);
  const newUnits = row.district === '(2025 new commune)' || /\(2025 communes\)/.test(row.communes);
  const cell = row.communes.trim();
  if (cell === '' || cell.startsWith('(')) return out;
  if (/^lòng chảo/.test(cell)) {
    out.unresolved.push(cell);
    return out;
  }
  for (const item of splitList(cell)) {
    const name = stripRemarks(item).replace(/ area$/, '');
    if (newUnits) {
      const unit = resolveCommune2025(g, name);
      if (unit) out.communes.push(...(unit.properties.formerCodes ?? []));
      else out.unresolved.push(item);
      continue;
    }
    const asDistrict = provinceRow ? resolveDistrict(g, name) : null;
    const commune = asDistrict ? null : resolveCommune(g, name, out.districts);
    if (asDistrict) out.districts.push(asDistrict.properties.code);
    else if (commune) out.communes.push(commune.properties.code);
    else out.unresolved.push(item);
  }
  return out;
}

/** Splits "a; b (x; y); c" on semicolons outside parentheses. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ';' && depth === 0) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}
