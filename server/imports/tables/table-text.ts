import { importFileMessages as M } from '../../messages/catalog.ts';
import { bomOf } from '../file-look.ts';
import { badFile } from '../limits.ts';

/**
 * The characters of a text table as Excel saves them: UTF-8 with or without its byte-order mark ("CSV UTF-8"), or
 * UTF-16 little- or big-endian with its mark ("Unicode Text", "CSV UTF-16"). Anything else — Windows-1258, TCVN3
 * (ABC), VNI, UTF-16 without its mark — is refused, naming the line where it stops being UTF-8: an encoding guessed
 * wrong would import wrong names without a word.
 * @returns the text without its mark, in NFC (names typed on a Mac or pasted from the web come decomposed)
 */
export function tableText(name: string, bytes: Uint8Array): string {
  const bom = bomOf(bytes);
  const body = bytes.subarray(bom?.length ?? 0);
  const encoding = bom?.encoding ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const replaced = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    throw notUtf8(name, replaced, replaced.indexOf('\uFFFD'));
  }
  // UTF-16 read as UTF-8 is "valid", with a zero byte beside every letter; no table has one.
  if (text.includes('\0')) throw notUtf8(name, text, text.indexOf('\0'));
  return text.normalize('NFC');
}

/** The refusal, naming the line (from 1) of the first character that is not what the encoding allows. */
const notUtf8 = (name: string, text: string, at: number) => badFile(M.notUtf8(name, text.slice(0, at).split('\n').length), 'unsupported_encoding');
