import type { Geometry } from 'geojson';
import { bboxPolygon, intersecting } from '../geo/bbox.ts';
import { applyFilters, type Collection, type Label } from '../catalog/define.ts';
import { type Licence, resolveLicences } from '../catalog/licences.ts';
import type { Province } from '../catalog/province.ts';
import { forProvince } from '../catalog/province-text.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { UnitSet } from '../domain/unit-sets.ts';
import type { Snapshot } from '../db/snapshot.ts';
import type { ApiFeature } from '../geo/collection.ts';
import type { BuiltCollections } from '../http/built-collections.ts';
import type { LayerRequest } from './request.ts';

/** One collection as it goes into a file: its features after filters and bbox, and what they are of. */
export interface DownloadLayer {
  collection: Collection;
  /** The collection's title for the province (it may name the unit set's dates). */
  title: Label;
  features: ApiFeature<unknown, Geometry | null>[];
  unitSet: UnitSet | null;
  /** The date its attributes are as of; null for a collection that is not dated (or OCOP without a date: every product). */
  asOf: IsoDate | null;
  /** The date in its file name: its asOf, else the day of the download. */
  date: IsoDate;
  /** `xa-ntm-2021-06-30`: the collection's file stem and the date. */
  stem: string;
  /** Its table, sheet and folder name in a file: the file stem, SQL-friendly (`xa_ntm`). */
  name: string;
  given: Record<string, string>;
  /** Its licences, resolved: the province's, and the boundaries' of its unit set (official ones once imported). */
  licences: readonly Licence[];
  /** The province it is about: the file's title and the unit set's dates name it. */
  province: Province;
  clampedFrom: IsoDate | null;
}

/**
 * Builds each requested collection the way /api does (the same cached build per date, the same
 * filters), then keeps the features whose bounding box meets `bbox`.
 */
export function buildLayers(requests: readonly LayerRequest[], data: Snapshot, built: BuiltCollections, today: IsoDate): DownloadLayer[] {
  return requests.map((r) => {
    const filtered = applyFilters(r.collection, built.get(r.collection, data, r.build), r.filters);
    const features = r.bbox ? intersecting(filtered.features, bboxPolygon(r.bbox)) : filtered.features;
    const asOf = filtered.asOf ?? null;
    const date = asOf ?? today;
    return {
      collection: r.collection,
      title: forProvince(r.collection.title, data.province),
      features,
      unitSet: filtered.unitSet ?? r.collection.unitSet,
      asOf,
      date,
      stem: `${r.collection.fileStem}-${date}`,
      name: r.collection.fileStem.replaceAll('-', '_'),
      given: r.given,
      licences: resolveLicences(r.collection.licences, filtered.unitSet ?? r.collection.unitSet, data),
      province: data.province,
      clampedFrom: r.clampedFrom,
    };
  });
}
