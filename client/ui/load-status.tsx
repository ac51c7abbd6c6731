import { loadError, loading, startLoading } from '../state/data.ts';
import { shownSet } from '../state/derived.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** A load that failed (what failed, and a retry) or is under way; nothing once it is done. */
export function LoadState({ error, pending, retry }: { error: string | null; pending: boolean; retry: () => void }) {
  const l = lang.value;
  if (error) {
    return (
      <div class="load-status failed" role="alert">
        <p>
          <strong>{t('loadFailed', l)}</strong>
        </p>
        <p>{t('loadFailedHint', l)}</p>
        <button type="button" class="retry" onClick={retry}>
          {t('retry', l)}
        </button>
        <details>
          <summary>{t('technicalDetail', l)}</summary>
          <code lang="en">{error}</code>
        </details>
      </div>
    );
  }
  if (pending) {
    return (
      <div class="load-status" role="status">
        {t('loadingData', l)}
      </div>
    );
  }
  return null;
}

/** While the record loads, say so over the map; when it fails, say what failed and offer to try again. */
export function LoadStatus() {
  return <LoadState error={loadError.value} pending={loading.value} retry={() => startLoading({ shapesOf: shownSet.peek() })} />;
}
