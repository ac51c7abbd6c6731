import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification, StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { collectionFor } from '../../server/catalog/index.ts';
import { buildDeckLayers, productColor, zoneColor } from '../../client/layers/deck-layers.ts';
import { buildLegend, legendProvenance } from '../../client/layers/legend.ts';
import { classColorExpression } from '../../client/layers/paint.ts';
import { REGISTRY, type ThematicLayer } from '../../server/catalog/layer-registry.ts';
import { attributionOf, buildStyle, overlayDrawsDistrictNames, overlayDrawsSelection, type StyleInput } from '../../client/layers/style.ts';
import { committedProvince } from '../helpers/test-app.ts';

/** Tests generated from the registry: a new entry gets all of them with no new test code. */

/** The schema of a property in every catalog collection a layer is bound to. */
function propertySchemas(layer: ThematicLayer, property: string): z.ZodType[] {
  return layer.collection.unitSets.map((set) => {
    const c = collectionFor(layer.collection.family, set);
    if (!c) throw new Error(`${layer.id}: no catalog collection of family ${layer.collection.family} on ${set}`);
    const shape = (c.properties as unknown as z.ZodObject).shape;
    if (!Object.hasOwn(shape, property)) throw new Error(`${layer.id}: ${c.id} has no property ${property}`);
    return shape[property] as z.ZodType;
  });
}

const colorSpec = {
  type: 'color',
  'property-type': 'data-driven',
  expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] },
} as unknown as StylePropertySpecification;

/** The colour an expression gives a unit whose feature state (set by the map, paint.ts) holds `state`. */
function evaluateColor(expr: ExpressionSpecification, state: Record<string, unknown>): string {
  const compiled = createExpression(expr, 'fill-color', colorSpec);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const c = compiled.value.evaluate({ zoom: 8 }, { type: 'Polygon', properties: {} } as never, state as never) as string | { r: number; g: number; b: number };
  if (typeof c === 'string') return c.toLowerCase();
  const hex = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

/** A small polygon in the province, for the overlay's zones and a selected unit. */
const SQUARE = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [103, 21],
      [103.1, 21],
      [103.1, 21.1],
      [103, 21],
    ],
  ],
};

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function styleInput(): StyleInput {
  return {
    visible: { 'ntm-communes': true, 'ntm-new-units': true, 'ntm-districts': true, 'ocop-products': true, zones: true, labels: true },
    data: { communes: null, newUnits: null, districts: null, countries: null, province: null },
    fonts: {
      regular: [{ url: 'http://localhost/a.woff2', 'unicode-range': ['U+0000-00FF'] }],
      bold: [{ url: 'http://localhost/b.woff2', 'unicode-range': ['U+0000-00FF'] }],
    },
    lang: 'vi',
    unitSet: '2020',
    selected: { kind: 'commune', code: '03337' },
    basemap: null,
    licences: committedProvince().licences,
  };
}

const classified = REGISTRY.filter((l): l is ThematicLayer & { classification: NonNullable<ThematicLayer['classification']> } => l.classification !== null);

