import type { JsonErrorPlace } from '../messages/requests.ts';

/** A number after its minus sign (JSON has no leading +, no leading zeros, digits on both sides of a point). */
const NUMBER = /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Where a text that JSON.parse refused first leaves the JSON grammar (RFC 8259), for a message a person
 * can act on: "line 3, column 12". JSON.parse's own message is English, and whether it gives a position
 * at all depends on the Node version ("… in JSON at position 12", "… is not valid JSON"), so the text is
 * scanned again here — only after a refusal, so its speed does not matter. Null when the scan finds no
 * fault (it agrees with JSON.parse on every text, except that nesting too deep for it gives up).
 */
export function jsonErrorPlace(text: string): JsonErrorPlace | null {
  let i = 0;
  const fail = (): never => {
    throw new JsonFault(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (ch: string) => {
    space();
    if (text[i] !== ch) fail();
    i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else if (text[i] === 'u' && HEX4.test(text.slice(i + 1, i + 5))) i += 5;
        else fail();
      } else if (ch < ' ') fail();
      else i++;
    }
    fail();
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          space();
          if (text[i] !== '"') fail();
          string();
          expect(':');
        }
        value();
        space();
        if (text[i] === close) {
          i++;
          return;
        }
        if (text[i] !== ',') fail();
        i++;
      }
    }
    if (ch === '"') {
      string();
      return;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      if (ch === '-') i++;
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail();
      i = NUMBER.lastIndex;
      return;
    }
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (!word) fail();
    i += word!.length;
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (e) {
    if (!(e instanceof JsonFault)) return null;
    return placeOf(text, e.offset);
  }
}

class JsonFault {
  constructor(readonly offset: number) {}
}

function placeOf(text: string, offset: number): JsonErrorPlace {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset; k++) {
    if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] !== '\n')) {
      line++;
      start = k + 1;
    }
  }
  const found = offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : null;
  return { line, column: [...text.slice(start, offset)].length + 1, found };
}
