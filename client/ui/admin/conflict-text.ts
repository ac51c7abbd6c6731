import type { Lang } from '../../lib/label.ts';
import { t } from '../i18n.ts';

/**
 * A refused revert (409) in the admin's words: the server's two conflicts (already reverted;
 * changed again since) say which changes stand in the way; anything else is shown as sent.
 */
export function conflictText(message: string, lang: Lang): string {
  const again = /^(\w+) (\S+) was changed again after change (\d+) \(by change ([\d, ]+)\); revert those first$/.exec(message);
  if (again) {
    const later = again[4]
      .split(', ')
      .map((n) => `#${n}`)
      .join(', ');
    return t('conflictChangedAgain', lang).replace('{id}', again[2]).replace('{change}', again[3]).replace('{later}', later);
  }
  const done = /^change (\d+) was already reverted by change (\d+)$/.exec(message);
  if (done) return t('conflictAlreadyReverted', lang).replace('{change}', done[1]).replace('{by}', done[2]);
  return message;
}
