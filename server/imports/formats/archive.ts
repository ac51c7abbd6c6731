import { importFileMessages as I } from '../../messages/import-files.ts';
import { Inflate } from 'fflate';
import { type ImportLimits, badFile, sizeText, tooLarge, unreadableFile } from '../limits.ts';

/**
 * Reads a zip archive defensively: the central directory is checked before anything is
 * inflated (entry count, names, symbolic links, encryption, methods), and every entry is
 * inflated in small steps while the total output is counted, so a decompression bomb is
 * stopped at the limit instead of filling memory. Names are only looked at, never used as
 * paths: nothing is written to disk.
 */
export interface ArchiveEntry {
  /** The entry's path inside the archive, as stored. */
  name: string;
  /** Its last path segment, lower-cased extension kept as is. */
  base: string;
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
/** Input fed to the inflater per step: the output of one step stays below ~1032 × this. */
const STEP = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Why a name is refused, or null when it is a plain relative path. */
function unsafeName(name: string): 'backslashes' | 'absolute' | 'climbs' | 'nul' | null {
  if (name.includes('\\')) return 'backslashes';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.split('/').some((part) => part === '..')) return 'climbs';
  if (name.includes('\0')) return 'nul';
  return null;
}

/** Where the archive's end-of-central-directory record starts, or -1 when it has none. */
function endOfDirectory(bytes: Uint8Array, view: DataView): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/**
 * The names of the archive's entries, read from its central directory only (nothing inflated): enough to tell
 * a Word document or a workbook from a zipped shapefile. Null when the directory cannot be read.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(bytes, view);
  if (eocd < 0) return null;
  const names: string[] = [];
  const decoder = new TextDecoder();
  let p = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(p + 28, true);
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

/** Every file entry of the archive (folders skipped), inflated within the limits. */
export function readZip(bytes: Uint8Array, limits: ImportLimits): ArchiveEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfDirectory(bytes, view);
  if (eocd < 0) throw badFile(I.zipDamaged(null));
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw tooLarge('archive_too_large', I.zip64);
  if (count > limits.maxArchiveEntries) {
    throw tooLarge('archive_too_large', I.archiveEntries(count, limits.maxArchiveEntries));
  }
  const decoder = new TextDecoder();
  const entries: ArchiveEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw badFile(I.zipEntryMalformed);
    const madeBy = view.getUint16(p + 4, true) >> 8;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const external = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeName(name);
    if (unsafe) throw badFile(I.unsafeEntry(name, unsafe), 'unsafe_archive');
    const mode = external >>> 16;
    // 3 = made on Unix: the upper half of the external attributes is the file mode.
    if (madeBy === 3 && (mode & S_IFMT) === S_IFLNK) throw badFile(I.unsafeEntry(name, 'symlink'), 'unsafe_archive');
    if (name.endsWith('/') || (madeBy === 3 && (mode & S_IFMT) === S_IFDIR)) continue;
    if (seen.has(name)) throw badFile(I.entryTwice(name), 'unsafe_archive');
    seen.add(name);
    if (flags & 1) throw badFile(I.entryEncrypted(name));
    if (method !== 0 && method !== 8) throw badFile(I.entryMethod(name, method));

    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) throw badFile(I.zipDamaged(name));
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressed > bytes.length) throw badFile(I.entryCutShort(name));
    const raw = bytes.subarray(start, start + compressed);
    const budget = limits.maxUnzippedBytes - total;
    const data = method === 0 ? raw.slice() : inflateWithin(raw, budget, name, limits);
    if (data.length > budget) throw bomb(limits);
    total += data.length;
    entries.push({ name, base: name.split('/').at(-1)!, data });
  }
  return entries;
}

function bomb(limits: ImportLimits) {
  return tooLarge('archive_too_large', I.archiveUnpacked(sizeText(limits.maxUnzippedBytes)));
}

/** Inflates raw deflate data, stopping as soon as the output passes `budget` bytes. */
function inflateWithin(raw: Uint8Array, budget: number, name: string, limits: ImportLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > budget) throw bomb(limits);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < raw.length; i += STEP) inflater.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof Error && 'status' in e) throw e;
    throw unreadableFile(I.entryUnpack(name), e);
  }
  if (!done && raw.length) throw badFile(I.entryShort(name));
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
