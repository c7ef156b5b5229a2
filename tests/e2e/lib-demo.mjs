// Helpers of the demo page's browser test: a static server for www/ on 127.0.0.1 (node:http,
// port 0, the MIME types a static host gives, incl. application/wasm), Debian's Chromium through
// playwright-core in a fresh profile, and a guard that records (and blocks) every request that
// would leave 127.0.0.1.
import { createServer } from "node:http";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WWW = join(ROOT, "www");
export const CLI = join(ROOT, "target", "release", "policy-lens");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** What ./build.sh must have staged for the page to work. */
export function requireStaged() {
  const missing = ["index.html", "pkg/policy_lens.js", "pkg/policy_lens_bg.wasm", "ui/report-view.js"].filter(
    (f) => !existsSync(join(WWW, f)),
  );
  if (missing.length) {
    throw new Error(`www/ is missing ${missing.join(", ")}: run ./build.sh first (it stages pkg/ and ui/ into www/)`);
  }
}

/**
 * Serves `dir` on 127.0.0.1 (a free port). Resolves to {url, requests, close}; `requests` lists
 * every path asked for. Paths in `missing` answer 404 (to test a broken deployment).
 */
export function serveStatic(dir = WWW, { missing = [] } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname);
    if (missing.includes(url.pathname)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let path;
    try {
      path = normalize(join(dir, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!path.startsWith(dir + sep) && path !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": MIME[extname(path)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(path));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/**
 * Chromium in a fresh profile. Every request is routed: those to `origin` go through, any other
 * is recorded in `outside` and aborted. `seen` lists every request the browser made (the page's
 * and its workers'). Resolves to {context, outside, seen, close}.
 */
export async function launch(origin) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: ./test.sh installs Debian's chromium`);
  const profile = mkdtempSync(join(tmpdir(), "policy-lens-demo-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
    ],
  });
  const outside = [];
  await context.route(
    () => true,
    (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      outside.push(url);
      return route.abort();
    },
  );
  // Requests from the worker are not always routed; listen as well, so none goes unseen.
  const seen = [];
  const watch = (request) => {
    const url = request.url();
    seen.push(url);
    if (!(url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) && !outside.includes(url)) {
      outside.push(url);
    }
  };
  context.on("request", watch);
  return {
    context,
    outside,
    seen,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The native CLI's report of a file. */
export function cliReport(file) {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run ./build.sh first`);
  return JSON.parse(execFileSync(CLI, ["analyze", "--format", "json", file], { encoding: "utf8", maxBuffer: 1 << 28 }));
}

/** The native CLI's three verdicts for a file. */
export function cliVerdicts(file) {
  const report = cliReport(file);
  return Object.fromEntries(["tracking", "sale", "retention"].map((k) => [k, report.practices[k].verdict]));
}

/**
 * The non-empty blocks the page's HTML reader makes of `html` — its worker (worker.js) running
 * htmlToBlocks of the wasm package, as a dropped file is read: {blocks, bytes, texts}. A worker
 * of its own, so that the page's analyzer is left alone (and the page never loads the module).
 */
export async function pageBlocks(page, html) {
  return page.evaluate(async (html) => {
    const { blocksText } = await import("./demo.js");
    const reader = (globalThis.__testReader ??= { worker: new Worker(new URL("./worker.js", location.href), { type: "module" }), seq: 0 });
    const id = `test-${++reader.seq}`;
    const blocks = await new Promise((resolve, reject) => {
      const listen = ({ data }) => {
        if (data.id !== id) return;
        reader.worker.removeEventListener("message", listen);
        if (data.type === "blocks") resolve(data.blocks);
        else reject(new Error(data.message ?? data.type));
      };
      reader.worker.addEventListener("message", listen);
      reader.worker.postMessage({ id, kind: "html", input: html });
    });
    return { blocks: blocks.length, bytes: new Blob([blocksText(blocks)]).size, texts: blocks.map((b) => b.text) };
  }, html);
}

/** The three verdicts the page shows, read from the rendered rows. */
export async function shownVerdicts(page) {
  return page.$$eval("#summary .plv-row[data-practice]", (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.practice, r.dataset.verdict])),
  );
}
