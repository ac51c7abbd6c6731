import type { DownloadLayer } from './layers.ts';
import { asOfText } from './provenance.ts';
import type { Chunks } from './stream.ts';

/**
 * One layer as a GeoJSON FeatureCollection (RFC 7946): the features exactly as /api sends them,
 * written one by one, with foreign members saying what the file is of — collection, title, unit
 * set, date, parameters — and its licences.
 */
export function* geojsonChunks(layer: DownloadLayer, generated: string): Chunks {
  const c = layer.collection;
  const head = {
    type: 'FeatureCollection',
    collection: c.id,
    title: layer.title,
    unitSet: layer.unitSet,
    asOf: layer.asOf,
    asOfNote: { vi: asOfText(layer, 'vi'), en: asOfText(layer, 'en') },
    parameters: layer.given,
    numberReturned: layer.features.length,
    timeStamp: generated,
    licences: layer.licences,
  };
  const open = JSON.stringify(head);
  yield `${open.slice(0, -1)},"features":[`;
  for (let i = 0; i < layer.features.length; i++) yield `${i ? ',' : ''}\n${JSON.stringify(layer.features[i])}`;
  yield '\n]}\n';
}
