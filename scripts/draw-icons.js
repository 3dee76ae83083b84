#!/usr/bin/env node
'use strict';
/**
 * Draws Råderum's icons (assets/icon-16.png … icon-128.png) with no dependencies:
 * a deep-green rounded square with three rising bars and a lighter "room" bar
 * above the line, the råderum. Shapes are supersampled for smooth edges.
 * Run: node scripts/draw-icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [0x0b, 0x6a, 0x50];
const WHITE = [0xff, 0xff, 0xff];
const MINT = [0x9f, 0xe6, 0xc8];

/** Coverage of a shape at pixel (x, y), by 4×4 supersampling; shapes use unit coordinates 0..1. */
function coverage(size, x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const roundedSquare = (r) => (u, v) => {
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
};
const rect = (x0, y0, x1, y1) => (u, v) => u >= x0 && u <= x1 && v >= y0 && v <= y1;

function draw(size) {
  // Small sizes get fewer, bolder shapes.
  const small = size <= 16;
  const bars = small
    ? [rect(0.2, 0.55, 0.38, 0.8), rect(0.62, 0.3, 0.8, 0.8)]
    : [rect(0.2, 0.58, 0.33, 0.8), rect(0.43, 0.44, 0.56, 0.8), rect(0.66, 0.3, 0.79, 0.8)];
  const room = small ? rect(0.62, 0.16, 0.8, 0.26) : rect(0.66, 0.16, 0.79, 0.25);
  const base = rect(0.14, 0.82, 0.86, small ? 0.88 : 0.86);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, roundedSquare(0.2));
      const fg = Math.min(1, bars.reduce((a, b) => a + coverage(size, x, y, b), 0) + coverage(size, x, y, base));
      const mint = coverage(size, x, y, room);
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(GREEN[c] * (1 - fg - mint) + WHITE[c] * fg + MINT[c] * mint);
      pixels[o + 3] = Math.round(255 * bg);
    }
  return png(size, pixels);
}

function png(size, rgba) {
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buffer) {
  let crc = -1;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

module.exports = { ICON_SIZES: [16, 32, 64, 80, 128] };
if (require.main === module)
  for (const size of module.exports.ICON_SIZES)
    fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), draw(size));
