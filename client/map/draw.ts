import type { MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, ValidateNotSelfIntersecting } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { DRAW_COLORS } from '../layers/theme.ts';
import { DRAW_PREFIX } from './draw-layers.ts';

/**
 * Drawing a zone's outline on the map with Terra Draw (a maintained drawing library with a
 * MapLibre adapter; it works offline and with MapLibre GL 6). Click to add corners, click the
 * first corner (or press Enter) to close a polygon; drag a corner to move it. Several polygons
 * make a MultiPolygon. The server checks the shape again (closed, not self-intersecting, in
 * the province). Loaded only when a form starts drawing.
 */
/** The drawn polygons as one geometry: a Polygon, a MultiPolygon, or null when nothing is closed yet. */
function drawnGeometry(draw: TerraDraw): Polygon | MultiPolygon | null {
  const rings = draw
    .getSnapshot()
    .filter((f) => f.geometry.type === 'Polygon' && !f.properties.currentlyDrawing)
    .map((f) => (f.geometry as Polygon).coordinates);
  if (!rings.length) return null;
  return rings.length === 1 ? { type: 'Polygon', coordinates: rings[0] } : { type: 'MultiPolygon', coordinates: rings };
}

/** Decimals of a drawn coordinate (about 1 cm). */
const PRECISION = 7;

/** Starts drawing on the map, beginning with `initial`; `onChange` gets the shape after each change. Returns a function that stops. */
export function startDrawing(map: MapLibreMap, initial: Polygon | MultiPolygon | null, onChange: (g: Polygon | MultiPolygon | null) => void): () => void {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: DRAW_PREFIX, coordinatePrecision: PRECISION }),
    modes: [
      new TerraDrawPolygonMode({
        editable: true,
        validation: (feature) => ValidateNotSelfIntersecting(feature),
        styles: {
          fillColor: DRAW_COLORS.fill,
          fillOpacity: 0.35,
          outlineColor: DRAW_COLORS.line,
          outlineWidth: 3,
          closingPointColor: DRAW_COLORS.point,
          closingPointOutlineColor: DRAW_COLORS.line,
          closingPointWidth: 6,
          closingPointOutlineWidth: 2,
          editedPointColor: DRAW_COLORS.line,
        },
      }),
    ],
  });
  draw.start();
  draw.setMode('polygon');
  if (initial) {
    // Terra Draw refuses coordinates finer than its precision, and files (QGIS writes 15 decimals) are.
    const round = (n: number) => Math.round(n * 10 ** PRECISION) / 10 ** PRECISION;
    const polygons = (initial.type === 'Polygon' ? [initial.coordinates] : initial.coordinates).map((rings) =>
      rings.map((ring) => ring.map(([x, y]) => [round(x), round(y)])),
    );
    draw.addFeatures(polygons.map((coordinates) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { mode: 'polygon' } })));
  }
  const report = () => onChange(drawnGeometry(draw));
  draw.on('finish', report);
  draw.on('change', (_ids, type) => {
    if (type === 'delete' || type === 'update') report();
  });
  return () => {
    draw.stop();
  };
}
