// The policy text pane: the analyzed text with every evidence sentence in a <mark>. Built from
// text nodes and elements created here (never innerHTML), so markup in a pasted policy is shown
// as the characters it is. Large texts are cut into chunks that the browser lays out lazily
// (content-visibility), which keeps a 5 MB policy responsive.

import { PRACTICES } from "./ui/report-view.js";

/** Chunks are cut at a line break after at least this many characters. */
const CHUNK_CHARS = 16_000;
/** From this length on, chunks are laid out only when scrolled near (class "is-large"). */
const LARGE_CHARS = 200_000;

/**
 * The evidence of a report as non-overlapping ranges of `text` (UTF-16 offsets), sorted:
 * [{start, end, ids: ["start:end" of each item shown], keys: ["tracking", "finding:children", ...],
 * level}]. An item whose offsets do not
 * point at its quote in `text` is left out (it cannot be highlighted honestly).
 */
export function evidenceRanges(report, text) {
  const byOffsets = new Map();
  const add = (key, level, e) => {
    if (!e || !Number.isInteger(e.start_utf16) || !Number.isInteger(e.end_utf16)) return;
    if (e.end_utf16 <= e.start_utf16 || text.slice(e.start_utf16, e.end_utf16) !== e.quote) return;
    const id = `${e.start_utf16}:${e.end_utf16}`;
    const range = byOffsets.get(id) ?? { start: e.start_utf16, end: e.end_utf16, ids: [id], keys: [], levels: [] };
    if (!range.keys.includes(key)) {
      range.keys.push(key);
      range.levels.push(level);
    }
    byOffsets.set(id, range);
  };
  for (const k of PRACTICES) {
    const p = report?.practices?.[k];
    for (const e of p?.evidence ?? []) add(k, p.level, e);
  }
  for (const f of report?.findings ?? []) add(`finding:${f.id}`, "finding", f.evidence);

  const sorted = [...byOffsets.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const r of sorted) {
    const prev = out[out.length - 1];
    if (prev && r.start < prev.end) {
      // Overlapping sentences: the later one starts where the earlier ends.
      if (r.end <= prev.end) {
        prev.ids.push(...r.ids);
        for (const [i, key] of r.keys.entries()) {
          if (!prev.keys.includes(key)) {
            prev.keys.push(key);
            prev.levels.push(r.levels[i]);
          }
        }
        continue;
      }
      r.start = prev.end;
    }
    out.push(r);
  }
  for (const r of out) {
    // The strongest practice decides the colour: bad > caution > good > unknown > finding.
    const order = ["bad", "caution", "good", "unknown", "finding"];
    r.level = r.levels.slice().sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
    delete r.levels;
  }
  return out;
}

/** Chunk boundaries: [start, end) pairs that cover `text`, never cutting a range. */
export function chunkBounds(text, ranges, size = CHUNK_CHARS) {
  const bounds = [];
  let start = 0;
  let r = 0;
  while (start < text.length) {
    let cut = text.length;
    let from = start + size;
    while (from < text.length) {
      // After a line break (a trailing break does not add a line, so the text looks the same).
      const nl = text.indexOf("\n", from);
      if (nl < 0) break;
      while (r < ranges.length && ranges[r].end <= nl) r++;
      if (r < ranges.length && ranges[r].start <= nl) {
        from = ranges[r].end;
        continue;
      }
      cut = nl + 1;
      break;
    }
    bounds.push([start, cut]);
    start = cut;
  }
  return bounds;
}

/**
 * Fills `pane` with `text`, marking the report's evidence. `labelOf(key)` gives the short label
 * shown on a mark ("Tracking"). Returns the marks by "start:end" offsets, for scrolling to them.
 */
export function renderHighlighted(pane, text, report, labelOf) {
  const ranges = report ? evidenceRanges(report, text) : [];
  const marks = new Map();
  const chunks = [];
  let r = 0;
  for (const [start, end] of chunkBounds(text, ranges)) {
    const chunk = document.createElement("div");
    chunk.className = "text-chunk";
    let at = start;
    while (r < ranges.length && ranges[r].start < end) {
      const range = ranges[r];
      if (range.start > at) chunk.append(document.createTextNode(text.slice(at, range.start)));
      const mark = document.createElement("mark");
      mark.className = `evidence evidence-${range.level}`;
      mark.dataset.keys = range.keys.join(" ");
      mark.dataset.start = String(range.start);
      mark.dataset.label = range.keys.map(labelOf).join(" · ");
      mark.tabIndex = -1;
      mark.append(document.createTextNode(text.slice(range.start, range.end)));
      chunk.append(mark);
      for (const id of range.ids) marks.set(id, mark);
      at = range.end;
      r++;
    }
    if (at < end) chunk.append(document.createTextNode(text.slice(at, end)));
    chunks.push(chunk);
  }
  pane.classList.toggle("is-large", text.length >= LARGE_CHARS);
  pane.replaceChildren(...chunks);
  return marks;
}
