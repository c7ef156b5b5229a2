// The demo page: pick a sample, paste a policy or drop a .txt/.html file, and see the same summary
// card as the extension's popup (ui/report-view.js) next to the policy text with its evidence
// highlighted. The analysis runs in a module worker (worker.js); nothing leaves the browser.

import { loadTranslator, renderReport, renderState, reportAsText, verdictLabel, PRACTICES } from "./ui/report-view.js";
import { renderHighlighted } from "./highlight.js";

/** The most text the demo analyzes at once (UTF-8 bytes). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
/** The largest file it opens (an .html file is mostly markup). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Longer texts from a file are not copied into the textarea: laying out 5 MB there takes seconds. */
const TEXTAREA_MAX_CHARS = 256 * 1024;
/** Typing waits this long before analyzing; a paste, a sample or a file analyzes at once. */
const TYPING_PAUSE_MS = 400;
/** The "analyzing" card appears only when the answer takes longer than this. */
const ANALYZING_DELAY_MS = 120;

const $ = (selector) => document.querySelector(selector);
const ui = {
  samples: [...document.querySelectorAll("button.sample")],
  input: $("#policy-input"),
  analyze: $("#analyze"),
  file: $("#file-input"),
  summary: $("#summary"),
  meta: $("#meta"),
  source: $("#source-label"),
  text: $("#policy-text"),
  copy: $("#copy"),
  version: $("#version"),
  overlay: $("#drop-overlay"),
  announce: $("#announce"),
};

const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

// --- formatting -------------------------------------------------------------------------------

export function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatMs(ms) {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const byteLength = (text) => new Blob([text]).size;

// --- the analyzer in its worker -----------------------------------------------------------------

class Cancelled extends Error {}
/** The analyzer itself did not start (the worker or the wasm module did not load). */
class StartError extends Error {}

/** The worker, restarted when a new analysis supersedes one still running. */
class Analyzer {
  constructor(onReady, onFatal) {
    this.onReady = onReady;
    this.onFatal = onFatal;
    this.seq = 0;
    this.pending = null;
    this.spawn();
  }

  spawn() {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.addEventListener("message", ({ data }) => this.receive(data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(event.message || "the worker script did not load");
    });
  }

  fail(message) {
    const pending = this.pending;
    this.pending = null;
    if (pending) pending.reject(new StartError(message));
    else this.onFatal(message);
  }

  receive(data) {
    if (data.type === "ready") {
      this.onReady(data);
      return;
    }
    if (data.type === "error" && data.id === null) {
      this.fail(data.message);
      return;
    }
    const pending = this.pending;
    if (!pending || pending.id !== data.id) return; // an answer nobody waits for any more
    this.pending = null;
    if (data.type === "report") pending.resolve({ report: data.report, ms: data.ms, first: data.first });
    else if (data.type === "blocks") pending.resolve({ blocks: data.blocks });
    else pending.reject(data.fatal ? new StartError(data.message) : new Error(data.message));
  }

  run(kind, input, force) {
    if (this.pending) {
      // The worker is busy with an analysis nobody wants any more: start a fresh one.
      this.pending.reject(new Cancelled());
      this.pending = null;
      this.worker.terminate();
      this.spawn();
    }
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      this.worker.postMessage({ id, kind, input, force });
    });
  }
}

/** The text analyzeBlocks() analyzes (evidence offsets point into it): the blocks joined by "\n\n". */
export function blocksText(blocks) {
  return blocks
    .map((b) => b.text.trim())
    .filter((x) => x.length > 0)
    .join("\n\n");
}

// --- page state ---------------------------------------------------------------------------------

let t = (key) => key;
let analyzer = null;
/** What is shown: {label, lineage, kind: "text"|"blocks", text, blocks?} */
let source = null;
/** The last report per lineage (a sample, a file, pasted text), for "changed since" notices. */
const lastVerdicts = new Map();
let lastReport = null;
let marks = new Map();
let run = 0;
let shown = 0;
let typingTimer = 0;

function setMeta(text) {
  ui.meta.textContent = text;
}

function setPressedSample(name) {
  for (const b of ui.samples) b.setAttribute("aria-pressed", String(b.dataset.sample === name));
}

const defaultPlaceholder = ui.input.placeholder;

