import { effect } from '@preact/signals';
import { decodeUrlState, encodeUrlState } from '../lib/url-state.ts';
import { applyUrlState, urlState } from './ui-state.ts';

/** Keeps the URL equal to the state (replaceState) and the state equal to the URL on back/forward. */
export function startUrlSync(): () => void {
  const stop = effect(() => {
    const next = `${location.pathname}${encodeUrlState(urlState.value)}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  });
  const onPop = () => applyUrlState(decodeUrlState(location.search));
  addEventListener('popstate', onPop);
  return () => {
    stop();
    removeEventListener('popstate', onPop);
  };
}
