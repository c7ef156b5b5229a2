// Helpers of the extension's browser tests: a site server on 127.0.0.1 (the fixture pages, the
// four sample policies rendered as pages, a policy that changes on demand), a recording proxy
// that every request of the browser goes through (pages, the service worker, the offscreen
// document: nothing can reach the network without being listed, and nothing but 127.0.0.1 is
// forwarded), and Debian's Chromium with the unpacked extension in a fresh profile.
import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXT = join(ROOT, "extension");
export const PAGES = join(ROOT, "tests", "fixtures", "pages");
export const SAMPLES = join(ROOT, "tests", "fixtures", "samples");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** What ./build.sh must have staged for the extension to load. */
export function requireStaged() {
  const missing = ["manifest.json", "pkg/policy_lens.js", "pkg/policy_lens_bg.wasm", "ui/report-view.js"].filter(
    (f) => !existsSync(join(EXT, f)),
  );
  if (missing.length) throw new Error(`extension/ is missing ${missing.join(", ")}: run ./build.sh first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (./test.sh does it)`);
}

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A plain-text policy as a web page: short unpunctuated lines become headings. */
export function textToHtml(title, text) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const body = blocks
    .map((b) => {
      const one = b.replace(/\s+/g, " ");
      return one.length < 80 && !/[.:;,]$/.test(one) ? `<h2>${escapeHtml(one)}</h2>` : `<p>${escapeHtml(one)}</p>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

const CHANGING = {
  before: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy – Changing Co</title></head><body><main>
<h1>Privacy Policy</h1><p>This privacy policy explains how Changing Co collects and uses the personal information of its customers.</p>
<p>We do not sell your personal information.</p><p>We use our own cookies to keep you signed in.</p></main></body></html>`,
  after: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy – Changing Co</title></head><body><main>
<h1>Privacy Policy</h1><p>This privacy policy explains how Changing Co collects and uses the personal information of its customers.</p>
<p>We sell your personal information to data brokers for their own marketing purposes.</p><p>We use our own cookies to keep you signed in.</p></main></body></html>`,
};

/**
 * The test site on 127.0.0.1 (port 0): tests/fixtures/pages/*, /samples/<name>.html (the sample
 * policies as pages), /text/<name>-privacy.txt (a sample as text/plain), /changing/privacy.html (switch with site.setChanging("after")), and
 * /slow/shop.html (its policy answers on site.releaseSlow()), /doc.pdf. Resolves to {origin,
 * url(path), requests, setChanging, releaseSlow, close}.
 */
export function startSite() {
  const requests = [];
  let changing = "before";
  const slowWaiting = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push({ path: url.pathname, method: req.method, secFetchDest: req.headers["sec-fetch-dest"] ?? "", origin: req.headers.origin ?? "" });
    const send = (status, type, body) => res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
    if (url.pathname === "/changing/privacy.html") return send(200, "text/html; charset=utf-8", CHANGING[changing]);
    if (url.pathname === "/slow/shop.html") {
      return send(200, "text/html; charset=utf-8", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Slow shop</title></head><body><main><h1>Slow shop</h1><p>Everything ships eventually.</p></main><footer><a href="/slow/privacy.html">Privacy</a></footer></body></html>`);
    }
    if (url.pathname === "/slow/privacy.html") {
      // Answers only when the test says so (site.releaseSlow()): the popup's analyzing state.
      slowWaiting.push(() => send(200, "text/html; charset=utf-8", CHANGING.before));
      return;
    }
    const sample = /^\/samples\/([a-z]+)\.html$/.exec(url.pathname);
    if (sample) {
      const file = join(SAMPLES, `${sample[1]}.txt`);
      if (!existsSync(file)) return send(404, "text/plain", "no such sample");
      return send(200, "text/html; charset=utf-8", textToHtml(`Privacy Policy – ${sample[1]}`, readFileSync(file, "utf8")));
    }
    const text = /^\/text\/([a-z]+)-privacy\.txt$/.exec(url.pathname);
    if (text) {
      const file = join(SAMPLES, `${text[1]}.txt`);
      if (!existsSync(file)) return send(404, "text/plain", "no such sample");
      return send(200, "text/plain; charset=utf-8", readFileSync(file));
    }
    if (url.pathname === "/huge/shop.html") {
      return send(200, "text/html; charset=utf-8", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge shop</title></head><body><main><h1>Huge shop</h1><p>Everything, in bulk.</p></main><footer><a href="/huge/privacy.html">Privacy</a></footer></body></html>`);
    }
    if (url.pathname === "/huge/privacy.html") {
      // 6 MB with no content-length (chunked): only a capped reader stops it.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      const chunk = `<p>${"We may keep your data. ".repeat(4000)}</p>`;
      let sent = 0;
      const more = () => {
        while (sent < 6_000_000) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", more);
        }
        res.end();
      };
      res.on("error", () => {});
      return more();
    }
    if (url.pathname === "/big-article.html") {
      // A large page that is no policy (≈ 1 MB of text in 4,000 paragraphs).
      const p = "Our garden centre stocks seeds, tools, soil and plants for every season, and our staff will help you choose. ".repeat(2);
      const body = Array.from({ length: 4000 }, (_, i) => `<h2>Section ${i}</h2><p>${p}${i}</p>`).join("");
      return send(200, "text/html; charset=utf-8", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Garden news</title></head><body><main><h1>Garden news</h1>${body}</main></body></html>`);
    }
    if (url.pathname === "/doc.pdf") {
      return send(200, "application/pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    }
    let path;
    try {
      path = normalize(join(PAGES, decodeURIComponent(url.pathname)));
    } catch {
      return send(400, "text/plain", "bad path");
    }
    if (!path.startsWith(PAGES + sep) || !existsSync(path) || !statSync(path).isFile()) return send(404, "text/html", "<!doctype html><title>Not found</title><p>Not found.</p>");
    const type = { ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8" }[extname(path)] ?? "application/octet-stream";
    return send(200, type, readFileSync(path));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        url: (p) => origin + p,
        requests,
        setChanging: (v) => (changing = v),
        releaseSlow: () => slowWaiting.splice(0).forEach((answer) => answer()),
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/**
 * An HTTP proxy that records every request the browser makes (absolute URLs, CONNECT tunnels)
 * and forwards only those to 127.0.0.1; anything else is refused and listed in `outside`.
 */
export function startProxy() {
  const seen = [];
  const outside = [];
  const server = createServer((req, res) => {
    let target;
    try {
      target = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    seen.push(target.href);
    if (target.hostname !== "127.0.0.1") {
      outside.push(target.href);
      res.writeHead(502, { "content-type": "text/plain" }).end("blocked by the test proxy");
      return;
    }
    const upstream = httpRequest(
      { host: "127.0.0.1", port: target.port, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req, socket) => {
    socket.on("error", () => {});
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = req.url.split(":");
    if (host !== "127.0.0.1") {
      outside.push(`CONNECT ${req.url}`);
      socket.end("HTTP/1.1 502 Blocked\r\n\r\n");
      return;
    }
    const up = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on("error", () => socket.destroy());
  });
  server.on("clientError", (_e, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: server.address().port, seen, outside, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}

/**
 * Chromium with the unpacked extension, every request through `proxy`. Resolves to
 * {context, worker, extensionId, close}.
 */
export async function launchWithExtension(proxy, { colorScheme = "light", javaScriptEnabled = true } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "policy-lens-ext-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme,
    javaScriptEnabled,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      // Loopback too goes through the proxy (Chromium bypasses it by default).
      "--proxy-bypass-list=<-loopback>",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,PrivacySandboxSettings4",
      "--disable-client-side-phishing-detection",
      "--safebrowsing-disable-auto-update",
      "--disable-domain-reliability",
      "--disable-default-apps",
      "--disable-field-trial-config",
      "--no-pings",
      "--metrics-recording-only",
      "--disable-breakpad",
    ],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ?? (await context.waitForEvent("serviceworker", { timeout: 20000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What every extension test starts with: the test site, the recording proxy, and Chromium with
 * the extension, its detection content script registered. Resolves to {site, proxy, ext, close};
 * `close()` stops all three. What started is stopped again if a later step fails.
 */
export async function startHarness() {
  requireStaged();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = [];
  try {
    const site = await startSite();
    started.push(site);
    const proxy = await startProxy();
    started.push(proxy);
    const ext = await launchWithExtension(proxy);
    started.push(ext);
    await waitForRegistration(ext);
    return {
      site,
      proxy,
      ext,
      async close() {
        await ext.close();
        await site.close();
        await proxy.close();
      },
    };
  } catch (e) {
    for (const s of started.reverse()) await s.close().catch(() => {});
    throw e;
  }
}

/** Waits until runtime.onInstalled has registered the detection content script. */
export async function waitForRegistration(ext) {
  for (let i = 0; i < 200; i++) {
    const scripts = await currentWorker(ext).evaluate(() => chrome.scripting.getRegisteredContentScripts());
    if (scripts.length > 0) return scripts;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the detection content script was never registered");
}

/** The live service worker (it may have been restarted since launch). */
export function currentWorker(ext) {
  return ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`)) ?? ext.worker;
}

/** The tab id of a page, asked of the extension. */
export async function tabIdOf(ext, page) {
  const url = page.url();
  for (let i = 0; i < 50; i++) {
    const id = await currentWorker(ext).evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab for ${url}`);
}

/** The tab's state in chrome.storage.session (null when none). */
export function tabState(ext, tabId) {
  return currentWorker(ext).evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] ?? null, tabId);
}

/** Waits until `predicate(state)` holds for the tab's state; returns it. No timing is asserted. */
export async function waitForState(ext, tabId, predicate, { timeout = 20000, what = "a tab state" } = {}) {
  const end = Date.now() + timeout;
  let state = null;
  while (Date.now() < end) {
    state = await tabState(ext, tabId);
    if (predicate(state)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(state)?.slice(0, 400)}`);
}

/** The toolbar's badge text and title for a tab. */
export function toolbar(ext, tabId) {
  return currentWorker(ext).evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}

/** Opens the popup as its extension URL for `tabId`; resolves once it rendered something final. */
export async function openPopup(ext, tabId, { colorScheme } = {}) {
  const popup = await ext.context.newPage();
  if (colorScheme) await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector("#card [data-state]:not([data-state=analyzing])", { timeout: 30000 });
  return popup;
}

/**
 * Chromium's own service traffic, which it sends with no extension installed and no page open
 * (time sync, account and search-domain checks, component and safe-browsing services): a
 * control run through the same proxy shows only hosts under these Google service domains. They
 * are refused by the proxy like anything outside 127.0.0.1. The tests assert that nothing else
 * was even attempted, and (through Playwright) that no request of a page, the popup or the
 * service worker went anywhere but the test site; the extension's sources name no remote host
 * (tests/node/extension.test.mjs).
 */
export const BROWSER_OWN_DOMAINS = Object.freeze(["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]);

/** Is this host one of Chromium's own service hosts (see BROWSER_OWN_DOMAINS)? */
export function isBrowserOwnHost(host) {
  return BROWSER_OWN_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The host of a proxy log entry ("CONNECT host:443" or an absolute URL). */
export function proxyHost(entry) {
  if (entry.startsWith("CONNECT ")) return entry.slice(8).replace(/:\d+$/, "");
  try {
    return new URL(entry).hostname;
  } catch {
    return entry;
  }
}

export function sampleNames() {
  return readdirSync(SAMPLES).filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, "")).sort();
}

/**
 * An accessibility audit run inside a page (pass it to page.evaluate): for every visible element
 * with its own text, the WCAG contrast of its colour on the background behind it (ancestors'
 * background colours composited; 4.5:1, or 3:1 for large text), and for every button, summary,
 * link and role=img an accessible name. Returns {checked, low: [...], unnamed: [...], overflow}.
 */
export function auditInPage(root = "body") {
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => {
    const a = top.a + under.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (k) => (top[k] * top.a + under[k] * under.a * (1 - top.a)) / a;
    return { r: mix("r"), g: mix("g"), b: mix("b"), a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [l1, l2] = [lum(x), lum(y)].sort((a, b) => b - a);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg.a > 0) layers.push(bg);
      if (bg && bg.a >= 1) break;
    }
    let color = { r: 255, g: 255, b: 255, a: 1 };
    // The canvas behind everything: white in light, the dark canvas in dark mode.
    if (matchMedia("(prefers-color-scheme: dark)").matches) color = { r: 18, g: 18, b: 18, a: 1 };
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  const low = [];
  const unnamed = [];
  let checked = 0;
  const base = document.querySelector(root);
  for (const el of base.querySelectorAll("*")) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent.trim()).join(" ");
    const rect = el.getBoundingClientRect();
    const visible = rect.width > 0 && rect.height > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    if (!visible) continue;
    // Decorative text hidden from screen readers is skipped, except the level symbols (✓ ! ✗ ?),
    // which sighted users read.
    if (own && (el.classList.contains("plv-icon-symbol") || !el.closest("[aria-hidden=true]"))) {
      const cs = getComputedStyle(el);
      const fg = parse(cs.color);
      const bg = background(el);
      const size = parseFloat(cs.fontSize);
      const bold = Number(cs.fontWeight) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const need = large ? 3 : 4.5;
      // A level symbol sits on its coloured shape (a ::before), not on the row behind it.
      let behind = bg;
      const icon = el.closest(".plv-icon");
      if (icon && !icon.classList.contains("plv-icon-unknown") && !icon.classList.contains("plv-icon-busy")) {
        behind = parse(getComputedStyle(icon, "::before").backgroundColor) ?? bg;
      }
      const r = ratio(over(fg, behind), behind);
      checked++;
      if (r < need) low.push({ text: own.slice(0, 40), ratio: Math.round(r * 100) / 100, need, color: cs.color, class: el.className || el.tagName });
    }
    if (el.matches("button, summary, a[href], [role=img], input, textarea, select")) {
      const name = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || (el.labels && [...el.labels].map((l) => l.textContent).join(" ")) || "").trim();
      if (!name) unnamed.push(el.outerHTML.slice(0, 80));
    }
  }
  const doc = document.documentElement;
  return { checked, low, unnamed, overflow: doc.scrollWidth - doc.clientWidth };
}
