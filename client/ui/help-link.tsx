import type { ComponentChildren } from 'preact';
import type { HelpTopic } from '../lib/url-state.ts';
import { lang, openHelp } from '../state/ui-state.ts';
import { t } from './i18n.ts';

/** A mark ("Chưa rõ", "khoảng", "gần đúng") that opens the help page where it is explained. */
export function HelpLink({ topic, children }: { topic: HelpTopic; children: ComponentChildren }) {
  return (
    <button type="button" class="help-mark" data-help={topic} title={t('whatDoesThisMean', lang.value)} onClick={() => openHelp(topic)}>
      {children}
    </button>
  );
}

/** "Chưa rõ": no source states it. */
export function Unknown() {
  return <HelpLink topic="unknown">{t('unknown', lang.value)}</HelpLink>;
}

/** "khoảng": a figure the source gives as approximate. */
export function Approx() {
  return <HelpLink topic="approximate">{t('approx', lang.value)}</HelpLink>;
}
