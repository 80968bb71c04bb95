// zlib.crc32 is in Node from 20.15 (package.json engines).
import { crc32, deflateRawSync } from 'zlib';

const DEFLATE = 8;
const UTF8_NAMES = 0x0800;
const DOS_DATE_1980 = 0x21; // 1 January 1980, the earliest date a zip can carry

/**
 * A .zip built one entry at a time: each part is compressed by Node's zlib as it is added and only
 * its compressed bytes are kept, so a workbook's memory is its largest part plus the finished file.
 */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly directory: Buffer[] = [];
  private offset = 0;

  add(name: string, content: string | Buffer): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const data = deflateRawSync(bytes);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc32(bytes) >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags, method, time, date, crc, sizes, name length, extra length
    central.writeUInt32LE(this.offset, 42);
    this.chunks.push(local, nameBytes, data);
    this.directory.push(central, nameBytes);
    this.offset += local.length + nameBytes.length + data.length;
  }

  /** The whole archive: the entries, then the directory that lists them. */
  finish(): Buffer {
    const count = this.directory.length / 2;
    // Far beyond any workbook bcf lays out (WORKBOOK_LIMITS caps the cards): refused, not written corrupt.
    if (count > 0xffff || this.offset > 0xffffffff) throw new Error('the workbook needs a ZIP64 archive');
    const directorySize = this.directory.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, ...this.directory, end]);
  }
}
