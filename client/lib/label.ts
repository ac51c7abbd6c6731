import type { Label } from '../../server/catalog/define.ts';
import type { Lang } from '../../server/messages/text.ts';

/** Text in the app's two languages: Vietnamese first, English complete (declared with the catalog; the languages with the messages). */
export type { Label, Lang };
export const LANGS: Lang[] = ['vi', 'en'];
