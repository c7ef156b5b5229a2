// The content script (a classic script after extract.js). It never runs the analyzer: the wasm
// lives in the background (a page's CSP could forbid it here). What it does:
//   * on load, a cheap check of the URL, title and first headings (extract.js policyHint); only
//     a page that may be a policy has its visible text read and sent to the background;
//   * on request, reads the page again, lists its policy links, highlights a quoted sentence
//     (CSS Custom Highlight API, no change to the page's DOM), or fetches a same-origin URL.
// Message kinds are declared in protocol.js (this classic script cannot import it).
(() => {
  "use strict";
  // Injected twice (registered script + a click in click-only mode)? The first copy answers.
  if (globalThis.__policyLensContent) return;
  globalThis.__policyLensContent = true;

  const X = globalThis.PolicyLensExtract;
  const KIND = {
    PAGE_TEXT: "page:text",
    PAGE_LINKS: "page:links",
    EXTRACT: "content:extract",
    HIGHLIGHT: "content:highlight",
    FETCH: "content:fetch",
    PING: "content:ping",
  };
  const HIGHLIGHT_NAME = "policy-lens";
  const MAX_CHARS = 2000000;
  const MAX_FETCH_BYTES = 5000000; // protocol.js LIMITS.MAX_FETCH_BYTES
  /** Text shorter than this right after load may still be rendering (client-side pages). */
  const LATE_RENDER_CHARS = 400;
  const LATE_RENDER_WAIT_MS = 1500;

  /** The latest extraction of this page (kept for "show in page"). */
  let last = null;

  function isHtmlDocument() {
    const type = document.contentType || "text/html";
    return type === "text/html" || type === "application/xhtml+xml";
  }

  function isPlainText() {
    return document.contentType === "text/plain";
  }

  /** The first line of a plain-text document stands in for its headings. */
  function plainHeadings() {
    const first = (document.body?.textContent || "").slice(0, 2000).split("\n").find((l) => l.trim().length > 0);
    return first ? [first.trim().slice(0, 200)] : [];
  }

  function hint() {
    const headings = isPlainText() ? plainHeadings() : X.firstHeadings(document);
    return X.policyHint({ url: location.href, title: document.title, headings });
  }

  function extract() {
    last = X.extractBlocks(document, { live: true, maxChars: MAX_CHARS });
    return last;
  }

  /** The latest reading of a text/plain document. */
  let lastPlain = null;
  function extractPlain() {
    lastPlain = X.extractPlainText(document);
    return lastPlain;
  }

  function candidates() {
    return X.findPolicyLinks(document, location.href);
  }

  function send(message) {
    try {
      chrome.runtime.sendMessage(message).catch(() => {});
    } catch {
      // The extension was reloaded or removed: this copy is orphaned.
    }
  }

  async function settings() {
    try {
      const { settings: s } = await chrome.storage.local.get("settings");
      return s && typeof s === "object" ? s : {};
    } catch {
      return {};
    }
  }

  function textLength(extraction) {
    return extraction.blocks.reduce((n, b) => n + b.text.length, 0);
  }

  async function onLoad() {
    if (window.top !== window) return;
    // A registration change takes a moment to reach every renderer: the setting decides too.
    const clickOnly = async () => (await settings()).mode === "click";
    if (isPlainText()) {
      if (!hint().likely || (await clickOnly())) return;
      const plain = extractPlain();
      if (plain.text.length <= MAX_CHARS) send({ kind: KIND.PAGE_TEXT, title: "", text: plain.text });
      return;
    }
    if (!isHtmlDocument()) return;
    const h = hint();
    if (h.likely) {
      if (await clickOnly()) return;
      let extraction = extract();
      if (textLength(extraction) < LATE_RENDER_CHARS) {
        await new Promise((resolve) => setTimeout(resolve, LATE_RENDER_WAIT_MS));
        extraction = extract();
      }
      send({ kind: KIND.PAGE_TEXT, title: extraction.title, blocks: extraction.blocks, truncated: extraction.truncated });
      return;
    }
    // Not a policy page. Looking for its policy in the background is opt-in (options page).
    if ((await settings()).backgroundLinked === true) {
      const links = candidates();
      if (links.length > 0) send({ kind: KIND.PAGE_LINKS, candidates: links });
    }
  }

  function openFoldedAncestors(node) {
    for (let e = node.nodeType === 1 ? node : node.parentElement; e; e = e.parentElement) {
      if (e.tagName === "DETAILS" && !e.open) e.open = true;
    }
  }

  function findRange(evidence) {
    if (isPlainText()) return X.locatePlain(lastPlain ?? extractPlain(), evidence, document) ?? X.locatePlain(extractPlain(), evidence, document);
    let range = X.locate(last ?? extract(), evidence, document);
    if (!range && last) range = X.locate(extract(), evidence, document);
    return range;
  }

  function highlight(evidence) {
    const range = findRange(evidence);
    if (!range) return { ok: false, error: "not_found" };
    openFoldedAncestors(range.startContainer);
    if (globalThis.CSS && CSS.highlights && typeof Highlight === "function") {
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
    } else {
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    const target = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target?.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    return { ok: true, text: range.toString() };
  }

  async function sameOriginFetch(url) {
    let target;
    try {
      target = new URL(url, location.href);
    } catch {
      return { ok: false, error: "bad_url" };
    }
    if (target.origin !== location.origin) return { ok: false, error: "cross_origin" };
    try {
      const response = await fetch(target.href, { credentials: "omit", redirect: "follow", cache: "no-cache" });
      const contentType = response.headers.get("content-type") || "";
      // Read at most MAX_FETCH_BYTES (protocol.js LIMITS): a larger answer is refused whole.
      const text = await X.readCapped(response, MAX_FETCH_BYTES);
      if (text === null) return { ok: false, error: "too large" };
      return { ok: response.ok, status: response.status, url: response.url, contentType, text };
    } catch (e) {
      return { ok: false, error: String(e && e.message ? e.message : e) };
    }
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only our own background talks to content scripts (pages cannot reach this listener).
    if (!message || sender.id !== chrome.runtime.id || sender.tab) return false;
    switch (message.kind) {
      case KIND.PING:
        sendResponse({ ok: true });
        return false;
      case KIND.EXTRACT: {
        if (isPlainText()) {
          const plain = extractPlain();
          sendResponse({
            url: location.href,
            title: "",
            contentType: document.contentType,
            hint: hint(),
            text: plain.text.length <= MAX_CHARS ? plain.text : "",
            truncated: plain.text.length > MAX_CHARS,
            blocks: [],
            candidates: [],
          });
          return false;
        }
        if (!isHtmlDocument()) {
          sendResponse({ url: location.href, contentType: document.contentType, blocks: [], hint: { likely: false, reasons: [] }, candidates: [] });
          return false;
        }
        const extraction = extract();
        sendResponse({
          url: location.href,
          title: extraction.title,
          contentType: document.contentType,
          hint: hint(),
          blocks: extraction.blocks,
          truncated: extraction.truncated,
          candidates: candidates(),
        });
        return false;
      }
      case KIND.HIGHLIGHT:
        sendResponse(highlight(message.evidence || {}));
        return false;
      case KIND.FETCH:
        sameOriginFetch(message.url).then(sendResponse);
        return true;
      default:
        return false;
    }
  });

  // Injected on a click (click-only mode, or a tab opened before installation), the script only
  // answers the background's requests; registered for automatic mode, it makes its cheap check.
  if (globalThis.__policyLensOnDemand !== true) {
    if (document.readyState === "complete" || document.readyState === "interactive") onLoad();
    else document.addEventListener("DOMContentLoaded", onLoad, { once: true });
  }
})();
