import { createPortal } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { dismissSessionNotice, keepWorking, sessionNoticeNow, watchSessionClock } from '../../state/session-expiry.ts';
import { lang } from '../../state/ui-state.ts';
import { t, tf } from '../i18n.ts';
import { errorText } from './error-text.ts';
import { topModalSlot } from './modal.tsx';
import './account.css';

/**
 * The notice before a logged-in user's session ends (state/session-expiry.ts). Not a dialog: it
 * neither takes the focus from the field being typed in nor blocks the page. Its live region
 * (role="status") is always there, empty, so screen readers announce the notice when it fills;
 * it comes first in the page, so the first Tab reaches its button.
 *
 * While a modal dialog is open (the import, the account page), the notice lives inside the topmost
 * one, first in it: a modal makes every node outside itself inert, so a notice elsewhere could be
 * neither clicked nor focused, and a staff member mid-import would lose the session they were
 * warned about. Not a popover (popover="manual"): shown after the modal, the top layer draws it
 * above, yet it stays outside the modal and so inert; inside, it needs no re-showing either. It
 * follows as modals open and close, whether before or after it shows (modal.tsx `topModalSlot`).
 */
export function SessionNotice() {
  useEffect(() => watchSessionClock(), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const n = sessionNoticeNow.value;
  const l = lang.value;
  const stay = async () => {
    setBusy(true);
    setError(null);
    try {
      await keepWorking();
    } catch (err) {
      setError(errorText(err, l));
    } finally {
      setBusy(false);
    }
  };
  const live = (
    <div class="session-notice-live" role="status">
      {n.kind !== 'none' && (
        <div class="session-notice" data-kind={n.kind}>
          <p>{tf(n.kind === 'idle' ? 'sessionIdleNotice' : 'sessionAbsoluteNotice', l, { minutes: n.minutesLeft })}</p>
          {error && <p class="form-error">{error}</p>}
          {n.kind === 'idle' ? (
            <button type="button" class="primary" disabled={busy} onClick={stay}>
              {t('keepWorking', l)}
            </button>
          ) : (
            <button type="button" class="account-button" onClick={dismissSessionNotice}>
              {t('close', l)}
            </button>
          )}
        </div>
      )}
    </div>
  );
  const slot = topModalSlot.value;
  return slot ? createPortal(live, slot) : live;
}