describe.each(REGISTRY.map((l) => [l.id, l] as const))('registry entry %s', (_id, layer) => {
  it('has Vietnamese and English labels, all NFC and non-empty', () => {
    const labels = [
      layer.title,
      layer.provenance,
      ...(layer.classification?.classes.map((c) => c.label) ?? []),
      ...(layer.classification ? [layer.classification.unknown.label] : []),
      ...layer.marks.map((m) => m.label),
    ];
    for (const label of labels) {
      for (const text of [label.vi, label.en]) {
        expect(text.length).toBeGreaterThan(0);
        expect(text).toBe(text.normalize('NFC'));
      }
    }
  });

  it('is bound to catalog collections that have every property it reads', () => {
    for (const m of layer.marks) for (const schema of propertySchemas(layer, m.property)) expect(schema.safeParse(m.equals).success).toBe(true);
    if (layer.size) propertySchemas(layer, layer.size.property);
    if (layer.classification) propertySchemas(layer, layer.classification.property);
  });

  it('declares colours as hex', () => {
    for (const c of [...(layer.classification?.classes ?? []), ...layer.marks]) expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe.each(classified.map((l) => [l.id, l] as const))('classified layer %s', (_id, layer) => {
  const c = layer.classification;

  it('has an unknown class, coloured apart from every known class', () => {
    expect(c.unknown.label.vi).toBeTruthy();
    expect(c.classes.map((k) => k.color)).not.toContain(c.unknown.color);
  });

  it('classifies only values its collections’ schema accepts (match) or ascending numeric bounds (step)', () => {
    for (const schema of propertySchemas(layer, c.property)) for (const k of c.classes) expect(schema.safeParse(k.value).success).toBe(true);
    if (c.kind === 'step') {
      const bounds = c.classes.map((k) => k.value as number);
      expect([...bounds].sort((a, b) => a - b)).toEqual(bounds);
    }
  });

  it('paints each class with the colour its legend shows', () => {
    const legend = buildLegend(layer, [], null);
    for (const k of c.classes) {
      const entry = legend.entries.find((e) => e.key === String(k.value))!;
      const color =
        layer.renderer === 'maplibre'
          ? evaluateColor(classColorExpression(c), { [c.property]: k.value })
          : layer.id === 'ocop-products'
            ? productColor({ group: k.value } as never)
            : zoneColor({ crop: k.value } as never);
      expect(color).toBe(entry.color);
    }
    const unknownEntry = legend.entries.find((e) => e.key === 'unknown')!;
    const unknownColor =
      layer.renderer === 'maplibre'
        ? evaluateColor(classColorExpression(c), { [c.property]: 'no-such-value' })
        : layer.id === 'ocop-products'
          ? productColor({ group: null } as never)
          : zoneColor({ crop: 'no-such-crop' } as never);
    expect(unknownColor).toBe(unknownEntry.color);
  });

  if (layer.renderer === 'maplibre') {
    it('is drawn by the built style with exactly that expression', () => {
      const style = buildStyle(styleInput());
      const fill = style.layers.find((l) => l.id === `${layer.id}-fill`) as { paint: { 'fill-color': unknown } };
      expect(fill.paint['fill-color']).toEqual(classColorExpression(c));
      for (const m of layer.marks) expect(style.layers.some((l) => l.id === `${layer.id}-${m.id}`)).toBe(true);
    });
  }
});

describe('built style and layers', () => {
  it('passes MapLibre’s style validator, with every layer on and with none', () => {
    expect(validateStyleMin(buildStyle(styleInput()))).toEqual([]);
    const off = styleInput();
    for (const k of Object.keys(off.visible)) off.visible[k as keyof typeof off.visible] = false;
    expect(
      validateStyleMin(buildStyle({ ...off, basemap: { tiles: ['http://localhost/{z}/{x}/{y}.png'], attribution: 'x' }, lang: 'en', selected: null })),
    ).toEqual([]);
  });

  it('does not mutate the registry', () => {
    const before = JSON.stringify(REGISTRY);
    deepFreeze(REGISTRY);
    expect(() => buildStyle(styleInput())).not.toThrow();
    expect(() => buildDeckLayers({ visible: { products: true, zones: true }, products: [], zones: [], selectedId: null, districtNames: null })).not.toThrow();
    expect(() => classified.map((l) => buildLegend(l, [], null))).not.toThrow();
    expect(JSON.stringify(REGISTRY)).toBe(before);
  });

  it('draws the district names above the overlay’s zones and markers, and then not in MapLibre', () => {
    const names = [
      { text: 'Mường Ảng', position: [103.2, 21.5] as [number, number] },
      { text: 'Điện Biên Phủ', position: [103.15, 21.45] as [number, number] },
    ];
    const deck = buildDeckLayers({
      visible: { products: true, zones: true },
      products: [],
      zones: [],
      selectedId: null,
      districtNames: { names, zoom: 8, measure: (text, size) => text.length * size * 0.7 },
    });
    expect(deck.at(-1)?.id).toBe('district-names');
    expect(deck.at(-1)!.props.data as unknown[]).toHaveLength(2);
    const style = buildStyle({ ...styleInput(), districtNamesInOverlay: true });
    expect(style.layers.find((l) => l.id === 'district-labels')?.layout?.visibility).toBe('none');
    expect(buildStyle(styleInput()).layers.find((l) => l.id === 'district-labels')?.layout?.visibility).toBe('visible');
  });

  it('outlines the selected unit above the overlay’s zones when the overlay is on, and then not in MapLibre', () => {
    const visible = { products: false, zones: true };
    const deck = buildDeckLayers({ visible, products: [], zones: [], selectedId: null, districtNames: null, selectedUnit: SQUARE });
    const ids = deck.map((l) => l.id);
    expect(ids).toContain('selection-line');
    expect(ids.indexOf('selection-line')).toBeGreaterThan(ids.indexOf('zones-outline'));
    expect(overlayDrawsSelection(visible, true)).toBe(true);
    expect(overlayDrawsSelection({ products: false, zones: false }, true)).toBe(false);
    // deck.gl loads lazily: until it has, MapLibre keeps the outline, and the district names.
    expect(overlayDrawsSelection(visible, false)).toBe(false);
    expect(overlayDrawsDistrictNames(visible, true, false)).toBe(false);
    expect(overlayDrawsDistrictNames(visible, true, true)).toBe(true);
    const line = (style: ReturnType<typeof buildStyle>) => style.layers.find((l) => l.id === 'selection-line')?.layout?.visibility;
    expect(line(buildStyle({ ...styleInput(), selectionInOverlay: true }))).toBe('none');
    expect(line(buildStyle(styleInput()))).toBe('visible');
    expect(buildDeckLayers({ visible, products: [], zones: [], selectedId: null, districtNames: null, selectedUnit: null }).map((l) => l.id)).not.toContain(
      'selection-line',
    );
  });

  it('gives the overlay the same data arrays for the same products and zones, so deck.gl neither regenerates nor tessellates them again', () => {
    const zone = (id: string, extent: string) => ({
      type: 'Feature' as const,
      id,
      geometry: SQUARE,
      properties: { extent, crop: 'tea' } as never,
    });
    const product = {
      type: 'Feature' as const,
      id: 'p1',
      geometry: { type: 'Point' as const, coordinates: [103, 21] },
      properties: { group: 'I', stars: 4, location: 'commune' } as never,
    };
    const input = {
      visible: { products: true, zones: true },
      products: [product],
      zones: [zone('z1', 'communes'), zone('z2', 'district')],
      selectedId: null,
      districtNames: null,
    };
    const data = (layers: ReturnType<typeof buildDeckLayers>) => layers.map((l) => l.props.data);
    const first = data(buildDeckLayers(input));
    const identical = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((d, i) => d === b[i]);
    // A step in time that changes neither list, or only the selection: the same arrays.
    expect(identical(data(buildDeckLayers({ ...input, selectedId: 'z1' })), first)).toBe(true);
    expect(identical(data(buildDeckLayers({ ...input })), first)).toBe(true);
    // A new list of products: new marker data, the zones' kept.
    const next = data(buildDeckLayers({ ...input, products: [product] }));
    expect(next.at(-1)).not.toBe(first.at(-1));
    expect(identical(next.slice(0, -1), first.slice(0, -1))).toBe(true);
  });

  it.each(['vi', 'en'] as const)('credits the unit codes on every source of units, in the reader’s language only (%s)', (lang) => {
    const { codes } = committedProvince().licences;
    const other = lang === 'vi' ? 'en' : 'vi';
    const sources = buildStyle({ ...styleInput(), lang }).sources as Record<string, { attribution?: string }>;
    for (const id of ['communes', 'districts', 'new-units']) expect(sources[id].attribution, id).toContain(attributionOf(codes, lang));
    const credits = Object.values(sources).map((s) => s.attribution ?? '');
    expect(credits.some((c) => c.includes(codes.note[other]))).toBe(false);
  });

  it('says under the districts legend which units its figures are on: the set on screen', () => {
    const districts = REGISTRY.find((l) => l.id === 'ntm-districts')!;
    const periods = committedProvince().unitSets;
    const on = (unitSet: string) => buildLegend(districts, [{ type: 'Feature', geometry: null, properties: { code: '094', unitSet } }], null);
    expect(legendProvenance(on('2019'), periods, 'vi')).toContain('đơn vị đến 31/12/2019.');
    expect(legendProvenance(on('2019'), periods, 'vi')).not.toContain('2020');
    expect(legendProvenance(on('2020'), periods, 'en')).toContain('units 1 Jan 2020 – 30 Jun 2025.');
    for (const layer of REGISTRY) {
      for (const l of ['vi', 'en'] as const) {
        expect(legendProvenance(buildLegend(layer, [], null), periods, l)).not.toContain('{');
        expect(legendProvenance({ layer, unitSet: '2020' }, periods, l)).not.toContain('{');
      }
    }
  });

  it('needs no request off the server: no glyphs URL, fonts and data from our own origin', () => {
    const style = buildStyle(styleInput());
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
  });
});
