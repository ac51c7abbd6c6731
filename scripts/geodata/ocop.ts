import type { OcopGroup, ProducerType } from '../../server/domain/ocop.ts';
import { productCountsFrom } from '../../server/domain/ocop-as-of.ts';
import { cleanName, slugify } from '../../server/domain/text.ts';
import type { SourcedRow } from './inputs.ts';
import { type Gazetteer, resolveCommune, resolveDistrict } from './places.ts';
import type { Report } from './report.ts';
import { byConfidence, type SourceRegistry, withoutRepeatedRemarks } from './sources.ts';
import type { Citation, InferredField, OcopProduct, Producer, Rating } from '../../server/catalog/geodata.ts';

/**
 * Curation of `ocop_products.csv`. Rules:
 * - A cell may list several products ("Lạc đỏ Na Son; Bí xanh Tìa Dình"): the source backs each.
 * - A product is identified by its name, after dropping English glosses and spelling remarks in
 *   parentheses and applying PRODUCT_ALIASES; it appears once, with every source.
 * - Its producer is the one any source names (PRODUCER_ALIASES folds spellings); two different
 *   named producers make the product disputed.
 * - Ratings: equal stars with exact years less than 3 years apart are one certification whose
 *   year sources disagree on (a certificate lasts 36 months, so it cannot be a renewal): the
 *   earliest year is kept and the product marked disputed. Different stars in different years
 *   are an upgrade. The current rating is the latest one.
 * - Location: the producer's commune when a source states one, else the district. A place given
 *   only as the raw-material origin ("Tủa Chùa (raw material)") or inferred from the product's
 *   name is used but flagged inferred. No place → listed with no location.
 * - OCOP groups in the research were assigned from the product type, so they carry the flag too.
 */
export const PRODUCT_ALIASES: Record<string, string[]> = {
  'Gạo Séng cù': ['Gạo Tâm Sáng – Séng cù'],
  'Gạo Tám thơm': ['Gạo Tâm Sáng – Tám thơm'],
  'Khoai sọ tím': ['Khoai sọ tím Tủa Chùa'],
  'Bánh Khẩu xén': ['Bánh khẩu xén'],
  // A feature article on "the Sam Mứn honey" confirms both honey products of the cooperative.
  'Mật ong': ['Mật ong hoa ban', 'Mật ong bánh tổ'],
};

export const PRODUCER_ALIASES: Record<string, string> = {
  "HTX H'mông": "HTX H'Mông",
  'M\u2019Then Cooperative': "HTX M'Then",
  "M'Then Cooperative": "HTX M'Then",
  // The seed names the cooperative; the feature article names its members' baking group.
  'Tổ hợp tác / nhóm làm bánh xã Lay Nưa': 'HTX Lay Nưa',
};

/** The research file's producer types, in the API's words. */
export const PRODUCER_TYPE_CODES: Record<string, ProducerType> = { HTX: 'cooperative', company: 'company', household: 'household' };

interface Draft {
  name: string;
  producers: Map<string, Producer>;
  ratings: (Rating & { certainYear: number | null })[];
  groups: Set<OcopGroup>;
  groupInferred: boolean;
  communes: { code: string; inferred: boolean }[];
  districts: { code: string; inferred: boolean }[];
  expiryYear: number | null;
  caveats: Set<string>;
  citations: Citation[];
}

interface Context {
  gazetteer: Gazetteer;
  sources: SourceRegistry;
  report: Report;
}

const FILE = 'ocop_products.csv';

