import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Classification, LayerMark } from './registry.ts';

/**
 * The data-driven colour of a classification, as a MapLibre expression: `match` on the value,
 * or `step` on a number; anything else gets the unknown colour.
 */
export function classColorExpression(c: Classification): ExpressionSpecification {
  if (c.kind === 'match') {
    const pairs = c.classes.flatMap((k) => [k.value, k.color]);
    return ['match', ['get', c.property], ...pairs, c.unknown.color] as unknown as ExpressionSpecification;
  }
  const stops = [...c.classes].sort((a, b) => (a.value as number) - (b.value as number)).flatMap((k) => [k.value, k.color]);
  return ['step', ['to-number', ['get', c.property], -1], c.unknown.color, ...stops] as unknown as ExpressionSpecification;
}

/** Features a mark applies to. */
export function markFilter(mark: LayerMark): ExpressionSpecification {
  return ['==', ['get', mark.property], mark.equals];
}
