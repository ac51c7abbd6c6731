import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Classification, LayerMark } from '../../server/catalog/layer-registry.ts';

/*
 * A thematic layer's values (status, shares, marks) change with the date while its shapes do not:
 * MapLibre reads them from each feature's state (map.setFeatureState, keyed by the unit's code
 * through `promoteId`), so a step in time recolours the map without re-tiling its geometry.
 */

/** A property of a unit as of the shown date, from its feature state. */
const stateOf = (property: string): ExpressionSpecification => ['feature-state', property];

/**
 * The data-driven colour of a classification, as a MapLibre expression: `match` on the value,
 * or `step` on a number; anything else (no state yet included) gets the unknown colour.
 */
export function classColorExpression(c: Classification): ExpressionSpecification {
  if (c.kind === 'match') {
    const pairs = c.classes.flatMap((k) => [k.value, k.color]);
    return ['match', stateOf(c.property), ...pairs, c.unknown.color] as unknown as ExpressionSpecification;
  }
  const stops = [...c.classes].sort((a, b) => (a.value as number) - (b.value as number)).flatMap((k) => [k.value, k.color]);
  return ['step', ['to-number', stateOf(c.property), -1], c.unknown.color, ...stops] as unknown as ExpressionSpecification;
}

/**
 * Opacity that shows a mark on the features it applies to and hides it elsewhere (a layer's
 * filter cannot read feature state).
 */
export function markOpacity(mark: LayerMark, shown = 1): ExpressionSpecification {
  return ['case', ['==', stateOf(mark.property), mark.equals], shown, 0];
}
