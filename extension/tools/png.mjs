// Minimal PNG encoding and shape rasterizing for the static icons (Node only, no dependencies).
import { deflateSync } from "node:zlib";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zip and PNG use it. */
export function crc32(buf, crc = 0) {
  let c = ~crc >>> 0;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG file of an RGBA image (`rgba`: size*size*4 bytes). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insideRoundedRect(px, py, { x, y, w, h, r }) {
  if (px < x || px > x + w || py < y || py > y + h) return false;
  const rr = Math.min(r, w / 2, h / 2);
  const cx = Math.min(Math.max(px, x + rr), x + w - rr);
  const cy = Math.min(Math.max(py, y + rr), y + h - rr);
  return (px - cx) ** 2 + (py - cy) ** 2 <= rr * rr;
}

function hex(color) {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`png: colour ${color} must be #rrggbb`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Rasterizes filled "bar" shapes (icon.js iconShapes) with 4×4 supersampling. */
export function rasterize(size, shapes) {
  const rgba = new Uint8Array(size * size * 4);
  const S = 4;
  for (const s of shapes) {
    if (s.type !== "bar" || !s.fill) throw new Error("png: only filled bars are rasterized here");
    const [r, g, b] = hex(s.fill);
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        let hits = 0;
        for (let sy = 0; sy < S; sy++) {
          for (let sx = 0; sx < S; sx++) {
            if (insideRoundedRect(px + (sx + 0.5) / S, py + (sy + 0.5) / S, s)) hits++;
          }
        }
        if (hits === 0) continue;
        const a = hits / (S * S);
        const i = (py * size + px) * 4;
        const under = rgba[i + 3] / 255;
        const out = a + under * (1 - a);
        rgba[i] = Math.round((r * a + rgba[i] * under * (1 - a)) / out);
        rgba[i + 1] = Math.round((g * a + rgba[i + 1] * under * (1 - a)) / out);
        rgba[i + 2] = Math.round((b * a + rgba[i + 2] * under * (1 - a)) / out);
        rgba[i + 3] = Math.round(out * 255);
      }
    }
  }
  return rgba;
}
