import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { exact } from './compression.ts';

/**
 * gzip answers spliced from a tail deflated before. Layers of dates with the same statuses are
 * the same bytes but for their head (the collection's members, its date among them), so the rest
 * of the body, deflated once in the background, serves every such date for a copy and a CRC
 * where a compression of the whole body would cost several times that.
 *
 * A gzip member (RFC 1952) holds one deflate stream (RFC 1951), whose blocks may be stored
 * (uncompressed, byte aligned) or compressed: the head goes in stored blocks, the tail's own
 * stream follows from the next byte, and its final block ends the member. Its back references
 * reach no further back than its own start, so what precedes it does not matter to them.
 */

const deflated = promisify(deflateRaw);

/** The tail as a raw deflate stream ending in a final block, at zlib's default level (level 9 costs four times as much for 1 % fewer bytes). */
export async function deflateTail(tail: Buffer): Promise<Buffer> {
  return exact(await deflated(tail, { level: 6, chunkSize: Math.max(16 * 1024, tail.byteLength) }));
}

/** The gzip member of `body` whose bytes from `head` on are `deflatedTail` (from deflateTail). */
export function spliceGzip(body: Buffer, head: number, deflatedTail: Buffer): Buffer {
  const out = Buffer.allocUnsafeSlow(HEADER.byteLength + head + STORED_BLOCK_HEADER * Math.ceil(head / STORED_MAX) + deflatedTail.byteLength + TRAILER);
  let at = HEADER.copy(out);
  for (let from = 0; from < head; from += STORED_MAX) {
    const length = Math.min(STORED_MAX, head - from);
    out[at] = 0; // not the final block; stored; the rest of the byte is padding
    out.writeUInt16LE(length, at + 1);
    out.writeUInt16LE(~length & 0xffff, at + 3);
    at += STORED_BLOCK_HEADER;
    at += body.copy(out, at, from, from + length);
  }
  at += deflatedTail.copy(out, at);
  out.writeUInt32LE(crc32(body), at);
  out.writeUInt32LE(body.byteLength % 2 ** 32, at + 4);
  return out;
}

/** Magic, deflate, no flags, no time, no extra flags, OS unknown. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const STORED_BLOCK_HEADER = 5;
const STORED_MAX = 0xffff;
/** CRC-32 and size of the uncompressed body. */
const TRAILER = 8;
