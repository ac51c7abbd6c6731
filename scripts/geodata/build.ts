import { simplify } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { roundGeometry } from '../../server/geo/round.ts';
import type { RawInputs } from './inputs.ts';
import { curateNtm } from './ntm.ts';
import { curateOcop } from './ocop.ts';
import type { Gazetteer } from './places.ts';
import { Report } from './report.ts';
import { SourceRegistry } from './sources.ts';
import { curateTargets } from './targets.ts';
import { buildUnitSets, check } from './units.ts';
import { PROVINCE } from './province.ts';
import { curateZones } from './zones.ts';

/**
 * Base layers are drawn, never measured, and every first visit loads them. The neighbouring
 * countries are background: simplified to 0.0005° (about 50 m, under a pixel up to zoom 11).
 * The province's outline to 0.00005° (about 5 m, under a pixel at the map's closest zoom, 14).
 * The units keep their full detail: areas, imports and downloads are computed from them.
 */
const COUNTRIES_TOLERANCE = 0.0005;
const PROVINCE_OUTLINE_TOLERANCE = 0.00005;

/** Every output file of the pipeline, by path under geodata/, as text. */
export function buildGeodata(raw: RawInputs): Record<string, string> {
  const units = buildUnitSets(raw);
  const gazetteer: Gazetteer = {
    districts: units.districts2020,
    communes: units.communes2020,
    communes2019: units.communes2019,
    communes2025: units.communes2025,
  };
  const report = new Report();
  const sources = new SourceRegistry();
  const ntm = curateNtm(raw.ntm, { gazetteer, crosswalk: units.crosswalk, sources, report });
  const ocop = curateOcop(raw.ocop, { gazetteer, sources, report });
  const zones = curateZones(raw.zones, { gazetteer, sources, report, products: ocop.products });
  const targets = curateTargets(raw.targets, sources);

  const pointOf = (level: 'commune' | 'district', code: string) =>
    (level === 'commune' ? units.communes2020 : units.districts2020).find((u) => u.properties.code === code)!.properties.labelPoint;
  const productFeatures = ocop.products.map((p) => {
    const { id, ...properties } = p;
    const coordinates = p.location === 'commune' ? pointOf('commune', p.communeCode!) : p.location === 'district' ? pointOf('district', p.districtCode!) : null;
    return { type: 'Feature' as const, id, properties: { id, ...properties }, geometry: coordinates ? { type: 'Point' as const, coordinates } : null };
  });
  const zoneFeatures = zones.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, id: properties.id, properties, geometry }));

  check(ntm.recognitions.length > 0 && ocop.products.length > 0 && zones.length > 0, 'curation produced no facts');
  return {
    'province.json': `${JSON.stringify(PROVINCE, null, 2)}\n`,
    'units/districts-2019.geojson': featureCollection(units.districts2019),
    'units/communes-2019.geojson': featureCollection(units.communes2019),
    'units/districts-2020.geojson': featureCollection(units.districts2020),
    'units/communes-2020.geojson': featureCollection(units.communes2020),
    'units/communes-2025.geojson': featureCollection(units.communes2025),
    'units/crosswalk.json': jsonLines(units.crosswalk),
    'units/merger-2025-sources.json': jsonLines(units.merger2025Sources),
    'base/province.geojson': featureCollection(simplified(raw.province.features, PROVINCE_OUTLINE_TOLERANCE)),
    'base/context-countries.geojson': featureCollection(simplified(raw.contextCountries.features, COUNTRIES_TOLERANCE)),
    'facts/sources.json': jsonLines(sources.sources),
    'facts/ntm-recognitions.json': jsonLines(ntm.recognitions),
    'facts/ntm-facts.json': jsonLines(ntm.facts),
    'facts/ocop-producers.json': jsonLines(ocop.producers),
    'facts/ocop-products.geojson': featureCollection(productFeatures),
    'facts/zones.geojson': featureCollection(zoneFeatures),
    'facts/targets.json': jsonLines(targets),
    'build-report.json': `${JSON.stringify(
      {
        counts: {
          communes2019: units.communes2019.length,
          communes2020: units.communes2020.length,
          communes2025: units.communes2025.length,
          sources: sources.sources.length,
          ntmRecognitions: ntm.recognitions.length,
          ntmFacts: ntm.facts.length,
          ocopProducts: ocop.products.length,
          ocopProducers: ocop.producers.length,
          zones: zones.length,
          targets: targets.length,
        },
        unresolved: report.unresolvedRows,
        notes: report.notes,
      },
      null,
      2,
    )}\n`,
  };
}

function simplified<F extends Feature<Geometry>>(features: F[], tolerance: number): F[] {
  return features.map((f) => ({ ...f, geometry: roundGeometry(simplify(f.geometry, { tolerance, highQuality: true })) }));
}

/** One feature per line: small diffs when one unit or fact changes. */
function featureCollection(features: Feature<Geometry | null, unknown>[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function jsonLines(items: unknown[]): string {
  return `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
}
