import { loadError, loading, startLoading } from '../state/data.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** While the record loads, say so over the map; when it fails, say what failed and offer to try again. */
export function LoadStatus() {
  const l = lang.value;
  if (loadError.value) {
    return (
      <div class="load-status failed" role="alert">
        <p>
          <strong>{t('loadFailed', l)}</strong>
        </p>
        <p>{t('loadFailedHint', l)}</p>
        <button type="button" class="retry" onClick={() => startLoading()}>
          {t('retry', l)}
        </button>
        <details>
          <summary>{t('technicalDetail', l)}</summary>
          <code lang="en">{loadError.value}</code>
        </details>
      </div>
    );
  }
  if (loading.value) {
    return (
      <div class="load-status" role="status">
        {t('loadingData', l)}
      </div>
    );
  }
  return null;
}
