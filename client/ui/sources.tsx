import { memo } from 'preact/compat';
import type { SourceRef } from '../../server/catalog/records.ts';
import { sameValue } from '../lib/same-value.ts';
import { sourceDate, sourceNote, sourceTitle } from '../lib/source-text.ts';
import { lang } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/**
 * Where figures come from: title, date, confidence and a link when there is one. Re-rendered only
 * when its sources change (the record's own objects, compared by reference) or the language does:
 * a panel re-rendered for a new count leaves its citations alone.
 */
export const SourceList = memo(function SourceList({ sources, title = true }: { sources: readonly SourceRef[]; title?: boolean }) {
  const l = lang.value;
  if (!sources.length) return null;
  return (
    <div class="sources">
      {title && <h4>{t('sources', l)}</h4>}
      <ul>
        {sources.map((s, i) => {
          const name = sourceTitle(s.title, l);
          const note = sourceNote(s.note);
          return (
            <li key={i}>
              <span class="source-title" lang={name.lang}>
                {name.text}
              </span>
              <span class="source-meta">
                {s.date ? sourceDate(s.date, l) : t('undated', l)} · {t('confidence', l)}:{' '}
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
              {note && l === 'en' && <span class="source-note">{note.text}</span>}
              {note && l !== 'en' && (
                <details class="source-note">
                  <summary>{t('researchNote', l)}</summary>
                  <span lang="en">{note.text}</span>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}, sameValue);
