/** The signature of a Compound File Binary (OLE2): Office 97–2003 files, and Office files of any age encrypted with a password. */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Sector numbers from this one up mark the end of a chain or a free sector, not a sector. */
const LAST_SECTOR = 0xfffffffa;
/** A directory entry's size, and the offset of its name's length (bytes, with the terminating NUL) in it. */
const ENTRY = 128;
const NAME_LENGTH_AT = 0x40;

/**
 * The names of the entries of a compound file's directory (MS-CFB §2.6): "Workbook" in an .xls, "WordDocument"
 * in a .doc, "EncryptionInfo" and "EncryptedPackage" in an .xlsx, .docx or .pptx saved with a password (MS-OFFCRYPTO
 * §2.3.4: the whole zip, encrypted, is wrapped in a compound file). The directory's chain of sectors is followed
 * through the FAT sectors the header lists (its first 109: files of up to about 7 MB with 512-byte sectors; a
 * larger file's directory is read as far as those reach). Empty when the header is not a compound file's.
 */
export function cfbEntryNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512 || !CFB_MAGIC.every((b, i) => bytes[i] === b)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const start = (sector: number) => (sector + 1) * size;
  const fat: number[] = [];
  for (let k = 0; k < Math.min(view.getUint32(0x2c, true), 109); k++) fat.push(view.getUint32(0x4c + 4 * k, true));
  const next = (sector: number): number => {
    const perSector = size / 4;
    const fatSector = fat[Math.floor(sector / perSector)];
    const at = fatSector === undefined ? -1 : start(fatSector) + (sector % perSector) * 4;
    return at < 0 || at + 4 > bytes.length ? LAST_SECTOR : view.getUint32(at, true);
  };
  const names: string[] = [];
  const seen = new Set<number>();
  const utf16 = new TextDecoder('utf-16le');
  for (let sector = view.getUint32(0x30, true); sector < LAST_SECTOR && !seen.has(sector); sector = next(sector)) {
    seen.add(sector);
    if (start(sector) + size > bytes.length) break;
    for (let at = start(sector); at < start(sector) + size; at += ENTRY) {
      const length = view.getUint16(at + NAME_LENGTH_AT, true);
      if (length >= 4 && length <= 64 && length % 2 === 0) names.push(utf16.decode(bytes.subarray(at, at + length - 2)));
    }
  }
  return names;
}

/** Whether a compound file is an Office file encrypted with a password (it holds the encrypted package and how to open it). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const names = cfbEntryNames(bytes);
  return names.includes('EncryptionInfo') || names.includes('EncryptedPackage');
}
