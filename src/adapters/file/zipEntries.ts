import { crc32, inflateRawSync } from 'zlib';
import { MB, READ_LIMITS } from './readLimits';

// The reader's error classes live in xlsxErrors.ts; re-exported for the modules that import them from here.
import { NotForLeanReader, UnreadableXlsx } from './xlsxErrors';
export { NotForLeanReader, UnreadableXlsx };

export interface ZipEntries {
  has(name: string): boolean;
  /** The entry's bytes, inflated on demand and checked against its CRC; undefined when the archive has no such entry. */
  read(name: string): Buffer | undefined;
  /** Every entry as stored, still compressed, in archive order: what a rewrite copies unchanged. */
  stored(): StoredEntry[];
}

export interface StoredEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
}

/** The most one part may unpack to: the whole workbook's budget. */
export const MAX_PART_BYTES = READ_LIMITS.unpackedBytes;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const FULL16 = 0xffff;
const FULL32 = 0xffffffff;

interface Entry {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

/**
 * The entries of a .zip (an .xlsx is one), found through its central directory, ZIP64 included.
 * Node's zlib does the inflating, so reading an entry costs about what copying it does. Every
 * entry read counts against one unpacking budget for the whole archive, and is checked against
 * its CRC, so a damaged part is refused rather than read as something else.
 */
export function zipEntries(data: Buffer): ZipEntries {
  const entries = new Map<string, Entry>();
  const { count, directory } = directoryOf(data);
  let at = directory;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new UnreadableXlsx('the zip directory is damaged');
    const flags = data.readUInt16LE(at + 8);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw new NotForLeanReader('encrypted zip entry');
    const entry = withZip64Sizes(data, at, at + 46 + nameLength, extraLength, {
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      headerOffset: data.readUInt32LE(at + 42),
    });
    entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  // What the XML parts say they unpack to, all together: refused before anything is unpacked.
  let declared = 0;
  for (const [name, entry] of entries) if (/\.(xml|rels)$/i.test(name)) declared += entry.size;
  if (declared > READ_LIMITS.unpackedBytes) throw tooBig();
  let unpacked = 0;
  return {
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      const bytes = inflate(data, entry, READ_LIMITS.unpackedBytes - unpacked);
      unpacked += bytes.length;
      if (crc32(bytes) >>> 0 !== entry.crc)
        throw new UnreadableXlsx(`the part ${name} is damaged (its checksum doesn't match)`);
      return bytes;
    },
    stored: () =>
      [...entries].map(([name, e]) => ({
        name,
        method: e.method,
        crc: e.crc,
        size: e.size,
        data: storedBytes(data, e),
      })),
  };
}

/** How many entries the directory has and where it starts, from the end record (or its ZIP64 form). */
function directoryOf(data: Buffer): { count: number; directory: number } {
  const end = findEndOfDirectory(data);
  let count = data.readUInt16LE(end + 10);
  let directory = data.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && data.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const record = safeNumber(data.readBigUInt64LE(locator + 8));
    if (record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY)
      throw new UnreadableXlsx('the zip directory is damaged');
    count = safeNumber(data.readBigUInt64LE(record + 32));
    directory = safeNumber(data.readBigUInt64LE(record + 48));
  } else if (count === FULL16 || directory === FULL32)
    throw new UnreadableXlsx('the zip directory is damaged (a ZIP64 archive without its ZIP64 record)');
  // Each directory entry takes at least 46 bytes: a count beyond that is a lie, not a big archive.
  if (directory > data.length || count * 46 > data.length - directory)
    throw new UnreadableXlsx('the zip directory is damaged');
  return { count, directory };
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** A directory entry's sizes and offset from its ZIP64 extra field, for those its fixed fields mark as too big for 32 bits. */
function withZip64Sizes(data: Buffer, directoryEntry: number, extra: number, extraLength: number, entry: Entry): Entry {
  if (entry.size !== FULL32 && entry.compressedSize !== FULL32 && entry.headerOffset !== FULL32) return entry;
  for (let at = extra; at + 4 <= extra + extraLength;) {
    const id = data.readUInt16LE(at);
    const length = data.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new UnreadableXlsx('the zip directory is damaged');
        const value = safeNumber(data.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      const size = entry.size === FULL32 ? next() : entry.size;
      const compressedSize = entry.compressedSize === FULL32 ? next() : entry.compressedSize;
      const headerOffset = entry.headerOffset === FULL32 ? next() : entry.headerOffset;
      return { ...entry, size, compressedSize, headerOffset };
    }
    at += 4 + length;
  }
  throw new UnreadableXlsx(`the zip directory is damaged (entry at byte ${directoryEntry} has no ZIP64 sizes)`);
}

function findEndOfDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new UnreadableXlsx('no zip directory found (the file is cut short or not a zip)');
}

function storedBytes(data: Buffer, entry: Entry): Buffer {
  const at = entry.headerOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER)
    throw new UnreadableXlsx('a zip entry is damaged');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressedSize > data.length) throw new UnreadableXlsx('a zip entry is cut short');
  return data.subarray(start, start + entry.compressedSize);
}

const tooBig = () =>
  new UnreadableXlsx(
    `its parts unpack to more than ${READ_LIMITS.unpackedBytes / MB} MB, far more than any workbook bcf makes (a "zip bomb")`,
  );

function inflate(data: Buffer, entry: Entry, budget: number): Buffer {
  if (entry.size > budget) throw tooBig();
  const bytes = storedBytes(data, entry);
  if (entry.method === 0) return bytes;
  if (entry.method === 8) {
    try {
      // The limit again as it inflates: the size in the directory is the file's word, not a fact.
      // One piece of the size the directory gives (64 MB at most): zlib's default pieces of 16 KB are
      // all copied again to join them. A size that lies only costs pieces or room, never bytes read.
      const chunkSize = Math.max(64, Math.min(entry.size, 64 * MB));
      return inflateRawSync(bytes, { maxOutputLength: Math.max(1, budget), chunkSize });
    } catch (e) {
      if (e instanceof RangeError) throw tooBig();
      throw new UnreadableXlsx('a part of it is damaged (its compressed data is corrupt)');
    }
  }
  throw new NotForLeanReader(`zip compression method ${entry.method}`);
}
