import type { Feature } from 'geojson';
import { cleanName } from '../../server/domain/text.ts';
import { dissolve } from '../../server/geo/dissolve.ts';
import { areaKm2, labelPoint } from '../../server/geo/measure.ts';
import { roundGeometry } from '../../server/geo/round.ts';
import type { RawInputs } from './inputs.ts';
import { COMMUNES_PER_DISTRICT_2020, EXPECTED_COUNTS as N, PROVINCE, TA_LENG, THANH_MINH } from './province.ts';
import type { Areal, CrosswalkRow, UnitFeature } from '../../server/catalog/geodata.ts';
import type { UnitSet } from '../../server/domain/unit-sets.ts';

/**
 * The three unit sets and the crosswalks between them, built from the raw
 * boundaries and checked against the official counts. Any mismatch throws:
 * a wrong unit list must never reach the database.
 */
export interface UnitSets {
  districts2019: UnitFeature[];
  communes2019: UnitFeature[];
  districts2020: UnitFeature[];
  communes2020: UnitFeature[];
  communes2025: UnitFeature[];
  crosswalk: CrosswalkRow[];
  /** Sources of the 2025 composition, per new unit. */
  merger2025Sources: { code: string; title: string; ref: string; confidence: string }[];
}

const VALIDITY = PROVINCE.unitSets;
const DISTRICT_CODES_2020 = Object.keys(COMMUNES_PER_DISTRICT_2020).sort();

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`geodata check failed: ${message}`);
}

export function buildUnitSets(raw: RawInputs): UnitSets {
  const districtRows = raw.adminCodes.filter((r) => r.level === 'district');
  check(
    districtRows.map((r) => r.code).join() === DISTRICT_CODES_2020.join(),
    `admin-codes.csv districts ${districtRows.map((r) => r.code).join(', ')} differ from ${DISTRICT_CODES_2020.join(', ')}`,
  );
  const districtInfo = new Map(districtRows.map((r) => [r.code, { name: cleanName(r.name), type: r.type, fullName: cleanName(r.full_name) }]));

  const communes2019 = raw.communes2019.features.map((f) => communeFeature(f, '2019'));
  const communes2020 = raw.communes2020.features.map((f) => communeFeature(f, '2020'));
  checkCommunes(communes2019, N.communes2019, '2019');
  checkCommunes(communes2020, N.communes2020, '2020');
  for (const [district, n] of Object.entries(COMMUNES_PER_DISTRICT_2020)) {
    const found = communes2020.filter((c) => c.properties.districtCode === district).length;
    check(found === n, `district ${district} has ${found} communes in the 2020 set, expected ${n}`);
  }
  checkAgainstCodeLists(raw, communes2019, communes2020);

  const districts2019 = dissolveDistricts(communes2019, districtInfo, '2019');
  const districts2020 = dissolveDistricts(communes2020, districtInfo, '2020');
  checkAgainstRawDistricts(raw, districts2020);

  const { communes2025, crosswalk2025, sources } = buildMerged2025(raw, communes2020);
  const crosswalk2019 = communes2019.map((c) => ({
    fromSet: '2019' as const,
    fromCode: c.properties.code,
    toSet: '2020' as const,
    // The 2020 change retired only Tà Lèng's code, into Thanh Minh.
    toCode: c.properties.code === TA_LENG ? THANH_MINH : c.properties.code,
  }));
  for (const row of crosswalk2019) {
    check(
      communes2020.some((c) => c.properties.code === row.toCode),
      `2019 commune ${row.fromCode} maps to unknown ${row.toCode}`,
    );
  }

  return {
    districts2019,
    communes2019,
    districts2020,
    communes2020,
    communes2025,
    crosswalk: [...crosswalk2019, ...crosswalk2025],
    merger2025Sources: sources,
  };
}

function communeFeature(f: Feature<Areal, Record<string, unknown>>, unitSet: UnitSet): UnitFeature {
  const p = f.properties;
  const geometry = roundGeometry(f.geometry);
  return {
    type: 'Feature',
    properties: {
      code: String(p.code),
      name: cleanName(String(p.name)),
      type: String(p.type),
      fullName: cleanName(String(p.full_name)),
      level: 'commune',
      unitSet,
      districtCode: String(p.district_code),
      validFrom: VALIDITY[unitSet].from,
      validTo: p.code === TA_LENG ? VALIDITY['2019'].to : VALIDITY[unitSet].to,
      areaKm2: areaKm2(geometry),
      labelPoint: labelPoint(geometry),
    },
    geometry,
  };
}

function checkCommunes(communes: UnitFeature[], expected: number, unitSet: UnitSet) {
  check(communes.length === expected, `${unitSet} set has ${communes.length} communes, expected ${expected}`);
  const codes = new Set(communes.map((c) => c.properties.code));
  check(codes.size === expected, `${unitSet} set has duplicate commune codes`);
  for (const c of communes) {
    check(/^\d{5}$/.test(c.properties.code), `${unitSet} commune code ${c.properties.code} is not 5 digits`);
    check(DISTRICT_CODES_2020.includes(c.properties.districtCode ?? ''), `${unitSet} commune ${c.properties.code} has district ${c.properties.districtCode}`);
    check(['Xã', 'Phường', 'Thị trấn'].includes(c.properties.type), `${unitSet} commune ${c.properties.code} has type ${c.properties.type}`);
  }
}