/** Shows a sample's or a file's text in the textarea, unless it is too long to edit there. */
function showInTextarea(text, name) {
  if (text.length <= TEXTAREA_MAX_CHARS) {
    ui.input.value = text;
    ui.input.placeholder = defaultPlaceholder;
    return false;
  }
  ui.input.value = "";
  ui.input.placeholder = t("demo_textarea_large", [name, formatBytes(byteLength(text))]);
  return true;
}

function clearText(message = t("demo_text_empty")) {
  marks = new Map();
  const p = document.createElement("p");
  p.className = "text-placeholder";
  p.textContent = message;
  ui.text.replaceChildren(p);
}

/** Tells screen readers the outcome in one short sentence (a polite live region). */
function announce(text) {
  ui.announce.textContent = text;
}

/**
 * Marks the card as showing the outcome for `lineage`: data-source says for what, data-shown
 * counts outcomes (so that a test can wait for the next one, not see the last).
 */
function markShown(lineage) {
  ui.summary.classList.add("has-result");
  ui.summary.dataset.source = lineage;
  ui.summary.dataset.shown = String(++shown);
}

/** A state instead of a report; `lineage` is what it is about (not for "analyzing"). */
function showState(state, message, lineage) {
  lastReport = null;
  ui.copy.disabled = true;
  renderState(ui.summary, state, { t, message });
  if (state === "analyzing") return;
  markShown(lineage);
  announce(ui.summary.textContent.replace(/\s+/g, " ").trim());
}

const markLabel = (key) => (key.startsWith("finding:") ? t("demo_mark_finding") : t(`view_practice_${key}`));

