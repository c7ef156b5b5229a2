// The offscreen document (Chrome only): the service worker has no DOMParser, so a policy the
// user asked to fetch is parsed here. The parsed document is never rendered and runs no script;
// only its text is read (extract.js, static mode).
const PARSE = "offscreen:parse"; // protocol.js OFFSCREEN.PARSE

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.kind !== PARSE || sender.id !== chrome.runtime.id || sender.tab) return false;
  try {
    if (typeof message.html !== "string") throw new Error("html must be a string");
    const doc = new DOMParser().parseFromString(message.html, "text/html");
    const { title, blocks } = globalThis.PolicyLensExtract.extractBlocks(doc, { live: false });
    sendResponse({ ok: true, title, blocks });
  } catch (e) {
    sendResponse({ ok: false, error: String(e?.message ?? e) });
  }
  return false;
});