function checkAgainstCodeLists(raw: RawInputs, communes2019: UnitFeature[], communes2020: UnitFeature[]) {
  const official = raw.adminCodes.filter((r) => r.level === 'commune');
  const current = official.filter((r) => r.valid_to === '');
  check(current.length === N.communes2020, `admin-codes.csv lists ${current.length} current communes, expected ${N.communes2020}`);
  for (const r of current) {
    const c = communes2020.find((f) => f.properties.code === r.code);
    check(c, `admin-codes.csv commune ${r.code} ${r.name} is missing from the 2020 boundaries`);
    check(c.properties.name === cleanName(r.name) && c.properties.districtCode === r.parent_code, `2020 commune ${r.code} differs from admin-codes.csv`);
  }
  for (const r of official) {
    const c = communes2019.find((f) => f.properties.code === r.code);
    check(c, `admin-codes.csv commune ${r.code} is missing from the 2019 boundaries`);
    check(c.properties.districtCode === (r.district_code_2019 || r.parent_code), `2019 commune ${r.code} has district ${c.properties.districtCode}`);
  }
  check(raw.researchAdminCodes.length === N.communes2020, `research admin codes list has ${raw.researchAdminCodes.length} rows, expected ${N.communes2020}`);
  for (const r of raw.researchAdminCodes) {
    const c = communes2020.find((f) => f.properties.code === r.commune_code);
    check(c && c.properties.districtCode === r.district_code, `research admin code ${r.commune_code} (${r.commune}) disagrees with the boundaries`);
  }
}

function dissolveDistricts(communes: UnitFeature[], info: Map<string, { name: string; type: string; fullName: string }>, unitSet: UnitSet): UnitFeature[] {
  return [...info.keys()].sort().map((code) => {
    const members = communes.filter((c) => c.properties.districtCode === code);
    check(members.length > 0, `district ${code} has no communes in the ${unitSet} set`);
    const geometry = dissolve(members.map((m) => m.geometry));
    const d = info.get(code)!;
    return {
      type: 'Feature',
      properties: {
        code,
        ...d,
        level: 'district',
        unitSet,
        districtCode: null,
        validFrom: VALIDITY[unitSet].from,
        validTo: VALIDITY[unitSet].to,
        areaKm2: areaKm2(geometry),
        labelPoint: labelPoint(geometry),
      },
      geometry,
    };
  });
}

function checkAgainstRawDistricts(raw: RawInputs, districts2020: UnitFeature[]) {
  for (const d of districts2020) {
    const rawDistrict = raw.districts2020.features.find((f) => f.properties.district_code === d.properties.code);
    check(rawDistrict, `district ${d.properties.code} missing from districts.geojson`);
    const rawArea = Number(rawDistrict.properties.area_km2);
    check(
      Math.abs(d.properties.areaKm2 - rawArea) / rawArea < 0.01,
      `district ${d.properties.code} dissolves to ${d.properties.areaKm2} km², districts.geojson says ${rawArea}`,
    );
  }
}

function buildMerged2025(raw: RawInputs, communes2020: UnitFeature[]) {
  const byCode = new Map(communes2020.map((c) => [c.properties.code, c]));
  const seen = new Map<string, string>();
  const communes2025: UnitFeature[] = [];
  const crosswalk2025: CrosswalkRow[] = [];
  const sources: UnitSets['merger2025Sources'] = [];
  for (const row of raw.merger2025) {
    const code = row.new_code;
    check(/^\d{5}$/.test(code), `merger-2025.csv line ${row.line}: new code ${code} is not 5 digits`);
    check(['Xã', 'Phường'].includes(row.new_type), `merger-2025.csv line ${row.line}: type ${row.new_type}`);
    const formerCodes = row.old_codes.split(';');
    for (const old of formerCodes) {
      check(byCode.has(old), `merger-2025.csv line ${row.line}: old code ${old} is not a 2020 commune`);
      check(!seen.has(old), `old commune ${old} is in both ${seen.get(old)} and ${code}`);
      seen.set(old, code);
      crosswalk2025.push({ fromSet: '2020', fromCode: old, toSet: '2025', toCode: code });
    }
    const geometry = dissolve(formerCodes.map((c) => byCode.get(c)!.geometry));
    const name = cleanName(row.new_name);
    communes2025.push({
      type: 'Feature',
      properties: {
        code,
        name,
        type: row.new_type,
        fullName: `${row.new_type} ${name}`,
        level: 'commune',
        unitSet: '2025',
        districtCode: null,
        validFrom: VALIDITY['2025'].from,
        validTo: VALIDITY['2025'].to,
        areaKm2: areaKm2(geometry),
        labelPoint: labelPoint(geometry),
        formerCodes,
      },
      geometry,
    });
    sources.push({ code, title: row.source_title, ref: row.source_ref, confidence: row.confidence });
  }
  check(communes2025.length === N.units2025, `2025 set has ${communes2025.length} units, expected ${N.units2025}`);
  check(new Set(communes2025.map((c) => c.properties.code)).size === N.units2025, '2025 set has duplicate codes');
  const types = communes2025.map((c) => c.properties.type);
  check(
    types.filter((t) => t === 'Xã').length === N.xa2025 && types.filter((t) => t === 'Phường').length === N.phuong2025,
    `2025 set must have ${N.xa2025} xã and ${N.phuong2025} phường`,
  );
  check(seen.size === N.communes2020, `2025 crosswalk covers ${seen.size} old communes, expected all ${N.communes2020}`);
  return { communes2025, crosswalk2025, sources };
}
