// zlib.crc32 is in Node from 20.15 (package.json engines).
import { crc32, deflateRawSync } from 'zlib';
import { zipEntries, type StoredEntry } from './zipEntries';

const STORED = 0;
const DEFLATE = 8;
const UTF8_NAMES = 0x0800;
const DOS_DATE_1980 = 0x21; // 1 January 1980, the earliest date a zip can carry

/**
 * A copy of a zip with some entries replaced and others added, every entry compressed. Entries
 * left alone that are compressed already are copied as they are; entries stored uncompressed are
 * deflated by Node's zlib, which is several times faster than the JavaScript deflate ExcelJS uses
 * (so the writer has ExcelJS store, and compresses here).
 */
export function rewriteZip(data: Buffer, changes: ReadonlyMap<string, string | Buffer>): Buffer {
  const kept = zipEntries(data).stored();
  const changed = (name: string, content: string | Buffer): StoredEntry => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return { name, method: DEFLATE, crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes) };
  };
  const unchanged = (e: StoredEntry): StoredEntry =>
    e.method === STORED && e.size > 0 ? { ...e, method: DEFLATE, data: deflateRawSync(e.data) } : e;
  const names = new Set(kept.map((e) => e.name));
  const entries = [
    ...kept.map((e) => (changes.has(e.name) ? changed(e.name, changes.get(e.name)!) : unchanged(e))),
    ...[...changes].filter(([name]) => !names.has(name)).map(([name, content]) => changed(name, content)),
  ];
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags, method, time, date, crc, sizes, name length, extra length
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    directory.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
