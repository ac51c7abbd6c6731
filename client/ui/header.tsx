import { computed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { asOfChoices, type View } from '../lib/url-state.ts';
import { reportDates } from '../state/derived.ts';
import { theProvince, tp } from '../state/province.ts';
import { asOf, help, lang, openHelp, openView, view } from '../state/ui-state.ts';
import { formatDate, t } from './i18n.ts';
import { SearchBox } from './search-box.tsx';
import { UserMenu } from './account/user-menu.tsx';
import { ImportButton } from './imports/import-button.tsx';

const VIEW_BUTTONS: {
  view: View;
  label: 'viewProgress' | 'viewLeadership' | 'viewInvestors';
  short: 'viewProgressShort' | 'viewLeadershipShort' | 'viewInvestorsShort';
}[] = [
  { view: 'progress', label: 'viewProgress', short: 'viewProgressShort' },
  { view: 'leadership', label: 'viewLeadership', short: 'viewLeadershipShort' },
  { view: 'investors', label: 'viewInvestors', short: 'viewInvestorsShort' },
];

/**
 * Title, the three entry views, the date, search, the help page, the language and who is logged
 * in. On a phone it folds to two short rows: the date is then set on the timeline below.
 */
export function Header() {
  const l = lang.value;
  const other = l === 'vi' ? 'en' : 'vi';
  return (
    <header class="app-header">
      <h1>
        <button type="button" class="home" onClick={() => openView('start')}>
          <span class="wide-only">{tp('appShort', l)}</span>
          <span class="narrow-only">{t('appTiny', l)}</span>
        </button>
      </h1>
      <nav aria-label={t('views', l)} class="views">
        {VIEW_BUTTONS.map((b) => (
          <button type="button" key={b.view} aria-pressed={view.value === b.view} onClick={() => openView(b.view)}>
            <span class="wide-only">{t(b.label, l)}</span>
            <span class="narrow-only">{t(b.short, l)}</span>
          </button>
        ))}
      </nav>
      <DateSelect />
      <SearchBox />
      <button type="button" class="help-button" aria-pressed={help.value !== null} onClick={() => openHelp('about')}>
        <span class="wide-only">{t('helpTitle', l)}</span>
        <span class="narrow-only" aria-hidden="true">
          ?
        </span>
        <span class="narrow-only visually-hidden">{t('helpTitle', l)}</span>
      </button>
      {/* Its name is its visible text (in the other language, marked so), so speech input and screen readers agree. */}
      <button type="button" class="lang" lang={other} title={t('languageHint', l)} onClick={() => (lang.value = other)}>
        {t('switchLanguage', l)}
      </button>
      <ImportButton />
      <UserMenu />
    </header>
  );
}

/** The report dates the header offers: once per record, not at each step in time. */
const dateChoices = computed(() => asOfChoices(theProvince(), reportDates.value));

/**
 * The date as a choice of report dates; its own component, so a step in time re-renders only it.
 * A date between report dates (a step on the timeline) is one more option in its place, keyed as
 * such: a step changes its text, not the list.
 */
function DateSelect() {
  const l = lang.value;
  const date = asOf.value;
  const choices = dateChoices.value;
  const options = useMemo(
    () =>
      choices.map((d) => (
        <option key={d} value={d}>
          {formatDate(d, l)}
        </option>
      )),
    [choices, l],
  );
  const before = choices.filter((d) => d < date).length;
  return (
    <label class="year wide-only" title={t('asOfHint', l)}>
      <span>{t('asOf', l)}</span>
      <select value={date} onChange={(e) => (asOf.value = (e.target as HTMLSelectElement).value)}>
        {choices.includes(date)
          ? options
          : [
              ...options.slice(0, before),
              <option key="between" value={date}>
                {formatDate(date, l)}
              </option>,
              ...options.slice(before),
            ]}
      </select>
    </label>
  );
}
