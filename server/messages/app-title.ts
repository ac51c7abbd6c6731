import type { Text } from './text.ts';

/**
 * The map's title, naming its province: the interface's title (client/ui/i18n.ts `appTitle`,
 * filled with the province's words) and every download's.
 */
export const APP_TITLE = { vi: 'Bản đồ Nông thôn mới & OCOP tỉnh {province}', en: '{province} new-rural (NTM) & OCOP map' } satisfies Text;

/** The title with the province's name filled in. */
export function appTitle(province: { name: string }): Text {
  return { vi: APP_TITLE.vi.replaceAll('{province}', () => province.name), en: APP_TITLE.en.replaceAll('{province}', () => province.name) };
}
