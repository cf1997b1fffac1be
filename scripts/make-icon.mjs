#!/usr/bin/env node
// Draws images/icon.png (128×128 RGBA): a news page whose noise lines are dimmed and whose article lines
// are bright, with one highlighted quote. Pure Node (zlib + a hand-written PNG encoder), no dependencies.
// Usage: node scripts/make-icon.mjs [out.png]
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const W = 128, H = 128;
const px = new Uint8Array(W * H * 4);

function blend(x, y, [r, g, b, a]) {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  const A = a / 255, B = px[i + 3] / 255;
  const out = A + B * (1 - A);
  if (out === 0) return;
  px[i] = Math.round((r * A + px[i] * B * (1 - A)) / out);
  px[i + 1] = Math.round((g * A + px[i + 1] * B * (1 - A)) / out);
  px[i + 2] = Math.round((b * A + px[i + 2] * B * (1 - A)) / out);
  px[i + 3] = Math.round(out * 255);
}
// Rounded rectangle with 4× supersampled edges.
function rect(x0, y0, x1, y1, rad, color) {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      let cover = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const px_ = x + (sx + 0.5) / 4, py = y + (sy + 0.5) / 4;
        if (px_ < x0 || px_ > x1 || py < y0 || py > y1) continue;
        const cx = Math.min(Math.max(px_, x0 + rad), x1 - rad), cy = Math.min(Math.max(py, y0 + rad), y1 - rad);
        if ((px_ - cx) ** 2 + (py - cy) ** 2 <= rad * rad) cover++;
      }
      if (cover) blend(x, y, [color[0], color[1], color[2], Math.round(color[3] * cover / 16)]);
    }
  }
}

// Background tile.
rect(0, 0, 128, 128, 22, [43, 47, 54, 255]);
// Page.
rect(22, 14, 106, 114, 6, [246, 244, 238, 255]);
// Headline.
rect(30, 22, 98, 30, 2, [40, 40, 48, 255]);
// Dimmed noise lines (menus, [ad_1], share buttons).
for (const [y, w] of [[36, 26], [42, 38]]) rect(30, y, 30 + w, y + 3, 1.5, [40, 40, 48, 70]);
// Article lines, one with a quote highlight and one name in colour.
const body = [[52, 68], [58, 64], [64, 68], [70, 52], [80, 68], [86, 60]];
for (const [y, w] of body) rect(30, y, 30 + w, y + 4, 2, [40, 40, 48, 230]);
rect(28, 62.5, 84, 69.5, 3, [175, 0, 219, 70]); // quote background
rect(30, 80, 52, 84, 2, [0, 98, 163, 255]); // a person name
// Noise at the bottom (footer), dimmed.
for (const [y, w] of [[96, 30], [102, 20]]) rect(30, y, 30 + w, y + 3, 1.5, [40, 40, 48, 70]);

// PNG encoding.
const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * W * 4, W * 4).copy(raw, y * (W * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? 'images/icon.png';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
