import { batch, computed, effect, signal } from '@preact/signals';
import { accountApi, onAnswer } from '../api.ts';
import { session, sessionEndedHere } from './session.ts';

/**
 * Warns a logged-in user before their session ends (WCAG 2.2.1 Timing Adjustable). The server ends
 * a session after SESSION_IDLE_MINUTES without a request, or SESSION_MAX_HOURS after login
 * (server/auth/sessions.ts); a user typing a long form makes no request, and would otherwise learn
 * it only when saving. Every request with the session cookie restarts the idle clock, the
 * "keep working" button's GET /api/session included, so that button is all it takes to stay.
 */

/** When the session ends, in ms on this browser's clock: `idle` if no request comes first, `absolute` at the latest. */
export interface SessionEnds {
  idle: number;
  absolute: number;
  /** How long a session may idle (SESSION_IDLE_MINUTES), in ms. */
  idleMs: number;
}

export type SessionNotice =
  | { kind: 'none' }
  /** The session idles out in `minutesLeft` (rounded up) unless a request comes: staying helps. */
  | { kind: 'idle'; endsAt: number; minutesLeft: number }
  /** The session reaches its longest life first: staying cannot help, only saving now. */
  | { kind: 'absolute'; endsAt: number; minutesLeft: number };

/** How long before the idle end the notice shows. @default 2 minutes */
export const IDLE_NOTICE_MS = 2 * 60_000;
/** How long before the absolute end the notice shows: longer, as the only help is to save and log in again. @default 5 minutes */
export const ABSOLUTE_NOTICE_MS = 5 * 60_000;

const NONE: SessionNotice = { kind: 'none' };

/**
 * What to tell the user at `now` (ms), and when that next changes (`recheckAt`, ms; null: not until
 * `ends` does). Nothing once the end has passed: without a request the client cannot know more, and
 * the next request meets the session-ended dialog, which keeps the open form. `dismissed` is the
 * absolute end whose notice the user closed.
 */
export function sessionNotice(now: number, ends: SessionEnds | null, dismissed: number | null = null): { notice: SessionNotice; recheckAt: number | null } {
  if (!ends) return { notice: NONE, recheckAt: null };
  const kind = ends.absolute <= ends.idle ? 'absolute' : 'idle';
  const endsAt = Math.min(ends.idle, ends.absolute);
  const from = endsAt - (kind === 'idle' ? IDLE_NOTICE_MS : ABSOLUTE_NOTICE_MS);
  // The same end within a minute: read again from a later answer, it may move by the Date header's second.
  const closed = kind === 'absolute' && dismissed !== null && Math.abs(dismissed - endsAt) < 60_000;
  if (now >= endsAt || closed) return { notice: NONE, recheckAt: null };
  if (now < from) return { notice: NONE, recheckAt: from };
  const minutesLeft = Math.ceil((endsAt - now) / 60_000);
  return { notice: { kind, endsAt, minutesLeft }, recheckAt: endsAt - (minutesLeft - 1) * 60_000 };
}

/** The session's ends on this browser's clock; null for a visitor not logged in (or one using an API token), or when not followed (`startSessionExpiry`). */
const ends = signal<SessionEnds | null>(null);
/** The time the notice was last worked out at; moved on by `watchSessionClock`. */
const now = signal(Date.now());
const dismissed = signal<number | null>(null);
/** How far the server's clock is ahead of this browser's (ms), from the last answer's Date header. */
let serverAhead = 0;

const state = computed(() => sessionNotice(now.value, ends.value, dismissed.value));
export const sessionNoticeNow = computed(() => state.value.notice);

/** The ends the last session answer (GET or POST /api/session) gave, on the server's clock; null for a visitor. */
const answered = computed(() => {
  const s = session.value;
  return s?.user && s.via === 'session' ? s.expiresAt : null;
});

/**
 * Follows the session's ends: from each session answer (GET or POST /api/session), and from every
 * other answer, which restarted the server's idle clock too. Call it once as the app starts, before
 * the first request, so the first answer's Date header sets the clocks' difference. Returns the stop.
 */
export function startSessionExpiry(): () => void {
  // Read as each session answer comes (not when the session object is merely copied): the server had just restarted the idle clock.
  const stopReading = effect(() => {
    const at = answered.value;
    const here = Date.now();
    batch(() => {
      now.value = here;
      if (!at) {
        ends.value = null;
        return;
      }
      const idle = Date.parse(at.idle) - serverAhead;
      // The server restarted the idle clock as it answered: what is left is SESSION_IDLE_MINUTES (whole minutes) less the way back.
      ends.value = { idle, absolute: Date.parse(at.absolute) - serverAhead, idleMs: Math.max(1, Math.round((idle - here) / 60_000)) * 60_000 };
    });
  });
  // Any other answer: the server restarted the idle clock when the request reached it, after `sentAt`.
  const stopAnswers = onAnswer((sentAt, ahead) => {
    if (ahead !== null) serverAhead = ahead;
    const e = ends.peek();
    if (e && sentAt + e.idleMs > e.idle) {
      batch(() => {
        now.value = Date.now();
        ends.value = { ...e, idle: sentAt + e.idleMs };
      });
    }
  });
  return () => {
    stopReading();
    stopAnswers();
    // Not followed any more: no notice from ends that no longer move.
    ends.value = null;
  };
}

/** Checks at least once a minute: a long timeout may fire late, and setTimeout's limit is 24.8 days. */
const LONGEST_WAIT_MS = 60_000;

/**
 * Keeps the notice current: a timer to its next change, and a look at the clock whenever the page
 * wakes (a sleeping tab's or computer's timers fire late, so the time is read, never counted).
 * Returns the stop.
 */
export function watchSessionClock(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    now.value = Date.now();
  };
  const stopTimer = effect(() => {
    const at = state.value.recheckAt;
    clearTimeout(timer);
    if (at !== null) timer = setTimeout(look, Math.min(Math.max(at - Date.now(), 0), LONGEST_WAIT_MS));
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') look();
  };
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', look);
  window.addEventListener('pageshow', look);
  return () => {
    stopTimer();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', look);
    window.removeEventListener('pageshow', look);
  };
}

/**
 * "Keep working": GET /api/session restarts the server's idle clock and says when it now ends.
 * If the session had already ended there, the session-ended dialog opens (the open form is kept).
 */
export async function keepWorking(): Promise<void> {
  const s = await accountApi.session();
  const was = session.peek();
  if (!s.user) sessionEndedHere();
  // The same user: only the ends and the token change, so nothing keyed on the user is drawn again.
  else session.value = was?.user?.id === s.user.id ? { ...was, csrfToken: s.csrfToken, expiresAt: s.expiresAt } : s;
}

/** Closes the notice of the absolute end (it cannot be put off). */
export function dismissSessionNotice() {
  const n = sessionNoticeNow.peek();
  if (n.kind === 'absolute') dismissed.value = n.endsAt;
}
