import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountApi, api } from '../../client/api.ts';
import {
  dismissSessionNotice,
  keepWorking,
  type SessionEnds,
  sessionNotice,
  sessionNoticeNow,
  startSessionExpiry,
  watchSessionClock,
} from '../../client/state/session-expiry.ts';
import { accountPanel, session, sessionEnded } from '../../client/state/session.ts';
import type { SessionResponse } from '../../server/domain/accounts.ts';

/**
 * The notice before a session ends: shown two minutes before the idle end (staying helps), five
 * before the absolute end when that comes first (it does not), never to a visitor; and the
 * client's idea of the idle end moves with every answer from the server, on the browser's clock.
 */
const MIN = 60_000;
const T = Date.parse('2026-11-28T10:00:00.000Z');
const ends = (idleIn: number, absoluteIn: number): SessionEnds => ({ idle: T + idleIn, absolute: T + absoluteIn, idleMs: 30 * MIN });

describe('sessionNotice (pure)', () => {
  it('says nothing without a session', () => {
    expect(sessionNotice(T, null)).toEqual({ notice: { kind: 'none' }, recheckAt: null });
  });

  it('waits until two minutes before the idle end, then counts the minutes down to it', () => {
    const e = ends(30 * MIN, 12 * 60 * MIN);
    expect(sessionNotice(T, e)).toEqual({ notice: { kind: 'none' }, recheckAt: T + 28 * MIN });
    expect(sessionNotice(T + 28 * MIN - 1, e).notice.kind).toBe('none');
    expect(sessionNotice(T + 28 * MIN, e)).toEqual({ notice: { kind: 'idle', endsAt: T + 30 * MIN, minutesLeft: 2 }, recheckAt: T + 29 * MIN });
    expect(sessionNotice(T + 29 * MIN + 1, e)).toEqual({ notice: { kind: 'idle', endsAt: T + 30 * MIN, minutesLeft: 1 }, recheckAt: T + 30 * MIN });
    // After the end: the client cannot know more without a request; the next one meets the session-ended dialog.
    expect(sessionNotice(T + 30 * MIN, e)).toEqual({ notice: { kind: 'none' }, recheckAt: null });
  });

  it('a tab that slept past the notice’s start shows it at once on waking, with the time truly left', () => {
    expect(sessionNotice(T + 29.5 * MIN, ends(30 * MIN, 12 * 60 * MIN)).notice).toEqual({ kind: 'idle', endsAt: T + 30 * MIN, minutesLeft: 1 });
  });

  it('when the absolute end comes first, warns five minutes before it, and closing it holds for that end only', () => {
    const e = ends(30 * MIN, 10 * MIN);
    expect(sessionNotice(T, e).recheckAt).toBe(T + 5 * MIN);
    expect(sessionNotice(T + 6 * MIN, e).notice).toEqual({ kind: 'absolute', endsAt: T + 10 * MIN, minutesLeft: 4 });
    expect(sessionNotice(T + 6 * MIN, e, T + 10 * MIN)).toEqual({ notice: { kind: 'none' }, recheckAt: null });
    // Read again from a later answer, the same end may move by a second (the Date header's precision).
    expect(sessionNotice(T + 6 * MIN, e, T + 10 * MIN - 1500).notice.kind).toBe('none');
    expect(sessionNotice(T + 6 * MIN, e, T + 11 * MIN).notice.kind).toBe('absolute');
    // Idle ends first (by a minute): staying helps, so it is the idle notice.
    expect(sessionNotice(T + 28 * MIN, ends(30 * MIN, 31 * MIN)).notice.kind).toBe('idle');
  });
});

const loggedIn = (idle: number, absolute: number): SessionResponse => ({
  loginRequired: false,
  user: { id: 7, login: 'lan.ntm', name: 'Lan', role: 'editor', programmes: ['ntm'], units: [] },
  via: 'session',
  csrfToken: 'csrf',
  expiresAt: { idle: new Date(idle).toISOString(), absolute: new Date(absolute).toISOString() },
});
/** An answer stamped with the server's clock (the Date header, whole seconds as HTTP has them). */
const answer = (status: number, body: unknown, serverNow: number) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', Date: new Date(serverNow).toUTCString() } });

