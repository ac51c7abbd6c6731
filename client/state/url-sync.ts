import { effect } from '@preact/signals';
import { decodeUrlState, encodeSelection, encodeUrlState, type UrlState } from '../lib/url-state.ts';
import { theProvince } from './province.ts';
import { applyUrlState, urlState } from './ui-state.ts';

/** What Back and Forward step through: the view, the selection and the help page (not the date or the camera). */
export function historyKey(s: UrlState): string {
  return [s.view, s.selection ? encodeSelection(s.selection) : '', s.help ?? ''].join('|');
}

/**
 * Keeps the URL equal to the state and the state equal to the URL on Back/Forward. A new view,
 * selection or help page adds a history entry; anything else (date, layers, camera) replaces it.
 */
export function startUrlSync(): () => void {
  let key = historyKey(urlState.peek());
  const stop = effect(() => {
    const state = urlState.value;
    const next = `${location.pathname}${encodeUrlState(state, theProvince())}`;
    const nextKey = historyKey(state);
    if (nextKey !== key) history.pushState(null, '', next);
    else if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
    key = nextKey;
  });
  const onPop = () => {
    const state = decodeUrlState(location.search, theProvince());
    key = historyKey(state);
    applyUrlState(state);
  };
  addEventListener('popstate', onPop);
  return () => {
    stop();
    removeEventListener('popstate', onPop);
  };
}
