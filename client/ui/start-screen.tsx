import { tp } from '../state/province.ts';
import { lang, openHelp, openView } from '../state/ui-state.ts';
import { t } from './i18n.ts';
import { LicenceNote } from './licence-note.tsx';

/** The first screen: what the map is, and the three entry views, one click each. */
export function StartScreen() {
  const l = lang.value;
  const entries = [
    { view: 'progress', title: 'viewProgress', hint: 'viewProgressHint' },
    { view: 'leadership', title: 'viewLeadership', hint: 'viewLeadershipHint' },
    { view: 'investors', title: 'viewInvestors', hint: 'viewInvestorsHint' },
  ] as const;
  return (
    <div class="start-screen" role="dialog" aria-modal="false" aria-labelledby="start-title">
      <div class="start-box">
        <h2 id="start-title">{tp('appTitle', l)}</h2>
        <p>{tp('startIntro', l)}</p>
        <p class="muted">{t('chooseView', l)}</p>
        <div class="start-choices">
          {entries.map((e) => (
            <button type="button" key={e.view} class="start-choice" onClick={() => openView(e.view)}>
              <strong>{t(e.title, l)}</strong>
              <span>{t(e.hint, l)}</span>
            </button>
          ))}
        </div>
        <p>
          <button type="button" class="link" onClick={() => openHelp('about')}>
            {t('helpTitle', l)}
          </button>
        </p>
        <LicenceNote />
      </div>
    </div>
  );
}