let stopExpiry = () => {};
let stopWatching = () => {};
let page: EventTarget & { visibilityState: string };
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: T });
  page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  vi.stubGlobal('document', page);
  vi.stubGlobal('window', new EventTarget());
  sessionEnded.value = null;
  accountPanel.value = null;
  session.value = null;
  stopExpiry = startSessionExpiry();
  stopWatching = watchSessionClock();
});
afterEach(() => {
  stopWatching();
  stopExpiry();
  session.value = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the notice in the client', () => {
  it('is never shown to a visitor; a logged-in user sees it two minutes before the idle end, by the timer', async () => {
    session.value = { loginRequired: false, user: null, via: null, csrfToken: null, expiresAt: null };
    vi.advanceTimersByTime(60 * MIN);
    expect(sessionNoticeNow.value.kind).toBe('none');
    vi.setSystemTime(T);
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 12 * 60 * MIN), T));
    session.value = await accountApi.session();
    vi.advanceTimersByTime(28 * MIN - 1);
    expect(sessionNoticeNow.value.kind).toBe('none');
    vi.advanceTimersByTime(1);
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', minutesLeft: 2 });
    vi.advanceTimersByTime(MIN);
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', minutesLeft: 1 });
  });

  it('a page that slept (its timers late) shows the notice as it wakes, from the clock', async () => {
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 12 * 60 * MIN), T));
    session.value = await accountApi.session();
    vi.setSystemTime(T + 29 * MIN);
    expect(sessionNoticeNow.value.kind).toBe('none');
    page.dispatchEvent(new Event('visibilitychange'));
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', minutesLeft: 1 });
  });

  it('reads the server’s times on the browser’s clock: a browser 10 minutes behind is warned at the right moment', async () => {
    const serverNow = T + 10 * MIN;
    vi.stubGlobal('fetch', answer(200, loggedIn(serverNow + 30 * MIN, serverNow + 12 * 60 * MIN), serverNow));
    session.value = await accountApi.session();
    vi.advanceTimersByTime(28 * MIN);
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', endsAt: T + 30 * MIN, minutesLeft: 2 });
  });

  it('any answer from the server restarts the idle end, an error too, so the notice goes', async () => {
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 12 * 60 * MIN), T));
    session.value = await accountApi.session();
    vi.advanceTimersByTime(29 * MIN);
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', minutesLeft: 1 });
    vi.stubGlobal('fetch', answer(404, { error: { code: 'not_found', message: 'no such file' } }, T + 29 * MIN));
    await expect(api.base('province')).rejects.toMatchObject({ status: 404 });
    expect(sessionNoticeNow.value.kind).toBe('none');
    vi.advanceTimersByTime(28 * MIN - 1);
    expect(sessionNoticeNow.value.kind).toBe('none');
    vi.advanceTimersByTime(1);
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'idle', endsAt: T + 59 * MIN });
  });

  it('near the absolute end, says so; closed, it stays closed for that session', async () => {
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 4 * MIN), T));
    session.value = await accountApi.session();
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'absolute', minutesLeft: 4 });
    dismissSessionNotice();
    expect(sessionNoticeNow.value.kind).toBe('none');
    vi.advanceTimersByTime(2 * MIN);
    expect(sessionNoticeNow.value.kind).toBe('none');
  });

  it('"keep working" takes the new ends from GET /api/session; if the session had ended, the session-ended dialog opens', async () => {
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 12 * 60 * MIN), T));
    session.value = await accountApi.session();
    const user = session.value.user;
    vi.advanceTimersByTime(29 * MIN);
    expect(sessionNoticeNow.value.kind).toBe('idle');
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 59 * MIN, T + 12 * 60 * MIN), T + 29 * MIN));
    await keepWorking();
    expect(sessionNoticeNow.value.kind).toBe('none');
    // The same user object: nothing keyed on the user is drawn again.
    expect(session.value?.user).toBe(user);

    vi.advanceTimersByTime(28 * MIN);
    expect(sessionNoticeNow.value.kind).toBe('idle');
    vi.stubGlobal('fetch', answer(200, { loginRequired: false, user: null, via: null, csrfToken: null, expiresAt: null }, T + 57 * MIN));
    await keepWorking();
    expect(sessionEnded.value).toBe('lan.ntm');
    expect(accountPanel.value).toBe('login');
    expect(sessionNoticeNow.value.kind).toBe('none');
  });
});

describe('starting and stopping', () => {
  it('follows the session only between startSessionExpiry() and its stop; started again, it reads the session at once', async () => {
    vi.stubGlobal('fetch', answer(200, loggedIn(T + 30 * MIN, T + 3 * MIN), T));
    session.value = await accountApi.session();
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'absolute', minutesLeft: 3 });
    stopExpiry();
    // A stopped follower leaves no notice behind, and no later session answer or other answer brings one.
    expect(sessionNoticeNow.value.kind).toBe('none');
    session.value = await accountApi.session();
    await api.base('province').catch(() => {});
    vi.advanceTimersByTime(MIN);
    expect(sessionNoticeNow.value.kind).toBe('none');

    stopExpiry = startSessionExpiry();
    expect(sessionNoticeNow.value).toMatchObject({ kind: 'absolute', minutesLeft: 2 });
  });
});
