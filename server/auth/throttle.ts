import type { LoginFailureQueries } from '../db/login-failures.ts';
import type { AuthConfig, Clock } from './config.ts';

/**
 * Login throttling in a sliding window, per account and per address: once either has had its
 * maximum of failures within the window, attempts wait until the oldest of them leaves it.
 * The same holds for logins that do not exist, so throttling tells nothing about accounts.
 * It never locks an account for good: the wait is at most one window (no lasting lockout an
 * attacker could impose), and a successful login clears the account's count.
 */
export function createLoginThrottle(failures: LoginFailureQueries, config: AuthConfig, clock: Clock) {
  const windowMs = config.loginWindowMinutes * 60_000;
  const ofLogin = (login: string) => ({ key: `login:${login}`, max: config.loginMaxFailures });
  const limits = (login: string, address: string) => [ofLogin(login), { key: `address:${address}`, max: config.loginMaxFailuresPerAddress }];
  /** The failures counted for `key` within the window, and when its wait ends (ms) if it has reached `max`. */
  const state = (key: string, max: number, now: number) => {
    const { n, first } = failures.since(key, now - windowMs);
    return { failures: n, lockedUntil: n >= max && first !== null ? first + windowMs : null };
  };
  return {
    /** Seconds to wait before this login may be tried from this address; 0 when it may now. */
    retryAfter(login: string, address: string): number {
      const now = clock();
      let wait = 0;
      for (const { key, max } of limits(login, address)) {
        const { lockedUntil } = state(key, max, now);
        if (lockedUntil !== null) wait = Math.max(wait, Math.ceil((lockedUntil - now) / 1000));
      }
      return wait;
    },
    /** The account's own failures within the window, and until when it is locked (ms; null: it is not). */
    ofAccount(login: string): { failures: number; lockedUntil: number | null } {
      const { key, max } = ofLogin(login);
      return state(key, max, clock());
    },
    failed(login: string, address: string) {
      const now = clock();
      for (const { key } of limits(login, address)) failures.record(key, now);
      failures.prune(now - windowMs);
    },
    succeeded(login: string) {
      failures.clear(ofLogin(login).key);
    },
    /** Lets an account be tried again at once (an admin's `npm run user -- unlock`, through auth.ts `unlock`, which logs it). */
    clear(login: string) {
      return failures.clear(ofLogin(login).key);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