/** Scrolls the text pane to a quote and marks it as the current one; `focus` moves focus there. */
function showEvidence(item, { focus = false } = {}) {
  if (!item) return;
  const mark = marks.get(`${item.start_utf16}:${item.end_utf16}`);
  if (!mark) return;
  for (const m of ui.text.querySelectorAll("mark.is-current")) m.classList.remove("is-current");
  mark.classList.add("is-current");
  mark.scrollIntoView({ block: "center", inline: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
  if (focus) mark.focus({ preventScroll: true });
}

function changesSince(previous, report) {
  if (!previous) return [];
  return PRACTICES.filter((k) => previous[k] !== report.practices[k].verdict && previous[k] !== "not_analyzed" && report.practices[k].verdict !== "not_analyzed").map((k) => ({
    practice: k,
    from: previous[k],
    to: report.practices[k].verdict,
  }));
}

async function analyze(src, { force = false } = {}) {
  source = src;
  const token = ++run;
  ui.source.textContent = src.label;
  if (src.text.trim() === "") {
    showState("empty", t("demo_empty_body"), src.lineage);
    clearText();
    setMeta(t("demo_meta_idle"));
    return;
  }
  const bytes = byteLength(src.text);
  if (bytes > MAX_TEXT_BYTES) {
    showState("too_large", t("demo_too_large_body", [formatBytes(bytes), formatBytes(MAX_TEXT_BYTES)]), src.lineage);
    clearText();
    setMeta(t("demo_meta_idle"));
    return;
  }
  setMeta(t("demo_meta_running", formatBytes(bytes)));
  const slow = setTimeout(() => {
    if (token === run) showState("analyzing");
  }, ANALYZING_DELAY_MS);
  let result;
  try {
    result = src.kind === "blocks" ? await analyzer.run("blocks", src.blocks, force) : await analyzer.run("text", src.text, force);
  } catch (e) {
    clearTimeout(slow);
    if (e instanceof Cancelled || token !== run) return;
    showState("error", e instanceof StartError ? t("demo_worker_error", e.message) : String(e.message ?? e), src.lineage);
    setMeta(t("demo_meta_idle"));
    return;
  } finally {
    clearTimeout(slow);
  }
  if (token !== run) return;
  const { report, ms, first } = result;
  const verdicts = Object.fromEntries(PRACTICES.map((k) => [k, report.practices[k].verdict]));
  const changes = src.edited ? changesSince(lastVerdicts.get(src.lineage), report) : [];
  lastVerdicts.set(src.lineage, verdicts);
  lastReport = report;
  const notAnalyzed = PRACTICES.every((k) => report.practices[k].verdict === "not_analyzed");
  const actions =
    notAnalyzed && !report.is_policy && ["en", "und"].includes(report.language)
      ? [{ label: t("demo_analyze_anyway"), onClick: () => analyze(src, { force: true }) }]
      : undefined;
  renderReport(ui.summary, report, {
    t,
    onEvidence: (_key, item) => showEvidence(item, { focus: true }),
    onOpen: (_key, item) => showEvidence(item),
    changes,
    actions,
  });
  announce(
    notAnalyzed
      ? ui.summary.textContent.replace(/\s+/g, " ").trim()
      : t("demo_announce", PRACTICES.map((k) => `${t(`view_practice_${k}`)}: ${verdictLabel(k, report.practices[k].verdict, t)}`).join("; ")),
  );
  markShown(src.lineage);
  ui.copy.disabled = false;
  ui.copy.textContent = t("demo_copy");
  marks = renderHighlighted(ui.text, src.text, notAnalyzed ? null : report, markLabel);
  ui.text.scrollTop = 0;
  const took = first ? t("demo_first_run", formatMs(ms)) : formatMs(ms);
  setMeta(t("demo_meta_done", [formatBytes(report.stats.bytes), report.stats.sentences.toLocaleString("en"), took]));
  if (first) ui.meta.title = t("demo_first_run_title");
  else ui.meta.removeAttribute("title");
}

// --- inputs -------------------------------------------------------------------------------------

async function loadSample(button) {
  const name = button.dataset.sample;
  setPressedSample(name);
  let text;
  try {
    const response = await fetch(new URL(`./samples/${name}.txt`, import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (e) {
    showState("error", t("demo_read_error", [`samples/${name}.txt`, e.message]), `sample:${name}`);
    return;
  }
  showInTextarea(text, `${name}.txt`);
  const label = t("demo_sample_label", button.dataset.name);
  await analyze({ label, baseLabel: label, lineage: `sample:${name}`, kind: "text", text });
}

/** The textarea's text as a source: new pasted text, or an edit of what was shown before. */
function fromTextarea(fresh = false) {
  const text = ui.input.value;
  // Editing a sample, a file or earlier pasted text keeps its lineage, so that the card can say
  // what changed; a paste that replaces everything starts anew.
  if (source && !fresh) {
    const label = source.lineage === "pasted" ? t("demo_pasted") : t("demo_edited", source.baseLabel);
    return { label, baseLabel: source.baseLabel, lineage: source.lineage, kind: "text", text, edited: true };
  }
  return { label: t("demo_pasted"), baseLabel: t("demo_pasted"), lineage: "pasted", kind: "text", text, edited: false };
}

function analyzeTextareaNow(fresh = false) {
  clearTimeout(typingTimer);
  if (source && !fresh && (ui.input.value === source.text || (source.large && ui.input.value === ""))) {
    analyze(source); // unchanged: the same source again (a file stays a web page)
    return;
  }
  setPressedSample(null);
  analyze(fromTextarea(fresh));
}

async function openFile(file) {
  const name = file.name || "file";
  const isHtml = /\.html?$/i.test(name) || file.type === "text/html";
  const isText = /\.txt$/i.test(name) || file.type === "text/plain";
  setPressedSample(null);
  ui.source.textContent = name;
  if (!isHtml && !isText) {
    showState("error", t("demo_bad_file", name), `file:${name}`);
    clearText();
    setMeta(t("demo_meta_idle"));
    return;
  }
  if (file.size > (isHtml ? MAX_FILE_BYTES : MAX_TEXT_BYTES)) {
    showState(
      "too_large",
      isHtml
        ? t("demo_html_too_large", [name, formatBytes(file.size), formatBytes(MAX_FILE_BYTES), formatBytes(MAX_TEXT_BYTES)])
        : t("demo_file_too_large", [name, formatBytes(file.size), formatBytes(MAX_TEXT_BYTES)]),
      `file:${name}`,
    );
    clearText();
    setMeta(t("demo_meta_idle"));
    return;
  }
  let content;
  try {
    content = await file.text();
  } catch (e) {
    showState("error", t("demo_read_error", [name, e.message ?? String(e)]), `file:${name}`);
    return;
  }
  if (isHtml) {
    // Read by the analyzer's own HTML reader (the CLI's, in the wasm), in the worker.
    let blocks;
    try {
      ({ blocks } = await analyzer.run("html", content));
    } catch (e) {
      if (e instanceof Cancelled) return;
      showState("error", e instanceof StartError ? t("demo_worker_error", e.message) : t("demo_read_error", [name, e.message ?? String(e)]), `file:${name}`);
      setMeta(t("demo_meta_idle"));
      return;
    }
    const text = blocksText(blocks);
    const large = showInTextarea(text, name);
    const label = t("demo_html_file", [name, blocks.length]);
    await analyze({ label, baseLabel: name, lineage: `file:${name}`, kind: "blocks", blocks, text, large });
  } else {
    const large = showInTextarea(content, name);
    await analyze({ label: name, baseLabel: name, lineage: `file:${name}`, kind: "text", text: content, large });
  }
}

function wireInputs() {
  for (const button of ui.samples) button.addEventListener("click", () => loadSample(button));
  ui.analyze.addEventListener("click", () => analyzeTextareaNow());
  // A paste analyzes at once; typing waits for a pause.
  let pasted = null;
  ui.input.addEventListener("paste", () => {
    const { selectionStart, selectionEnd, value } = ui.input;
    pasted = { replacesAll: value.trim() === "" || (selectionStart === 0 && selectionEnd === value.length) };
  });
  ui.input.addEventListener("input", () => {
    clearTimeout(typingTimer);
    if (pasted) {
      const { replacesAll } = pasted;
      pasted = null;
      analyzeTextareaNow(replacesAll);
    } else {
      typingTimer = setTimeout(() => analyzeTextareaNow(), TYPING_PAUSE_MS);
    }
  });
  ui.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analyzeTextareaNow();
    }
  });
  ui.file.addEventListener("change", () => {
    const [file] = ui.file.files;
    if (file) openFile(file);
    ui.file.value = "";
  });
  // A click on a highlighted sentence opens its row of the summary (the way back from the text).
  ui.text.addEventListener("click", (event) => {
    const mark = event.target.closest?.("mark.evidence");
    if (!mark) return;
    const key = mark.dataset.keys.split(" ")[0];
    const details = key.startsWith("finding:")
      ? ui.summary.querySelector(`[data-finding="${CSS.escape(key.slice(8))}"] details`)
      : ui.summary.querySelector(`.plv-row[data-practice="${CSS.escape(key)}"] details`);
    if (!details) return;
    details.open = true;
    for (const m of ui.text.querySelectorAll("mark.is-current")) m.classList.remove("is-current");
    mark.classList.add("is-current");
    const summary = details.querySelector("summary");
    summary.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
    summary.focus({ preventScroll: true });
  });
  ui.copy.addEventListener("click", async () => {
    if (!lastReport) return;
    try {
      await navigator.clipboard.writeText(reportAsText(lastReport, t));
      ui.copy.textContent = t("demo_copied");
    } catch {
      ui.copy.textContent = t("demo_copy_failed");
    }
  });

  // Drag and drop anywhere on the page.
  let depth = 0;
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");
  document.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth++;
    ui.overlay.hidden = false;
  });
  document.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) ui.overlay.hidden = true;
  });
  document.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    ui.overlay.hidden = true;
    const [file] = event.dataTransfer.files;
    if (file) openFile(file);
  });
}

// --- start --------------------------------------------------------------------------------------

async function main() {
  try {
    const [viewT, demoT] = await Promise.all([loadTranslator(), loadTranslator(new URL("./", import.meta.url).href)]);
    t = (key, subs) => (key.startsWith("demo_") ? demoT(key, subs) : viewT(key, subs));
  } catch (e) {
    setMeta(String(e.message ?? e));
    return;
  }
  wireInputs();
  renderState(ui.summary, "analyzing", { t });
  let firstReady = true;
  analyzer = new Analyzer(
    ({ version, ms }) => {
      ui.version.textContent = version;
      document.documentElement.dataset.analyzer = "ready";
      if (firstReady && !source) setMeta(t("demo_meta_ready", [version, formatMs(ms)]));
      firstReady = false;
    },
    (message) => {
      showState("error", t("demo_worker_error", message), source?.lineage ?? "start");
      setMeta(t("demo_meta_idle"));
    },
  );
  // Show the product at once: the first sample, analyzed.
  const first = ui.samples[0];
  if (first && ui.input.value.trim() === "") await loadSample(first);
  else analyzeTextareaNow(true);
}

main();
