// Generates the app icon set in resources/icons/ with nothing but Node (zlib):
//   png/<N>x<N>.png  Linux (electron-builder reads the folder), 16 ... 1024
//   icon.png         1024 px, the generic source
//   icon.ico         Windows, PNG-compressed entries 16 ... 256
//   icon.icns        macOS, PNG entries 16 ... 1024
// Hand-written on purpose: the project has no image tooling (no sharp, canvas or ImageMagick on
// the offline build machines), and the icon is plain geometry — a red rounded square, an open
// book and a gold star — so a tiny rasteriser with supersampling draws it crisply at every size.
// Deterministic: the same script writes byte-identical files. Run: node build/icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'icons');

// ---- PNG encoding ---------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) -> PNG bytes (8-bit RGBA, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Drawing --------------------------------------------------------------------------------
const RED = [163, 32, 28];
const PAPER = [246, 244, 239];
const SHADE = [222, 212, 196];
const GOLD = [242, 193, 78];

function insidePolygon(x, y, pts) {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

const star = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 0.085 : 0.036;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return [0.5 + r * Math.cos(a), 0.205 + r * Math.sin(a)];
});
const leftPage = [
  [0.17, 0.33],
  [0.485, 0.385],
  [0.485, 0.79],
  [0.17, 0.735],
];
const rightPage = leftPage.map(([x, y]) => [1 - x, y]);
/** Text lines on the pages: thin bands, drawn only where they stay visible. */
const lines = [0.46, 0.54, 0.62].flatMap((y) => [
  [
    [0.22, y - 0.006 - 0.03],
    [0.44, y - 0.006 + 0.008],
    [0.44, y + 0.012 + 0.008],
    [0.22, y + 0.012 - 0.03],
  ],
]);
const rightLines = lines.map((poly) => poly.map(([x, y]) => [1 - x, y]));

/** The colour at a point of the unit square, or null for transparent. */
function colourAt(x, y, detailed) {
  if (!insideRoundedSquare(x, y, 0.04, 0.2)) return null;
  if (insidePolygon(x, y, star)) return GOLD;
  if (insidePolygon(x, y, leftPage) || insidePolygon(x, y, rightPage)) {
    if (detailed && (lines.some((p) => insidePolygon(x, y, p)) || rightLines.some((p) => insidePolygon(x, y, p)))) {
      return SHADE;
    }
    return PAPER;
  }
  return RED;
}

/** Renders the icon at size x size with n x n samples per pixel (premultiplied averaging). */
export function renderIcon(size) {
  const n = size >= 256 ? 3 : 4;
  const detailed = size >= 48;
  const px = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let qx = 0; qx < size; qx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((qx + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, detailed);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + qx) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return encodePng(size, size, px);
}

// ---- Containers -----------------------------------------------------------------------------
/** Windows .ico with PNG-compressed entries (supported since Vista). */
export function encodeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const dir = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, png } of pngs) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    dir.push(e);
  }
  return Buffer.concat([header, ...dir, ...pngs.map((p) => p.png)]);
}

/** macOS .icns with PNG entries. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const total = 8 + parts.reduce((s, p) => s + p.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...parts]);
}

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function main() {
  mkdirSync(join(outDir, 'png'), { recursive: true });
  const png = new Map(PNG_SIZES.map((s) => [s, renderIcon(s)]));
  for (const [size, bytes] of png) writeFileSync(join(outDir, 'png', `${size}x${size}.png`), bytes);
  writeFileSync(join(outDir, 'icon.png'), png.get(1024));
  writeFileSync(join(outDir, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  writeFileSync(
    join(outDir, 'icon.icns'),
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))),
  );
  console.log(`icons written to ${outDir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
