/** Text in the app's two languages: Vietnamese first, English complete. */
export interface Label {
  vi: string;
  en: string;
}
export type Lang = keyof Label;
export const LANGS: Lang[] = ['vi', 'en'];
