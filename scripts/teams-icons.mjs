// Draws the two Teams app icons (exact sizes required by the manifest): color.png 192×192 (a coin
// on the accent colour) and outline.png 32×32 (a white ring on transparent). Run once:
// `node scripts/teams-icons.mjs`; the PNGs are committed. Plain zlib, no image library.
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x + 0.5, y + 0.5), 1 + x * 4);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

const accent = [46, 125, 50, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];

/** Inside a heart of this radius centred at (cx, cy): (u² + v² − 1)³ − u²v³ ≤ 0. */
function inHeart(x, y, cx, cy, r) {
  const u = (x - cx) / r;
  const v = -(y - cy) / r + 0.1;
  return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
}

// A coin with a heart: every comment is a small gift.
const color = png(192, (x, y) => {
  const d = Math.hypot(x - 96, y - 96);
  if (d < 64 && d > 54) return white;
  if (inHeart(x, y, 96, 98, 30)) return white;
  return accent;
});
const outline = png(32, (x, y) => {
  const d = Math.hypot(x - 16, y - 16);
  if (d < 14 && d > 12) return white;
  if (inHeart(x, y, 16, 16.5, 6.5)) return white;
  return clear;
});
writeFileSync(new URL("../manifest/teams/color.png", import.meta.url), color);
writeFileSync(new URL("../manifest/teams/outline.png", import.meta.url), outline);
console.log("wrote manifest/teams/color.png (192×192) and outline.png (32×32)");
