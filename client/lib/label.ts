import type { Label } from '../../server/catalog/define.ts';
import type { Lang } from '../../server/messages/text.ts';

/**
 * Text in the app's two languages: Vietnamese first, English complete (declared with the catalog;
 * the languages, LANGS and Lang, once with the messages in server/messages/text.ts).
 */
export type { Label, Lang };
