import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SourceStates } from '../layers/feature-states.ts';

/**
 * Sets the feature state of every unit whose values differ from what the map holds, source by
 * source: a step in time touches only the units it changed. Compared with the map's own state,
 * so a map whose style was rebuilt (or a new snapshot map) gets everything.
 */
export function applyFeatureStates(map: MapLibreMap, states: Record<string, SourceStates>): void {
  for (const [source, units] of Object.entries(states)) {
    if (!map.getSource(source)) continue;
    for (const [id, state] of units) {
      const now = map.getFeatureState({ source, id });
      if (Object.keys(state).some((k) => now[k] !== state[k])) map.setFeatureState({ source, id }, state);
    }
  }
}
