// Draws build/icon.png (512×512): a rounded blue tile with a white headset, the app icon from which
// electron-builder derives the .ico, .icns and Linux sizes. Run `node build/make-icon.mjs` to redraw.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const size = 512;

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as a PNG file. */
export function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of the icon's shapes at a pixel centre: tile, and the headset drawn on it. */
function shade(x, y) {
  const c = size / 2;
  const r = 96; // tile corner radius
  const inset = 24;
  const qx = Math.max(Math.abs(x - c) - (c - inset - r), 0);
  const qy = Math.max(Math.abs(y - c) - (c - inset - r), 0);
  const tile = Math.hypot(qx, qy) <= r;
  const d = Math.hypot(x - c, y - 270);
  const band = d >= 120 && d <= 150 && y <= 280; // headband arc
  const cup = (cx) =>
    Math.abs(x - cx) <= 32 &&
    y >= 250 &&
    y <= 360 &&
    Math.hypot(Math.max(Math.abs(x - cx) - 14, 0), Math.max(Math.abs(y - 305) - 37, 0)) <= 18;
  const boom = Math.abs(Math.hypot(x - 290, y - 330) - 100) <= 10 && x >= 290 && y >= 330;
  const mic = Math.hypot(x - 280, y - 430) <= 22;
  return { tile, glyph: band || cup(c - 135) || cup(c + 135) || boom || mic };
}

export function drawIcon() {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { tile, glyph } = shade(x + 0.5, y + 0.5);
      const i = (y * size + x) * 4;
      if (!tile) continue; // transparent outside the tile
      const [r, g, b] = glyph ? [255, 255, 255] : [0x1f, 0x5f, 0xbf];
      pixels.set([r, g, b, 255], i);
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'make-icon.mjs')) {
  const out = path.join(import.meta.dirname, 'icon.png');
  writeFileSync(out, drawIcon());
  console.log(`Wrote ${out}`);
}
