import { inflateRawSync } from 'zlib';

// The reader's error classes live in xlsxErrors.ts; re-exported for the modules that import them from here.
import { NotForLeanReader, UnreadableXlsx } from './xlsxErrors';
export { NotForLeanReader, UnreadableXlsx };

export interface ZipEntries {
  has(name: string): boolean;
  /** The entry's bytes, inflated on demand; undefined when the archive has no such entry. */
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

/**
 * The most one part may unpack to. A 50 MB file can hold gigabytes of XML (a "zip bomb"), and a
 * JavaScript string can't be longer than about 512 MB anyway.
 */
export const MAX_PART_BYTES = 400 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface Entry {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

/**
 * The entries of a .zip (an .xlsx is one), found through its central directory. Node's zlib does
 * the inflating, so reading an entry costs about what copying it does.
 */
export function zipEntries(data: Buffer): ZipEntries {
  const entries = new Map<string, Entry>();
  const end = findEndOfDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new NotForLeanReader('ZIP64 archive');
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new UnreadableXlsx('the zip directory is damaged');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const crc = data.readUInt32LE(at + 16);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const headerOffset = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw new NotForLeanReader('encrypted zip entry');
    if (compressedSize === 0xffffffff || headerOffset === 0xffffffff) throw new NotForLeanReader('ZIP64 entry');
    entries.set(name, { method, crc, compressedSize, size, headerOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return {
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      return entry && inflate(data, entry);
    },
    stored: () => [...entries].map(([name, e]) => ({ name, method: e.method, crc: e.crc, size: e.size, data: storedBytes(data, e) })),
  };
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
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw new UnreadableXlsx('a zip entry is damaged');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  return data.subarray(start, start + entry.compressedSize);
}

function inflate(data: Buffer, entry: Entry): Buffer {
  const tooBig = () => new UnreadableXlsx(`a part of it unpacks to more than ${MAX_PART_BYTES / 1048576} MB`);
  if (entry.size > MAX_PART_BYTES) throw tooBig();
  const bytes = storedBytes(data, entry);
  if (entry.method === 0) return bytes;
  if (entry.method === 8) {
    try {
      // The limit again as it inflates: the size in the directory is the file's word, not a fact.
      return inflateRawSync(bytes, { maxOutputLength: MAX_PART_BYTES });
    } catch (e) {
      if (e instanceof RangeError) throw tooBig();
      throw new UnreadableXlsx(`a part of it is damaged (${(e as Error).message})`);
    }
  }
  throw new NotForLeanReader(`zip compression method ${entry.method}`);
}
