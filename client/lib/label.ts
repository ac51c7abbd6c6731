import type { Label } from '../../server/catalog/define.ts';

/** Text in the app's two languages: Vietnamese first, English complete (declared with the catalog). */
export type { Label };
export type Lang = keyof Label;
export const LANGS: Lang[] = ['vi', 'en'];
