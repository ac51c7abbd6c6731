import { loadError } from '../state/data.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** In place of what the record has not given yet: loading, or (when loading failed) saying so, never an endless "loading". */
export function Pending() {
  return <p class="muted">{t(loadError.value ? 'loadFailed' : 'loading', lang.value)}</p>;
}
