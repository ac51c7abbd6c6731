import { effect } from '@preact/signals';
import { decodeUrlState, encodeSelection, encodeUrlState, type UrlState } from '../lib/url-state.ts';
import { theProvince } from './province.ts';
import { applyUrlState, urlState } from './ui-state.ts';

/** What Back and Forward step through: the view, the selection and the help page (not the date or the camera). */
export function historyKey(s: UrlState): string {
  return [s.view, s.selection ? encodeSelection(s.selection) : '', s.help ?? ''].join('|');
}

/**
 * How long the URL waits for the state to settle before it is replaced: dragging or playing the
 * timeline changes the date many times a second, and each history.replaceState costs the step
 * milliseconds (browsers also rate-limit it).
 */
const REPLACE_AFTER_MS = 200;

/**
 * Keeps the URL equal to the state and the state equal to the URL on Back/Forward (but for the
 * language). A new view, selection or help page adds a history entry at once; anything else
 * (date, layers, camera, language) replaces it once the state has settled.
 */
export function startUrlSync(): () => void {
  let key = historyKey(urlState.peek());
  let pending: ReturnType<typeof setTimeout> | undefined;
  const replace = () => {
    pending = undefined;
    const next = `${location.pathname}${encodeUrlState(urlState.peek(), theProvince())}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  };
  const flush = () => {
    if (pending === undefined) return;
    clearTimeout(pending);
    replace();
  };
  let started = false;
  const stop = effect(() => {
    const state = urlState.value;
    const nextKey = historyKey(state);
    clearTimeout(pending);
    pending = undefined;
    if (nextKey !== key) history.pushState(null, '', `${location.pathname}${encodeUrlState(state, theProvince())}`);
    // The link the page was opened with is written in its normal form at once.
    else if (!started) replace();
    else pending = setTimeout(replace, REPLACE_AFTER_MS);
    key = nextKey;
    started = true;
  });
  const onPop = () => {
    clearTimeout(pending);
    pending = undefined;
    // The language is the reader's, not a place in the history: Back keeps the one chosen last (the URL follows).
    const state = { ...decodeUrlState(location.search, theProvince()), lang: urlState.peek().lang };
    key = historyKey(state);
    applyUrlState(state);
  };
  addEventListener('popstate', onPop);
  // A reload or a closed tab within the wait still keeps the last state.
  addEventListener('pagehide', flush);
  return () => {
    stop();
    flush();
    removeEventListener('popstate', onPop);
    removeEventListener('pagehide', flush);
  };
}
