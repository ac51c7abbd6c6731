import { AS_OF_CHOICES, type View } from '../lib/url-state.ts';
import { asOf, lang, openView, view } from '../state/ui-state.ts';
import { formatDate, t } from './i18n.ts';
import { SearchBox } from './search-box.tsx';
import { UserMenu } from './account/user-menu.tsx';
import { ImportButton } from './imports/import-button.tsx';

const VIEW_BUTTONS: { view: View; label: 'viewProgress' | 'viewLeadership' | 'viewInvestors' }[] = [
  { view: 'progress', label: 'viewProgress' },
  { view: 'leadership', label: 'viewLeadership' },
  { view: 'investors', label: 'viewInvestors' },
];

/** Title, the three entry views, the date, search, language and who is logged in. */
export function Header() {
  const l = lang.value;
  return (
    <header class="app-header">
      <h1>
        <button type="button" class="home" onClick={() => openView('start')}>
          {t('appShort', l)}
        </button>
      </h1>
      <nav aria-label={t('views', l)} class="views">
        {VIEW_BUTTONS.map((b) => (
          <button type="button" key={b.view} aria-pressed={view.value === b.view} onClick={() => openView(b.view)}>
            {t(b.label, l)}
          </button>
        ))}
      </nav>
      <label class="year" title={t('asOfHint', l)}>
        <span>{t('asOf', l)}</span>
        <select value={asOf.value} onChange={(e) => (asOf.value = (e.target as HTMLSelectElement).value)}>
          {(AS_OF_CHOICES.includes(asOf.value) ? AS_OF_CHOICES : [...AS_OF_CHOICES, asOf.value].sort()).map((d) => (
            <option key={d} value={d}>
              {formatDate(d, l)}
            </option>
          ))}
        </select>
      </label>
      <SearchBox />
      <button type="button" class="lang" lang={l === 'vi' ? 'en' : 'vi'} aria-label={t('language', l)} onClick={() => (lang.value = l === 'vi' ? 'en' : 'vi')}>
        {t('switchLanguage', l)}
      </button>
      <ImportButton />
      <UserMenu />
    </header>
  );
}