export function curateOcop(rows: (SourcedRow & { line: number })[], ctx: Context): { products: OcopProduct[]; producers: Producer[] } {
  const drafts = new Map<string, Draft>();
  for (const row of rows) {
    const where = `${FILE}:${row.line}`;
    const citation = ctx.sources.cite(row, FILE);
    for (const name of productNames(row.product)) {
      const key = name.toLowerCase();
      const draft: Draft = drafts.get(key) ?? {
        name,
        producers: new Map(),
        ratings: [],
        groups: new Set(),
        groupInferred: false,
        communes: [],
        districts: [],
        expiryYear: null,
        caveats: new Set(),
        citations: [],
      };
      drafts.set(key, draft);
      absorbRow(draft, row, citation, ctx, where);
    }
  }
  const producers = new Map<string, Producer>();
  const products = [...drafts.values()].map((d) => finish(d, producers, ctx));
  return {
    products: products.sort((a, b) => a.id.localeCompare(b.id)),
    producers: [...producers.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The canonical product names one cell stands for. */
export function productNames(cell: string): string[] {
  return cell.split(';').flatMap((part) => {
    const bare = cleanName(part.replace(/\([^)]*\)/g, ' '));
    return PRODUCT_ALIASES[bare] ?? [bare];
  });
}

export function producerOf(cell: string, typeCell: string): Producer | null {
  if (cell === '' || cell.startsWith('(producer not named')) return null;
  const bare = cleanName(cell.replace(/\([^)]*\)/g, ' '));
  const name = PRODUCER_ALIASES[bare] ?? bare;
  const type = PRODUCER_TYPE_CODES[typeCell] ?? null;
  return { id: slugify(name), name, type };
}

/** "4" → 4; "3 (9 of these 10 …)" → 3; "3+" (at least three) and "" → null. */
export function parseStars(text: string): 3 | 4 | 5 | null {
  const m = /^([345])(?![+\d])/.exec(text.trim());
  return m ? (Number(m[1]) as 3 | 4 | 5) : null;
}

/** "2019" → exact; "2019-2020" → latest 2020; "<=2024" → latest 2024; "" → unknown. */
export function parseCertYear(text: string): { exact: number | null; latest: number | null } {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { exact: Number(t), latest: Number(t) };
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(t);
  if (range) return { exact: null, latest: Number(range[2]) };
  const upTo = /^(?:<=|≤)\s*(\d{4})$/.exec(t);
  if (upTo) return { exact: null, latest: Number(upTo[1]) };
  return { exact: null, latest: null };
}

export function parseGroup(text: string): OcopGroup | null {
  const m = /^(VI|V|IV|III|II|I)\b/.exec(text.trim());
  return m ? (m[1] as OcopGroup) : null;
}

const STARS_INFERRED = /stars inferred|stars not in this source|stars per seed rule/i;
const GROUP_ASSIGNED = /\[group assigned by researcher/i;
const PLACE_FROM_NAME = /inferred from product name/i;
const RAW_MATERIAL = /\(raw material\)/i;

function absorbRow(d: Draft, row: SourcedRow, citation: Citation, ctx: Context, where: string) {
  d.citations.push(withoutRepeatedRemarks(citation, d.citations));
  const producer = producerOf(row.producer, row.producer_type);
  if (producer) d.producers.set(producer.id, producer);

  const stars = parseStars(row.stars);
  const year = parseCertYear(row.year);
  if (row.year !== '' && year.latest === null) throw new Error(`${where}: certification year "${row.year}" is not understood`);
  if (stars) {
    d.ratings.push({
      stars,
      year: year.exact,
      certainYear: year.exact,
      yearText: year.exact === null && row.year !== '' ? row.year : null,
      inferred: STARS_INFERRED.test(row.note),
      sourceIds: [citation.sourceId],
    });
  }
  if (/\(9 of these 10/.test(row.stars)) {
    d.caveats.add('The 2021 provincial council certified 9 of the 10 products it reviewed; which one failed is not stated.');
  }

  const group = parseGroup(row.group);
  if (row.group !== '' && !group) throw new Error(`${where}: OCOP group "${row.group}" is not I–VI`);
  if (group) d.groups.add(group);
  if (GROUP_ASSIGNED.test(row.note)) d.groupInferred = true;

  const fromName = PLACE_FROM_NAME.test(row.note);
  const district = row.district ? resolveDistrict(ctx.gazetteer, row.district) : null;
  if (row.district && !district) ctx.report.unresolved(where, `district "${row.district}" of ${d.name}`);
  if (district) d.districts.push({ code: district.properties.code, inferred: fromName || RAW_MATERIAL.test(row.district) });
  if (row.commune) {
    const commune = resolveCommune(ctx.gazetteer, row.commune, district ? [district.properties.code] : []);
    if (!commune) ctx.report.unresolved(where, `commune "${row.commune}" of ${d.name}`);
    else d.communes.push({ code: commune.properties.code, inferred: fromName || RAW_MATERIAL.test(row.commune) });
  }

  const expired = /expired (\d{4})/.exec(row.note);
  if (expired) {
    d.expiryYear = Number(expired[1]);
    if (/not renewed/.test(row.note)) d.caveats.add(`Certificate expired in ${expired[1]} and was not renewed.`);
  }
}

function finish(d: Draft, producers: Map<string, Producer>, ctx: Context): OcopProduct {
  const id = slugify(d.name);
  const caveats = [...d.caveats];
  let disputed = false;

  const named = [...d.producers.values()];
  if (named.length > 1) {
    disputed = true;
    caveats.push(`Sources name different producers: ${named.map((p) => p.name).join('; ')}.`);
    ctx.report.add('ocop', `${id}: producers disagree (${named.map((p) => p.name).join('; ')})`);
  }
  const producer = named[0] ?? null;
  if (producer) producers.set(producer.id, { ...producer, type: producer.type ?? producers.get(producer.id)?.type ?? null });

  const ratings = mergeRatings(d.ratings);
  const exactYears = ratings.map((r) => r.year).filter((y): y is number => y !== null);
  const yearConflict = d.ratings.some((a) =>
    d.ratings.some((b) => a.stars === b.stars && a.certainYear !== null && b.certainYear !== null && a.certainYear !== b.certainYear),
  );
  if (yearConflict) {
    disputed = true;
    const years = [...new Set(d.ratings.map((r) => r.certainYear).filter((y) => y !== null))].sort();
    caveats.push(`Sources disagree on the certification year (${years.join(' vs ')}); the earliest is shown.`);
  }
  const current = [...ratings].sort((a, b) => latestOf(b) - latestOf(a) || Number(a.inferred) - Number(b.inferred))[0] ?? null;
  const certifiedByYears = d.ratings.map((r) => r.year ?? parseCertYear(r.yearText ?? '').latest).filter((y): y is number => y !== null);

  const certifiedBy = certifiedByYears.length ? Math.min(...certifiedByYears) : null;
  const groups = [...d.groups];
  if (groups.length > 1) ctx.report.add('ocop', `${id}: sources give groups ${groups.join(', ')}`);

  const stated = <T extends { inferred: boolean }>(xs: T[]) => xs.find((x) => !x.inferred) ?? xs[0] ?? null;
  const commune = stated(d.communes);
  const district = commune ? null : stated(d.districts);
  const communeUnit = commune ? ctx.gazetteer.communes.find((c) => c.properties.code === commune.code)! : null;
  const inferred: InferredField[] = [];
  if (current?.inferred) inferred.push('stars');
  if (d.groupInferred && groups.length) inferred.push('group');
  if ((commune ?? district)?.inferred) inferred.push('location');

  return {
    id,
    name: d.name,
    producerId: producer?.id ?? null,
    stars: current?.stars ?? null,
    year: exactYears.length ? Math.min(...exactYears) : null,
    certifiedBy,
    countsFrom: productCountsFrom(certifiedBy, earliestSource(d.citations, ctx.sources)),
    yearText: exactYears.length ? null : (ratings.find((r) => r.yearText)?.yearText ?? null),
    ratings,
    group: groups[0] ?? null,
    communeCode: commune?.code ?? null,
    districtCode: communeUnit?.properties.districtCode ?? district?.code ?? null,
    location: commune ? 'commune' : district ? 'district' : null,
    inferred,
    expiryYear: d.expiryYear,
    disputed,
    caveats,
    citations: d.citations.sort(byConfidence),
  };
}

function earliestSource(citations: Citation[], sources: SourceRegistry): string | null {
  return (
    citations
      .map((c) => sources.byId(c.sourceId).dateStart)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null
  );
}

function latestOf(r: Rating): number {
  return r.year ?? parseCertYear(r.yearText ?? '').latest ?? 0;
}

/** One rating per certification: same stars within 3 years collapse into the earliest. */
function mergeRatings(raw: Draft['ratings']): Rating[] {
  const sorted = [...raw].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  const out: Rating[] = [];
  for (const r of sorted) {
    const same = out.find((o) => o.stars === r.stars && (o.year === null || r.year === null || Math.abs(o.year - r.year) < 3));
    if (same) {
      same.sourceIds = [...new Set([...same.sourceIds, ...r.sourceIds])];
      same.inferred = same.inferred && r.inferred;
      same.year ??= r.year;
      if (same.year !== null) same.yearText = null;
      else same.yearText ??= r.yearText;
    } else {
      out.push({ stars: r.stars, year: r.year, yearText: r.yearText, inferred: r.inferred, sourceIds: [...r.sourceIds] });
    }
  }
  return out;
}
