import type { SourceRef } from '../../server/catalog/records.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** Where figures come from: title, date, confidence and a link when there is one. */
export function SourceList({ sources, title = true }: { sources: readonly SourceRef[]; title?: boolean }) {
  const l = lang.value;
  if (!sources.length) return null;
  return (
    <div class="sources">
      {title && <h4>{t('sources', l)}</h4>}
      <ul>
        {sources.map((s, i) => (
          <li key={i}>
            <span class="source-title">{s.title}</span>
            <span class="source-meta">
              {s.date || t('undated', l)} · {t('confidence', l)}:{' '}
              <span class={`confidence confidence-${s.confidence}`}>{t(`confidence_${s.confidence}`, l)}</span>
              {s.url && (
                <>
                  {' · '}
                  <a href={s.url} target="_blank" rel="noopener noreferrer">
                    {t('openSource', l)}
                  </a>
                </>
              )}
            </span>
            {s.note && <span class="source-note">{s.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
