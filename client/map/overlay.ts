import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DeckInput } from '../layers/deck-layers.ts';

/**
 * deck.gl and the overlay's layers (OCOP products, raw-material zones) are their own chunk, loaded
 * the first time the map shows one of them: a map of NTM statuses never downloads them.
 */
export const loadDeck = () =>
  Promise.all([import('@deck.gl/mapbox'), import('../layers/deck-layers.ts')]).then(([mapbox, layers]) => ({
    MapboxOverlay: mapbox.MapboxOverlay,
    buildDeckLayers: layers.buildDeckLayers,
    pickedFeature: layers.pickedFeature,
  }));

export type Deck = Awaited<ReturnType<typeof loadDeck>>;

/** Whether the overlay has anything to draw. */
export const deckNeeded = (input: DeckInput) => input.visible.products || input.visible.zones;

/** An overlay above `map` (not interleaved: deck.gl's interleaved mode fails on MapLibre 6). */
export function addOverlay(deck: Deck, map: MapLibreMap, props: ConstructorParameters<Deck['MapboxOverlay']>[0]): MapboxOverlay {
  const overlay = new deck.MapboxOverlay({ interleaved: false, ...props });
  map.addControl(overlay);
  return overlay;
}
