// Every message kind the extension's parts exchange, and the validation the background applies
// to what arrives. One place to read the whole protocol (Harper's `protocol` file, Privacy
// Badger's one switch). The content script is a classic script and cannot import this module:
// it spells the same kind strings, and tests/node/extension.test.mjs checks that every kind it
// uses is declared here.
//
// Who may send what:
//   content script → background   CONTENT_TO_BACKGROUND (validated: top frame of a real tab,
//                                  sizes capped, the page URL is taken from the sender, never
//                                  from the message)
//   background → content script   BACKGROUND_TO_CONTENT (chrome.tabs.sendMessage)
//   extension page → background   PAGE_TO_BACKGROUND (popup, options; sender is our own origin)
//   background → extension pages  BROADCAST (chrome.runtime.sendMessage, nobody must answer)

/** Messages a content script sends to the background. */
export const CONTENT_TO_BACKGROUND = Object.freeze({
  /** The page looked like a policy (URL, title or headings): {title, blocks} of its visible
   *  text, or {title, text} for a text/plain page. */
  PAGE_TEXT: "page:text",
  /** Not a policy page; these links may lead to the site's policy (opt-in background mode). */
  PAGE_LINKS: "page:links",
});

/** Requests the background sends to a content script. */
export const BACKGROUND_TO_CONTENT = Object.freeze({
  /** → {url, title, contentType, hint, blocks, truncated, candidates} */
  EXTRACT: "content:extract",
  /** {block, start, end, quote} → {ok, text} — scroll to and highlight a quoted sentence. */
  HIGHLIGHT: "content:highlight",
  /** {url} → {ok, status, url, contentType, text} — same-origin fetch (click-only mode). */
  FETCH: "content:fetch",
  /** → {ok: true} — is the content script already there? */
  PING: "content:ping",
});

/** Requests the popup and the options page send to the background. */
export const PAGE_TO_BACKGROUND = Object.freeze({
  /** {tabId} → {state, report} — what is known about the tab, without analyzing. */
  GET_STATE: "popup:get-state",
  /** {tabId, force} → {state, report} — analyze the page, or find and analyze its policy. */
  ANALYZE: "popup:analyze",
  /** {tabId, evidence} → {ok, text} — highlight a quote in the tab. */
  SHOW_IN_PAGE: "popup:show-in-page",
  /** → {ok} — the options page changed the settings (re-register the content script). */
  SETTINGS_CHANGED: "options:settings-changed",
  /** → {reports} — forget every cached result. */
  CLEAR_CACHE: "options:clear-cache",
  /** → {reports, bytes} */
  CACHE_INFO: "options:cache-info",
});

/** Notices from the background to open extension pages. */
export const BROADCAST = Object.freeze({
  /** {tabId} — the tab's state changed; the popup asks again. */
  STATE_CHANGED: "state:changed",
});

/** The block kinds analyzeBlocks accepts (src/blocks.rs). */
export const BLOCK_KINDS = Object.freeze(["title", "heading", "paragraph", "list_item", "table_cell"]);

/** Size caps for page text (the core's own limit is far above; these bound memory and time). */
export const LIMITS = Object.freeze({
  /** Most blocks a page may send. */
  MAX_BLOCKS: 20000,
  /** Most UTF-16 code units in one block. */
  MAX_BLOCK_CHARS: 200000,
  /** Most UTF-16 code units of text in all blocks together (≈ 2 MB). */
  MAX_TOTAL_CHARS: 2000000,
  /** Most candidate policy links a page may propose. */
  MAX_LINKS: 12,
  /** Longest URL accepted. */
  MAX_URL: 2048,
  /** Longest title kept. */
  MAX_TITLE: 500,
  /** Largest fetched policy (bytes of HTML or text). */
  MAX_FETCH_BYTES: 5000000,
});

/** A validation failure: the message is dropped and the reason logged. */
export class ProtocolError extends Error {}

function fail(message) {
  throw new ProtocolError(message);
}

function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** An http(s) URL without its fragment, or null. */
export function cleanUrl(value) {
  if (typeof value !== "string" || value.length === 0 || value.length > LIMITS.MAX_URL) return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  return url.href;
}

/**
 * Checks blocks from a page: an array of {kind, text} with known kinds, strings only, within
 * LIMITS. Returns a fresh array of fresh objects (no prototype tricks, no extra fields).
 */
export function validateBlocks(blocks) {
  if (!Array.isArray(blocks)) fail("blocks must be an array");
  if (blocks.length > LIMITS.MAX_BLOCKS) fail(`too many blocks (${blocks.length} > ${LIMITS.MAX_BLOCKS})`);
  let total = 0;
  return blocks.map((b, i) => {
    if (!isPlainObject(b)) fail(`blocks[${i}] must be an object`);
    const { kind, text } = b;
    if (typeof kind !== "string" || !BLOCK_KINDS.includes(kind)) fail(`blocks[${i}].kind is not a block kind`);
    if (typeof text !== "string") fail(`blocks[${i}].text must be a string`);
    if (text.length > LIMITS.MAX_BLOCK_CHARS) fail(`blocks[${i}] is too long`);
    total += text.length;
    if (total > LIMITS.MAX_TOTAL_CHARS) fail(`the page text is too large (over ${LIMITS.MAX_TOTAL_CHARS} characters)`);
    return { kind, text };
  });
}

