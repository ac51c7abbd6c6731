import type { Context } from 'hono';
import { languageDetector } from 'hono/language';
import { LANGS, type Lang } from '../messages/text.ts';

/**
 * The language the API answers in words (error messages, an import's issues), chosen once per
 * request from Accept-Language: `vi` (or vi-VN…) → Vietnamese; anything else, or none → English,
 * so API clients such as GDAL, QGIS and scripts read what they always did. Nothing is remembered
 * between requests (no cookie).
 */
export const detectLang = languageDetector({ supportedLanguages: [...LANGS], fallbackLanguage: 'en', order: ['header'], caches: false });

/** The request's language, as detectLang chose it (English before it ran). */
export const requestLang = (c: Context): Lang => (c.get('language') === 'vi' ? 'vi' : 'en');
