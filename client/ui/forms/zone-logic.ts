import type { MultiPolygon, Polygon } from 'geojson';
import type { ZoneProperties } from '../../../server/catalog/properties.ts';
import { areaMismatchWarning } from '../../../server/domain/zone-area.ts';
import { areaHa } from '../../../server/geo/measure.ts';
import type { Text } from '../../../server/messages/text.ts';
import { retractionInput, zoneInput } from '../../../server/catalog/writes.ts';
import type { Lang } from '../../lib/label.ts';
import { emptySource, type SourceDraft, sourceBody } from './source-logic.ts';
import { needingReason, numberOrNull, textOrNull, validate } from './validate.ts';

/** How the zone's shape is given: drawn on the map, uploaded as GeoJSON, or the extent of named communes. */
export type ShapeKind = 'draw' | 'upload' | 'communes';

/** The zone form as typed. */
export interface ZoneDraft {
  name: string;
  crop: string;
  areaHa: string;
  year: string;
  productIds: string[];
  shapeKind: ShapeKind;
  geometry: Polygon | MultiPolygon | null;
  communeCodes: string[];
  reason: string;
  source: SourceDraft;
}

/** A new zone (on a commune, when opened from its card), or one filled from an existing zone. */
export function zoneDraft(from?: { properties: ZoneProperties; geometry: Polygon | MultiPolygon }, communeCode?: string): ZoneDraft {
  if (!from) {
    return {
      name: '',
      crop: 'tea',
      areaHa: '',
      year: '',
      productIds: [],
      shapeKind: communeCode ? 'communes' : 'draw',
      geometry: null,
      communeCodes: communeCode ? [communeCode] : [],
      reason: '',
      source: emptySource(),
    };
  }
  const z = from.properties;
  const surveyed = z.extent === 'surveyed';
  return {
    name: z.name,
    crop: z.crop,
    areaHa: z.areaHa !== null ? String(z.areaHa) : '',
    year: z.year ?? '',
    productIds: z.productLinks.map((l) => l.id),
    shapeKind: surveyed ? 'draw' : 'communes',
    geometry: surveyed ? from.geometry : null,
    communeCodes: surveyed ? [] : [...z.communeCodes],
    reason: '',
    source: emptySource(),
  };
}

/** The body of POST/PUT /api/edits/zones: a shape, or the communes whose extent it is. */
export function zoneBody(d: ZoneDraft) {
  const byCommunes = d.shapeKind === 'communes';
  return {
    name: d.name,
    crop: d.crop,
    areaHa: numberOrNull(d.areaHa),
    year: textOrNull(d.year),
    productIds: d.productIds,
    geometry: byCommunes ? null : d.geometry,
    communeCodes: byCommunes ? d.communeCodes : [],
    source: sourceBody(d.source),
    reason: textOrNull(d.reason),
  };
}

/** Checks the draft with the server's schema, and that it has a shape or communes (the server says the same). */
export function checkZone(d: ZoneDraft, editing: boolean, lang: Lang, noShape: string) {
  const checked = needingReason(validate(zoneInput, zoneBody(d), lang), editing, d.reason, lang);
  const shapeless = d.shapeKind === 'communes' ? d.communeCodes.length === 0 : d.geometry === null;
  if (!shapeless) return checked;
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), geometry: noShape } };
}

/**
 * The warning shown while the stated area and the area of the drawn or uploaded shape disagree
 * beyond AREA_MISMATCH_FACTOR, with both figures (as the import preview words it: areaMismatchWarning); null when they
 * agree, or either is missing. The zone is the extent of communes: that measures no crop area.
 */
export function areaWarning(d: ZoneDraft): Text | null {
  const stated = numberOrNull(d.areaHa) ?? Number.NaN;
  // No figure yet, or one the form will refuse (not a number, not above 0): nothing to compare.
  if (d.shapeKind === 'communes' || !d.geometry || !(stated > 0)) return null;
  return areaMismatchWarning(stated, areaHa(d.geometry))?.message ?? null;
}

/** Checks a deletion: why, and the source that says so (like any edit). */
export function checkDeletion(d: ZoneDraft, lang: Lang) {
  return validate(retractionInput, { reason: d.reason, source: sourceBody(d.source) }, lang);
}

/** Why an uploaded file gives no shape (the key of its message in i18n.ts). */
export type ShapeFileProblem = 'notJson' | 'noPolygon' | 'notLonLat';

/**
 * The polygons of an uploaded GeoJSON file (a FeatureCollection, a Feature or a bare geometry):
 * one Polygon, or a MultiPolygon of all of them. GeoJSON is longitude/latitude (RFC 7946); a
 * file in another CRS (VN-2000 metres) is refused here — the import page reprojects those.
 */
export function polygonFromGeoJson(text: string): { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; problem: ShapeFileProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const polygons: Polygon['coordinates'][] = [];
  const visit = (g: unknown) => {
    if (!g || typeof g !== 'object') return;
    const o = g as { type?: string; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach(visit);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) o.geometries.forEach(visit);
    else if (o.type === 'Polygon' && Array.isArray(o.coordinates)) polygons.push(o.coordinates as Polygon['coordinates']);
    else if (o.type === 'MultiPolygon' && Array.isArray(o.coordinates)) polygons.push(...(o.coordinates as MultiPolygon['coordinates']));
  };
  visit(data);
  if (!polygons.length) return { ok: false, problem: 'noPolygon' };
  const lonLat = polygons.every((p) => p.every((ring) => ring.every((c) => Array.isArray(c) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90)));
  if (!lonLat) return { ok: false, problem: 'notLonLat' };
  return { ok: true, geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons } };
}

/** How many corners a shape has, as its user counts them: a closed ring's last position repeats its first. */
export function vertexCount(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const corners = (ring: number[][]) => {
    const [a, z] = [ring[0], ring.at(-1)];
    return ring.length > 1 && a[0] === z![0] && a[1] === z![1] ? ring.length - 1 : ring.length;
  };
  return polys.reduce((n, p) => n + p.reduce((m, ring) => m + corners(ring), 0), 0);
}