/** Checks a list of candidate policy URLs: http(s) only, deduplicated, capped. */
export function validateLinks(links) {
  if (!Array.isArray(links)) fail("candidates must be an array");
  const out = [];
  for (const link of links.slice(0, LIMITS.MAX_LINKS)) {
    const url = cleanUrl(link);
    if (url && !out.includes(url)) out.push(url);
  }
  return out;
}

/**
 * Who sent a runtime message: "content" (our content script in the top frame of a tab),
 * "extension" (one of our own pages) or null (anything else: dropped).
 */
export function senderRole(sender, { extensionId, extensionOrigin }) {
  if (!sender || sender.id !== extensionId) return null;
  const url = typeof sender.url === "string" ? sender.url : "";
  if (url.startsWith(extensionOrigin)) {
    // Our own pages (popup, options). A page opened in a tab still counts as ours.
    return "extension";
  }
  if (sender.tab && Number.isInteger(sender.tab.id) && sender.tab.id >= 0 && sender.frameId === 0) return "content";
  return null;
}

/**
 * Validates a message from a content script and returns a clean copy with the page URL taken
 * from the sender. Throws a ProtocolError on anything unexpected.
 */
export function validateContentMessage(message, sender) {
  if (!isPlainObject(message)) fail("a message must be an object");
  const url = cleanUrl(sender?.url);
  if (!url) fail("the sender is not an http(s) page");
  const tabId = sender.tab.id;
  switch (message.kind) {
    case CONTENT_TO_BACKGROUND.PAGE_TEXT: {
      const title = typeof message.title === "string" ? message.title.slice(0, LIMITS.MAX_TITLE) : "";
      if (message.blocks === undefined && typeof message.text === "string") {
        // A text/plain page: its text as it is.
        if (message.text.length > LIMITS.MAX_TOTAL_CHARS) fail(`the page text is too large (over ${LIMITS.MAX_TOTAL_CHARS} characters)`);
        return { kind: message.kind, tabId, url, title, text: message.text, truncated: false };
      }
      const blocks = validateBlocks(message.blocks);
      return { kind: message.kind, tabId, url, title, blocks, truncated: message.truncated === true };
    }
    case CONTENT_TO_BACKGROUND.PAGE_LINKS:
      return { kind: message.kind, tabId, url, candidates: validateLinks(message.candidates) };
    default:
      return fail(`unknown content message kind ${JSON.stringify(String(message.kind)).slice(0, 60)}`);
  }
}

/** Validates a request from the popup or the options page. */
export function validatePageMessage(message) {
  if (!isPlainObject(message)) fail("a message must be an object");
  const tabId = message.tabId;
  const needTab = () => {
    if (!Number.isInteger(tabId) || tabId < 0) fail("tabId must be a tab id");
  };
  switch (message.kind) {
    case PAGE_TO_BACKGROUND.GET_STATE:
      needTab();
      return { kind: message.kind, tabId };
    case PAGE_TO_BACKGROUND.ANALYZE:
      needTab();
      return { kind: message.kind, tabId, force: message.force === true };
    case PAGE_TO_BACKGROUND.SHOW_IN_PAGE: {
      needTab();
      const e = message.evidence;
      if (!isPlainObject(e)) fail("evidence must be an object");
      for (const key of ["block", "start_utf16", "end_utf16"]) {
        if (!Number.isInteger(e[key]) || e[key] < 0) fail(`evidence.${key} must be a non-negative integer`);
      }
      if (typeof e.quote !== "string" || e.quote.length > LIMITS.MAX_BLOCK_CHARS) fail("evidence.quote must be a string");
      return {
        kind: message.kind,
        tabId,
        evidence: { block: e.block, start_utf16: e.start_utf16, end_utf16: e.end_utf16, quote: e.quote },
      };
    }
    case PAGE_TO_BACKGROUND.SETTINGS_CHANGED:
    case PAGE_TO_BACKGROUND.CLEAR_CACHE:
    case PAGE_TO_BACKGROUND.CACHE_INFO:
      return { kind: message.kind };
    default:
      return fail(`unknown request kind ${JSON.stringify(String(message.kind)).slice(0, 60)}`);
  }
}

/** Every kind string declared above (for the protocol test). */
export const ALL_KINDS = Object.freeze(
  [CONTENT_TO_BACKGROUND, BACKGROUND_TO_CONTENT, PAGE_TO_BACKGROUND, BROADCAST].flatMap((o) => Object.values(o)),
);
