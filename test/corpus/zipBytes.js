'use strict';
/**
 * A small zip writer for the bad-input corpus: it writes what real tools write (stored or deflated
 * entries, ZIP64 records as streaming writers emit them) and lets a case damage exactly one thing
 * (a checksum, a declared size) where a zip library would refuse to.
 */
const zlib = require('zlib');

/**
 * @param {{name: string, data: Buffer|string, method?: 0|8, crc?: number, size?: number, flags?: number}[]} entries
 * @param {{zip64?: boolean}} [options]  zip64: every entry and the end record in ZIP64 form
 */
function zipBytes(entries, options = {}) {
  const zip64 = !!options.zip64;
  const locals = [];
  const directory = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const method = entry.method ?? 8;
    const stored = entry.stored ?? (method === 8 ? zlib.deflateRawSync(raw) : raw);
    const crc = entry.crc ?? zlib.crc32(raw) >>> 0;
    const size = entry.size ?? raw.length;
    const name = Buffer.from(entry.name, 'utf8');
    const extraLocal = zip64 ? zip64Extra([size, stored.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? 0xffffffff : stored.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extraLocal.length, 28);
    locals.push(local, name, extraLocal, stored);
    const extraCentral = zip64 ? zip64Extra([size, stored.length, offset]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : stored.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extraCentral.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    directory.push(central, name, extraCentral);
    offset += 30 + name.length + extraLocal.length + stored.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const tail = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directoryBytes.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directoryBytes.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryBytes.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, directoryBytes, ...tail, end]);
}

function zip64Extra(values) {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** The entries of a zip as {name, data}, inflated (stored and deflated entries only: what the corpus's sources hold). */
function unzip(buffer) {
  const entries = [];
  let end = buffer.length - 22;
  while (buffer.readUInt32LE(end) !== 0x06054b50) end--;
  let at = buffer.readUInt32LE(end + 16);
  for (let i = buffer.readUInt16LE(end + 10); i > 0; i--) {
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const stored = buffer.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored) });
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

module.exports = { zipBytes, unzip };
