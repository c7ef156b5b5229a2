// The toolbar icon, drawn at run time: three stacked bars, top to bottom tracking, sale,
// retention, each filled with its level's colour; "unknown" is a hollow grey outline (never a
// filled colour, so "not mentioned" cannot pass for "bad"). The icon does not rely on colour
// alone, even at 16 px where no symbol fits: a bar's length is its level too, like a meter of
// concern (good a short stub, caution two thirds, bad the full width; unknown a full-width
// hollow outline). From 32 px up each filled bar also carries its level's symbol (✓, !, ✗). iconShapes() is pure
// geometry (tested in Node, also used by tools/make-icons.mjs for the static PNGs);
// drawIcon() paints it on a 2D canvas context (OffscreenCanvas in the service worker).

import { LEVEL_COLORS, PRACTICES } from "./badge.js";

/** The brand colour of the idle icon (nothing analyzed on this tab). */
export const IDLE_COLOR = "#4f46e5";

/** Length of a filled bar per level, as a share of the full width (the shape cue at 16 px). */
export const LEVEL_LENGTHS = Object.freeze({ good: 0.4, caution: 0.7, bad: 1 });

/** Toolbar sizes painted at run time. */
export const ICON_SIZES = Object.freeze([16, 32]);

/**
 * Shapes for an icon of `size` px: [{type: "bar", x, y, w, h, r, fill | stroke, lineWidth},
 * {type: "glyph", glyph: "check" | "cross" | "bang", x, y, w, h, stroke, lineWidth}].
 * `segments` is badgeState().segments, or null for the idle icon (a brand-coloured card with
 * three white lines of decreasing length, like a page of text).
 */
export function iconShapes(size, segments = null) {
  if (!Number.isInteger(size) || size < 16) throw new RangeError("iconShapes: size must be an integer ≥ 16");
  const unit = size / 16;
  const pad = unit;
  const gap = unit;
  const h = (size - 2 * pad - 2 * gap) / 3;
  const w = size - 2 * pad;
  const shapes = [];
  for (let i = 0; i < 3; i++) {
    const y = pad + i * (h + gap);
    if (!segments) {
      // The idle icon: a brand-coloured card with three lines of text (the three rows to come).
      if (i === 0) shapes.push({ type: "bar", x: 0, y: 0, w: size, h: size, r: size * 0.22, fill: IDLE_COLOR });
      const inset = size * 0.22;
      const lh = size * 0.12;
      const ly = size * (0.25 + i * 0.2);
      const width = (size - 2 * inset) * [1, 0.82, 0.6][i];
      shapes.push({ type: "bar", x: inset, y: ly, w: width, h: lh, r: lh / 2, fill: "#ffffff" });
      continue;
    }
    const seg = segments[i] ?? { practice: PRACTICES[i], level: "unknown" };
    const level = LEVEL_COLORS[seg.level] ? seg.level : "unknown";
    if (level === "unknown") {
      const lw = Math.max(1, unit * 1.25);
      shapes.push({
        type: "bar",
        x: pad + lw / 2,
        y: y + lw / 2,
        w: w - lw,
        h: h - lw,
        r: (h - lw) / 2,
        stroke: LEVEL_COLORS.unknown,
        lineWidth: lw,
      });
      continue;
    }
    // Whole pixels, so that the three lengths stay crisp and distinct at 16 px.
    const bw = Math.max(h, Math.round(w * LEVEL_LENGTHS[level]));
    shapes.push({ type: "bar", x: pad, y, w: bw, h, r: h / 2, fill: LEVEL_COLORS[level] });
    if (size >= 32) {
      const g = h * 0.62;
      const glyph = { good: "check", caution: "bang", bad: "cross" }[level];
      shapes.push({
        type: "glyph",
        glyph,
        x: pad + h / 2 - g / 2 + unit,
        y: y + (h - g) / 2,
        w: g,
        h: g,
        stroke: "#ffffff",
        lineWidth: Math.max(1.5, unit * 1.4),
      });
    }
  }
  return shapes;
}

/** The polylines of a glyph in its box, as arrays of [x, y] points. */
export function glyphLines({ glyph, x, y, w, h }) {
  switch (glyph) {
    case "check":
      return [[[x, y + h * 0.55], [x + w * 0.38, y + h * 0.9], [x + w, y + h * 0.1]]];
    case "cross":
      return [
        [[x, y], [x + w, y + h]],
        [[x + w, y], [x, y + h]],
      ];
    case "bang":
      return [
        [[x + w / 2, y], [x + w / 2, y + h * 0.42]],
        [[x + w / 2, y + h * 0.98], [x + w / 2, y + h]],
      ];
    default:
      return [];
  }
}

function roundedRect(ctx, { x, y, w, h, r }) {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

/** Paints iconShapes(size, segments) on a CanvasRenderingContext2D-like `ctx`. */
export function drawIcon(ctx, size, segments = null) {
  ctx.clearRect(0, 0, size, size);
  for (const s of iconShapes(size, segments)) {
    if (s.type === "bar") {
      roundedRect(ctx, s);
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill();
      } else {
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = s.lineWidth;
        ctx.stroke();
      }
    } else if (s.type === "glyph") {
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = s.lineWidth;
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      for (const line of glyphLines(s)) {
        ctx.beginPath();
        line.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
        ctx.stroke();
      }
    }
  }
}

/** {16: ImageData, 32: ImageData} for chrome.action.setIcon, drawn with OffscreenCanvas. */
export function iconImageData(segments = null) {
  const out = {};
  for (const size of ICON_SIZES) {
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext("2d");
    drawIcon(ctx, size, segments);
    out[size] = ctx.getImageData(0, 0, size, size);
  }
  return out;
}
