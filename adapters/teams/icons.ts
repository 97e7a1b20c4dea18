// Draws the Teams app icons (color 192×192, outline 32×32 white on transparent) and encodes them as PNG with
// node:zlib: no image library needed. `npm run teams:package -- --icons` writes them to manifest/teams/.
import { crc32, deflateSync } from 'node:zlib';

type Shape = (x: number, y: number) => boolean;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const outline =
  (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  (x, y) =>
    rect(x0, y0, x1, y1)(x, y) && !rect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y);
const roundedSquare =
  (r: number): Shape =>
  (x, y) => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;
  };
/** Arrow head pointing right: tip at (tx, cy), base at x = bx, half height h. */
const head =
  (bx: number, tx: number, cy: number, h: number): Shape =>
  (x, y) =>
    x >= bx && x <= tx && Math.abs(y - cy) <= (h * (tx - x)) / (tx - bx);

/** The symbol, in unit coordinates: an administration (open box) moving to its new environment (filled box). */
function symbol(stroke: number): Shape {
  const parts = [
    outline(0.12, 0.28, 0.37, 0.72, stroke),
    rect(0.63, 0.28, 0.88, 0.72),
    rect(0.41, 0.5 - stroke * 0.7, 0.5, 0.5 + stroke * 0.7),
    head(0.48, 0.6, 0.5, 0.13),
  ];
  return (x, y) => parts.some((p) => p(x, y));
}

const ACCENT: [number, number, number] = [0x1e, 0x5a, 0xa8];
const WHITE: [number, number, number] = [255, 255, 255];

/** RGBA pixels with 4×4 supersampling, so edges are smooth at 32 px too. */
function draw(size: number, layers: { shape: Shape; color: [number, number, number] }[]): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / size;
          const v = (y + (sy + 0.5) / n) / size;
          // The topmost layer that covers the sample wins.
          const hit = [...layers].reverse().find((l) => l.shape(u, v));
          if (!hit) continue;
          r += hit.color[0];
          g += hit.color[1];
          b += hit.color[2];
          a++;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return px;
}

export function colorIcon(): Buffer {
  return encodePng(
    192,
    192,
    draw(192, [
      { shape: roundedSquare(0.18), color: ACCENT },
      { shape: symbol(0.05), color: WHITE },
    ]),
  );
}

/** Teams wants the outline icon white on transparent: only the alpha channel carries the drawing. */
export function outlineIcon(): Buffer {
  return encodePng(32, 32, draw(32, [{ shape: symbol(0.07), color: WHITE }]));
}

export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
