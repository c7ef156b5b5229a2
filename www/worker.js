// The analyzer, off the main thread: a module worker that loads the wasm package once and
// analyzes what the page posts, so that even a 5 MB policy never freezes the page.
//
//   page → worker  {id, kind: "text" | "blocks", input, force}   analyze
//                  {id, kind: "html", input}                       read a web page into blocks
//   worker → page  {type: "ready", version, ms}              once, when the module is loaded
//                  {type: "report", id, report, ms, first}    ms: time spent in the analysis;
//                                                             first: the worker's first one
//                  {type: "blocks", id, blocks}               the page's non-empty blocks, read
//                                                             by the CLI's HTML reader (src/html.rs)
//                  {type: "error", id, message, fatal?}       bad input; fatal: the module did not load

import init, { analyzeBlocks, analyzeText, htmlToBlocks, version } from "./pkg/policy_lens.js";

const started = performance.now();
const ready = init().then(
  () => {
    postMessage({ type: "ready", version: version(), ms: performance.now() - started });
  },
  (e) => {
    const message = `the WebAssembly module did not load (${e?.message ?? e})`;
    postMessage({ type: "error", id: null, message });
    throw new Error(message);
  },
);

// The first analysis also compiles the rules' patterns it needs (they are compiled lazily).
let first = true;

self.addEventListener("message", async ({ data }) => {
  const { id, kind, input, force } = data ?? {};
  try {
    await ready;
  } catch (e) {
    postMessage({ type: "error", id, message: e.message, fatal: true });
    return;
  }
  try {
    if (kind === "html") {
      // Off the main thread too: a 20 MB page takes a while to read.
      const blocks = htmlToBlocks(input).filter((b) => b.text.trim() !== "");
      postMessage({ type: "blocks", id, blocks });
      return;
    }
    const t0 = performance.now();
    const report = kind === "blocks" ? analyzeBlocks(input, { force: Boolean(force) }) : analyzeText(input, { force: Boolean(force) });
    postMessage({ type: "report", id, report, ms: performance.now() - t0, first });
    first = false;
  } catch (e) {
    postMessage({ type: "error", id, message: String(e?.message ?? e) });
  }
});
