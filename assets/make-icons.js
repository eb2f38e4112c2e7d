#!/usr/bin/env node
/**
 * Generates the add-in icons (PNG, RGBA) without any image library: pixels are computed from a few
 * shapes with 4x4 supersampling, then written with zlib (deflate) and a hand-made CRC-32.
 * Design: a green spreadsheet tile (Excel green) with a white check mark; from 32 px up, "CC" on top.
 * Run: node assets/make-icons.js  (writes icon-16.png, icon-32.png, icon-64.png, icon-80.png, logo-filled.png)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** rgba: Uint8Array of size*size*4. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------- shapes in unit coordinates (0..1)

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** A "C": a ring open on the right. */
function inC(x, y, cx, cy, r, w) {
  const d = Math.hypot(x - cx, y - cy);
  if (d < r - w / 2 || d > r + w / 2) return false;
  const a = Math.abs(Math.atan2(y - cy, x - cx));
  return a > Math.PI / 4;
}

const GREEN = [0x21, 0x73, 0x46];
const DARK = [0x18, 0x5c, 0x37];
const WHITE = [0xff, 0xff, 0xff];

/** Colour of the point (x, y) in 0..1, or null for transparent. */
function paint(x, y, size) {
  const margin = size <= 16 ? 0.03 : 0.06;
  if (!inRoundedRect(x, y, margin, margin, 1 - margin, 1 - margin, 0.14)) return null;
  const withText = size >= 32;
  // check mark
  const w = size <= 16 ? 0.15 : 0.11;
  const pts = withText
    ? [[0.3, 0.72], [0.45, 0.85], [0.76, 0.56]]
    : [[0.22, 0.52], [0.42, 0.72], [0.8, 0.3]];
  if (distToSegment(x, y, ...pts[0], ...pts[1]) < w / 2 || distToSegment(x, y, ...pts[1], ...pts[2]) < w / 2) return WHITE;
  if (withText) {
    if (inC(x, y, 0.33, 0.31, 0.15, 0.075) || inC(x, y, 0.67, 0.31, 0.15, 0.075)) return WHITE;
    // a darker band: the sheet's header row under the letters
    if (y > 0.5 && y < 0.53) return DARK;
  }
  return GREEN;
}

function render(size) {
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return out;
}

const FILES = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["logo-filled.png", 128],
];

if (require.main === module) {
  for (const [name, size] of FILES) {
    fs.writeFileSync(path.join(__dirname, name), encodePng(size, render(size)));
    console.log(`${name} ${size}x${size}`);
  }
}

module.exports = { encodePng, crc32, render, FILES };
