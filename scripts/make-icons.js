#!/usr/bin/env node
'use strict';
// Writes the add-in's icons (assets/icon-16.png ... icon-80.png): a blue tile with three rising white
// bars, drawn per pixel and encoded as PNG with zlib, so no image tool is needed. Run again only to
// change the design: `node scripts/make-icons.js`.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];

function crc32(buffer) {
  let c;
  let crc = 0xffffffff;
  for (const byte of buffer) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(x, y, size) {
  const radius = size / 6;
  const inside = (cx, cy) => (cx - x - 0.5) ** 2 + (cy - y - 0.5) ** 2 <= radius ** 2;
  const corner =
    (x < radius && y < radius && !inside(radius, radius)) ||
    (x >= size - radius && y < radius && !inside(size - radius, radius)) ||
    (x < radius && y >= size - radius && !inside(radius, size - radius)) ||
    (x >= size - radius && y >= size - radius && !inside(size - radius, size - radius));
  if (corner) return [0, 0, 0, 0];
  // Three bars of rising height on the NHS-blue tile.
  const u = x / size;
  const v = y / size;
  const bars = [
    [0.2, 0.34, 0.55],
    [0.42, 0.56, 0.4],
    [0.64, 0.78, 0.22],
  ];
  if (v < 0.8 && bars.some(([from, to, top]) => u >= from && u < to && v >= top)) return [255, 255, 255, 255];
  return [0x1f, 0x4e, 0x79, 255];
}

const dir = path.join(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size, icon));
console.log(`wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(', ')}`);
