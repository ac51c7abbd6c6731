import { useState } from 'preact/hooks';
import { searchEntries, type SearchResult } from '../lib/search.ts';
import { searchIndex } from '../state/derived.ts';
import { lang, select } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** Search as a combobox: type, move with the arrow keys, Enter or click to fly to a result and open its card. */
export function SearchBox() {
  const l = lang.value;
  // The query and highlighted row are the box's own transient input state.
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = searchEntries(searchIndex.value, query);
  const choose = (r: SearchResult) => {
    select(r.target);
    setQuery('');
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: Preact's JSX types have no <search> element yet
    <div class="search" role="search">
      <label for="search-input" class="visually-hidden">
        {t('search', l)}
      </label>
      <input
        id="search-input"
        type="text"
        role="combobox"
        aria-expanded={query !== ''}
        aria-controls="search-results"
        aria-activedescendant={results.length ? `search-result-${active}` : undefined}
        aria-autocomplete="list"
        autocomplete="off"
        placeholder={t('searchPlaceholder', l)}
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(active + 1, results.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(active - 1, 0));
          else if (e.key === 'Enter' && results[active]) choose(results[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {query !== '' && (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern; focus stays on the input (aria-activedescendant)
        <ul id="search-results" role="listbox" class="search-results" aria-label={t('search', l)}>
          {results.length === 0 && <li class="muted">{t('noResults', l)}</li>}
          {results.map((r, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox are reached through aria-activedescendant
            <li
              key={`${r.kind}-${r.target.id}-${r.name}`}
              id={`search-result-${i}`}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox pattern
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <span class="result-kind">{r.kindLabel?.[l] ?? t(r.kind, l)}</span> <span class="result-name">{r.name}</span>
              <span class="result-detail">{r.detail[l]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
