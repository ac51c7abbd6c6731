import type { Label } from '../catalog/define.ts';
import type { Licence } from '../catalog/licences.ts';
import type { SourceRef } from '../catalog/records.ts';
import { appTitle } from '../messages/app-title.ts';
import type { Lang } from '../messages/text.ts';
import { unitSetLabel } from '../messages/unit-set-label.ts';
import type { DownloadLayer } from './layers.ts';

/**
 * What every file says about itself, from one place: the app's title, each layer's date, unit
 * set, parameters and count, the licences (the province's, resolved by server/catalog/licences.ts,
 * so the boundary note — for Điện Biên GADM 4.1, non-commercial, not redistributable — travels with every file),
 * and the sources its records cite.
 */

/** The title of the map the files come from (it names the province). */
export function appTitleOf(layers: readonly DownloadLayer[]): Label {
  return appTitle(layers[0].province);
}

/** The licences of the layers, each once, in order of first use. */
export function licencesOf(layers: readonly DownloadLayer[]): Licence[] {
  const used = new Map<string, Licence>();
  for (const l of layers.flatMap((layer) => layer.licences)) if (!used.has(l.id)) used.set(l.id, l);
  return [...used.values()];
}

/**
 * One line per licence: its name, terms and address. A licence's title is its name in the
 * source's own words (Vietnamese); in English its short note names it, so an English line
 * carries no Vietnamese.
 */
export function licenceLines(licences: readonly Licence[], lang: Lang): string[] {
  return licences.map((l) => `${lang === 'vi' ? l.title : l.note.en}: ${l.terms[lang]}${l.url ? ` (${l.url})` : ''}`);
}

/** The date a layer is as of, in words: "tính đến 2021-06-30", with the clamp of a view said aloud. */
export function asOfText(layer: DownloadLayer, lang: Lang): string {
  if (!layer.asOf) {
    return lang === 'vi' ? `không theo ngày: toàn bộ bản ghi tại ngày tải ${layer.date}` : `not dated: the whole record on the day of download, ${layer.date}`;
  }
  const clamp = layer.clampedFrom
    ? lang === 'vi'
      ? ` (ngày cuối của bộ đơn vị này; bản đồ hỏi ngày ${layer.clampedFrom})`
      : ` (the last day of these units; the view asked for ${layer.clampedFrom})`
    : '';
  return `${lang === 'vi' ? 'tính đến' : 'as of'} ${layer.asOf}${clamp}`;
}

/** The parameters a layer was made with, `name=value; …`, or "" when none. */
export function parametersText(layer: DownloadLayer): string {
  return Object.entries(layer.given)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** One sentence describing a layer: title, date, unit set, parameters and count. */
export function layerDescription(layer: DownloadLayer, lang: Lang): string {
  const parts = [`${layer.title[lang]} — ${asOfText(layer, lang)}`];
  if (layer.unitSet)
    parts.push(`${lang === 'vi' ? 'Bộ đơn vị hành chính' : 'Administrative units'}: ${unitSetLabel(layer.unitSet, layer.province.unitSets, lang)}`);
  const params = parametersText(layer);
  if (params) parts.push(`${lang === 'vi' ? 'Tham số' : 'Parameters'}: ${params}`);
  parts.push(lang === 'vi' ? `${layer.features.length} đối tượng` : `${layer.features.length} features`);
  return `${parts.join('. ')}.`;
}

/** The licence note of a set of layers in both languages, for a file's own description. */
export function licenceNote(layers: readonly DownloadLayer[]): string {
  const ids = licencesOf(layers);
  return [
    'Nguồn và giấy phép:',
    ...licenceLines(ids, 'vi'),
    'Mỗi bản ghi ghi rõ nguồn của nó (các cột sources).',
    '',
    'Sources and licences:',
    ...licenceLines(ids, 'en'),
    'Every record names its own sources (the sources columns).',
  ].join('\n');
}

export interface CitedSource extends SourceRef {
  /** File stems of the layers whose records cite it. */
  layers: string[];
}

/** Every source the layers' records cite, once, in order of first citation. */
export function citedSources(layers: readonly DownloadLayer[]): CitedSource[] {
  const found = new Map<string, CitedSource>();
  for (const layer of layers) {
    for (const f of layer.features) {
      visitSources(f.properties, (s) => {
        const key = `${s.title}|${s.ref}|${s.date}`;
        const seen = found.get(key);
        if (!seen) found.set(key, { ...s, layers: [layer.collection.fileStem] });
        else if (!seen.layers.includes(layer.collection.fileStem)) seen.layers.push(layer.collection.fileStem);
      });
    }
  }
  return [...found.values()];
}

const SOURCE_KEYS = ['title', 'ref', 'date', 'confidence', 'url', 'note'];

/** Calls `visit` for every source reference anywhere in a value (sources, noNtmSources, facts[].source, source). */
function visitSources(value: unknown, visit: (s: SourceRef) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) visitSources(v, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (SOURCE_KEYS.every((k) => Object.hasOwn(value, k))) {
    visit(value as SourceRef);
    return;
  }
  for (const v of Object.values(value)) visitSources(v, visit);
}

/** A layer's licence, one row per (layer, licence): the Sources & licences table of XLSX and GeoPackage. */
export interface LicenceRow {
  layer: string;
  title: string;
  asOf: string | null;
  asOfNote: string;
  unitSet: string | null;
  parameters: string;
  features: number;
  licence: string;
  termsVi: string;
  termsEn: string;
  attribution: string;
  url: string;
}

/** @param layerName the name the file gives the layer (sheet or table) */
export function licenceRows(layers: readonly DownloadLayer[], layerName: (l: DownloadLayer) => string): LicenceRow[] {
  return layers.flatMap((l) =>
    l.licences.map((licence) => ({
      layer: layerName(l),
      title: l.title.vi,
      asOf: l.asOf,
      asOfNote: asOfText(l, 'vi'),
      unitSet: l.unitSet,
      parameters: parametersText(l),
      features: l.features.length,
      licence: licence.title,
      termsVi: licence.terms.vi,
      termsEn: licence.terms.en,
      attribution: licence.attribution,
      url: licence.url,
    })),
  );
}
