import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSession, waitForMap, watchPage } from './harness.ts';

/**
 * Screenshots of each view (and the help page, and a card) at desktop (1440 × 900) and phone
 * (390 × 844) width, in Vietnamese and English, saved to tests/artifacts/screens/ to be looked at
 * after a change.
 */
const session = browserSession();

const VIEWS = {
  start: '?view=start',
  progress: '?view=progress',
  leadership: '?view=leadership',
  investors: '?view=investors',
  help: '?view=progress&help=coverage',
  'card-commune': '?view=progress&sel=commune:2020:03301',
  'card-zone': '?view=investors&sel=zone:ca-phe-arabica-dien-bien',
} as const;
const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

describe('screenshots of every view, desktop and phone, vi and en', { timeout: 400_000 }, () => {
  for (const size of SIZES) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${size.name} px, ${lang}`, async () => {
        const page = await session.browser().newPage({ viewport: { width: size.width, height: size.height } });
        const watched = watchPage(page, session.server().origin);
        for (const [view, query] of Object.entries(VIEWS)) {
          await page.goto(`${session.server().origin}/${query}${lang === 'en' ? '&lang=en' : ''}`);
          await waitForMap(page);
          await page.waitForTimeout(600);
          await page.screenshot({ path: join(ARTIFACTS, 'screens', `${view}-${size.name}-${lang}.png`) });
        }
        expect(watched.errors).toEqual([]);
        await page.close();
      });
    }
  }
});
