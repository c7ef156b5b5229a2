// The background service worker (Chrome) / event page (Firefox): the only place the analyzer
// runs. It keeps no state in memory that matters: per-tab state lives in chrome.storage.session
// and analyzed policies (keyed by policy URL and a hash of their text) in chrome.storage.local,
// so the worker can be stopped at any time. Listeners are registered synchronously at the top
// level; the wasm starts loading at module top and handlers await it.
import init, { analyzeBlocks, analyzeText, htmlToBlocks, version } from "./pkg/policy_lens.js";
import { loadTranslator } from "./ui/report-view.js";
import "./extract.js";
import {
  BACKGROUND_TO_CONTENT as TO_CONTENT,
  BROADCAST,
  CONTENT_TO_BACKGROUND as FROM_CONTENT,
  LIMITS,
  PAGE_TO_BACKGROUND as FROM_PAGE,
  ProtocolError,
  cleanUrl,
  senderRole,
  validateBlocks,
  validateContentMessage,
  validatePageMessage,
} from "./protocol.js";
import { PRACTICES, badgeState } from "./badge.js";
import { iconImageData } from "./icon.js";
import { HOST_ORIGINS, loadSettings } from "./settings.js";
import { fetchAllowed, unsupportedReason } from "./pages.js";

const ready = init({ module_or_path: new URL("./pkg/policy_lens_bg.wasm", import.meta.url) });

const CONTENT_SCRIPT_ID = "policy-lens-detect";
/** Policies kept in the cache (oldest dropped first). */
const MAX_CACHED = 100;
/** A fetched policy this fresh is reused by the opt-in background mode without a new request. */
const BACKGROUND_REUSE_MS = 24 * 60 * 60 * 1000;
/** Most policy URLs fetched for one click (linked candidates first, then the usual paths). */
const MAX_FETCHES = 6;
const FETCH_TIMEOUT_MS = 15000;

const extensionOrigin = chrome.runtime.getURL("");
const log = (...args) => console.warn("policy-lens:", ...args);

// --- strings ---------------------------------------------------------------------------------

const viewStrings = loadTranslator(new URL("./ui/", import.meta.url).href, chrome.i18n.getUILanguage()).catch((e) => {
  log(e.message);
  return (key) => key;
});

/** chrome.i18n for the extension's own strings, the shared view's strings for the rest. */
async function translator() {
  const view = await viewStrings;
  return (key, subs) => {
    const list = subs === undefined || subs === null ? undefined : [].concat(subs).map(String);
    return chrome.i18n.getMessage(key, list) || view(key, subs);
  };
}

// --- state -----------------------------------------------------------------------------------

const tabKey = (tabId) => `tab:${tabId}`;
const cacheKey = (url) => `policy:${url}`;

async function getTabState(tabId) {
  const key = tabKey(tabId);
  return (await chrome.storage.session.get(key))[key] ?? null;
}

async function setTabState(tabId, state) {
  await chrome.storage.session.set({ [tabKey(tabId)]: state });
  chrome.runtime.sendMessage({ kind: BROADCAST.STATE_CHANGED, tabId }).catch(() => {});
}

async function clearTabState(tabId) {
  await chrome.storage.session.remove(tabKey(tabId));
  await paint(tabId, null, null);
  chrome.runtime.sendMessage({ kind: BROADCAST.STATE_CHANGED, tabId }).catch(() => {});
}

async function getCached(url) {
  const key = cacheKey(url);
  return (await chrome.storage.local.get(key))[key] ?? null;
}

// Writes to the cache index are serialized (read-modify-write of one key).
let cacheWrites = Promise.resolve();

function putCached(entry) {
  const write = async () => {
    const { "policy-index": index = [] } = await chrome.storage.local.get("policy-index");
    const next = [entry.url, ...index.filter((u) => u !== entry.url)];
    const dropped = next.splice(MAX_CACHED);
    await chrome.storage.local.set({ [cacheKey(entry.url)]: entry, "policy-index": next });
    if (dropped.length) await chrome.storage.local.remove(dropped.map(cacheKey));
  };
  cacheWrites = cacheWrites.then(write, write);
  return cacheWrites;
}

async function cacheInfo() {
  const { "policy-index": index = [] } = await chrome.storage.local.get("policy-index");
  const bytes = typeof chrome.storage.local.getBytesInUse === "function" ? await chrome.storage.local.getBytesInUse(null) : null;
  return { reports: index.length, bytes };
}

async function clearCache() {
  const { "policy-index": index = [] } = await chrome.storage.local.get("policy-index");
  await chrome.storage.local.remove([...index.map(cacheKey), "policy-index"]);
  return { reports: 0 };
}

// --- analysis --------------------------------------------------------------------------------

async function sha256(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The text a report's offsets point into (src/wasm.rs): non-empty trimmed blocks joined. */
function joinedText(blocks) {
  return blocks
    .map((b) => b.text.trim())
    .filter((t) => t.length > 0)
    .join("\n\n");
}

async function analyze(input, { force = false } = {}) {
  await ready;
  const started = performance.now();
  const report = typeof input === "string" ? analyzeText(input, { force }) : analyzeBlocks(input, { force });
  return { report, ms: Math.round(performance.now() - started) };
}

function verdictsOf(report) {
  return Object.fromEntries(PRACTICES.map((k) => [k, report.practices[k].verdict]));
}

/** Verdict changes between two analyses of one policy URL. */
function diffVerdicts(before, after) {
  return PRACTICES.filter((k) => before[k] !== after[k]).map((k) => ({ practice: k, from: before[k], to: after[k] }));
}

/**
 * Analyzes text read for `policyUrl` (the cache is used when the same text was analyzed by the
 * same analyzer version), records verdict changes against the previous analysis of that URL,
 * and returns {report, entry}.
 */
async function analyzePolicy(policyUrl, input, { force = false } = {}) {
  const text = typeof input === "string" ? input : JSON.stringify(input);
  const hash = await sha256(text);
  await ready;
  const cached = await getCached(policyUrl);
  const forcedKey = force ? "forced" : "plain";
  if (cached && cached.hash === hash && cached.version === version() && cached.mode === forcedKey) {
    return { report: cached.report, entry: cached, ms: 0, cached: true };
  }
  const { report, ms } = await analyze(input, { force });
  let previous = cached?.previous ?? null;
  let changes = cached?.changes ?? [];
  if (cached && cached.hash !== hash && cached.report?.is_policy) {
    previous = { hash: cached.hash, verdicts: verdictsOf(cached.report), analyzedAt: cached.analyzedAt };
    changes = report.is_policy ? diffVerdicts(previous.verdicts, verdictsOf(report)) : [];
  }
  const entry = { url: policyUrl, hash, version: version(), mode: forcedKey, report, analyzedAt: Date.now(), previous, changes };
  // Only policies are worth remembering; a page that is not one is cheap to read again.
  if (report.is_policy || force) await putCached(entry);
  return { report, entry, ms, cached: false };
}

// --- the toolbar ----------------------------------------------------------------------------

async function paint(tabId, state, report) {
  const t = await translator();
  const b = badgeState(state?.status === "report" ? report : null, t, {
    policyUrl: state?.source === "linked" ? state.policyUrl : null,
  });
  try {
    await chrome.action.setIcon({ tabId, imageData: iconImageData(b.show ? b.segments : null) });
    await chrome.action.setBadgeText({ tabId, text: b.text });
    if (b.show) await chrome.action.setBadgeBackgroundColor({ tabId, color: b.color });
    await chrome.action.setTitle({ tabId, title: b.title });
  } catch (e) {
    // The tab closed meanwhile.
    if (!/No tab with id/i.test(String(e?.message))) log("badge:", e?.message ?? e);
  }
  return b;
}

async function commitReport(tabId, { pageUrl, policyUrl, source, report, entry, ms, cached }) {
  const state = {
    status: "report",
    pageUrl,
    policyUrl,
    source,
    analyzedAt: entry.analyzedAt,
    changes: entry.changes ?? [],
    previousAnalyzedAt: entry.previous?.analyzedAt ?? null,
    timings: { analyzeMs: ms, cached: cached === true },
  };
  const b = await paint(tabId, state, report);
  state.badge = { text: b.text, segments: b.segments };
  state.badgeAt = Date.now();
  await setTabState(tabId, state);
  return state;
}

async function commitState(tabId, state) {
  await paint(tabId, state, null);
  state.badge = { text: "", segments: null };
  await setTabState(tabId, state);
  return state;
}

// --- reading tabs and fetching policies ------------------------------------------------------

async function ensureContentScript(tabId) {
  try {
    const pong = await chrome.tabs.sendMessage(tabId, { kind: TO_CONTENT.PING }, { frameId: 0 });
    if (pong?.ok) return;
  } catch {
    // Not injected yet.
  }
  const target = { tabId, frameIds: [0] };
  // Injected on demand: the script answers requests but does not analyze on its own.
  await chrome.scripting.executeScript({ target, func: () => { globalThis.__policyLensOnDemand = true; } });
  await chrome.scripting.executeScript({ target, files: ["extract.js", "content.js"] });
  await chrome.scripting.insertCSS({ target, files: ["content.css"] }).catch(() => {});
}

/** Reads the tab's page through the content script (injecting it when needed). */
async function readTab(tabId) {
  await ensureContentScript(tabId);
  const page = await chrome.tabs.sendMessage(tabId, { kind: TO_CONTENT.EXTRACT }, { frameId: 0 });
  if (!page || typeof page !== "object") throw new Error("the page did not answer");
  return page;
}

async function fetchWithTimeout(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { credentials: "omit", redirect: "follow", cache: "no-cache", signal: controller.signal });
    const length = Number(response.headers.get("content-length") || 0);
    if (length > LIMITS.MAX_FETCH_BYTES) throw new Error(`${url}: too large (${length} bytes)`);
    const text = await globalThis.PolicyLensExtract.readCapped(response, LIMITS.MAX_FETCH_BYTES);
    if (text === null) throw new Error(`${url}: too large (over ${LIMITS.MAX_FETCH_BYTES} bytes)`);
    return { ok: response.ok, status: response.status, url: response.url || url, contentType: response.headers.get("content-type") || "", text };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches a candidate policy: directly when we hold host access to its origin, else (click-only
 * mode, activeTab) through the tab's content script for a same-origin URL.
 */
async function fetchPolicy(url, tabId, pageUrl) {
  const origin = new URL(url).origin;
  const direct = await chrome.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  let res;
  if (direct) res = await fetchWithTimeout(url);
  else if (origin === new URL(pageUrl).origin) {
    await ensureContentScript(tabId);
    res = await chrome.tabs.sendMessage(tabId, { kind: TO_CONTENT.FETCH, url }, { frameId: 0 });
  } else throw new Error(`no access to ${origin}`);
  if (!res?.ok) throw new Error(`${url}: ${res?.status ? `HTTP ${res.status}` : res?.error || "failed"}`);
  if (typeof res.text !== "string" || res.text.length > LIMITS.MAX_FETCH_BYTES) throw new Error(`${url}: too large`);
  const finalUrl = cleanUrl(res.url) ?? cleanUrl(url);
  if (!finalUrl || !fetchAllowed(finalUrl, pageUrl)) throw new Error(`${url}: redirected somewhere not allowed`);
  return { url: finalUrl, contentType: String(res.contentType || "").toLowerCase(), text: res.text };
}

/**
 * The blocks of a fetched HTML policy, read by the analyzer's own HTML reader (src/html.rs in
 * the wasm, the CLI's reader): scripts, styles, hidden elements and navigation chrome are left
 * out, nothing is rendered or run, and no DOM is needed (a service worker has none), so Chrome
 * and Firefox read a fetched policy the same way. The blocks are capped like a page's.
 */
async function parseHtml(html) {
  await ready;
  return validateBlocks(htmlToBlocks(html));
}

/** Text or blocks of a fetched document, by its content type. */
async function documentInput(fetched) {
  if (/^text\/plain/.test(fetched.contentType)) return fetched.text;
  if (fetched.contentType === "" || /html|xml/.test(fetched.contentType)) return parseHtml(fetched.text);
  throw new Error(`${fetched.url}: not a web page (${fetched.contentType})`);
}

/**
 * Tries candidate policy URLs in order until one reads as a privacy policy; commits it as the
 * tab's linked result. Returns the state, or null when none was a policy ({tried} filled in).
 */
async function tryLinked(tabId, pageUrl, candidates, { reuseFresh = false, tried = [], outcomes = [], onlyIfAt = null } = {}) {
  const commit = async (args) => (onlyIfAt && !(await tabStillAt(tabId, onlyIfAt)) ? null : commitReport(tabId, args));
  for (const url of candidates.slice(0, MAX_FETCHES)) {
    if (!fetchAllowed(url, pageUrl)) {
      outcomes.push({ url, problem: "refused" });
      continue;
    }
    try {
      if (reuseFresh) {
        const cached = await getCached(url);
        if (cached?.report?.is_policy && Date.now() - cached.analyzedAt < BACKGROUND_REUSE_MS) {
          return commit({ pageUrl, policyUrl: url, source: "linked", report: cached.report, entry: cached, ms: 0, cached: true });
        }
      }
      tried.push(url);
      const fetched = await fetchPolicy(url, tabId, pageUrl);
      const input = await documentInput(fetched);
      const result = await analyzePolicy(fetched.url, input);
      if (result.report.is_policy) {
        return commit({ pageUrl, policyUrl: fetched.url, source: "linked", ...result });
      }
      const language = otherLanguage(result.report);
      outcomes.push(language ? { url: fetched.url, problem: "language", detail: language } : { url, problem: "not_policy" });
    } catch (e) {
      log("policy candidate", url, e?.message ?? e);
      outcomes.push({ url, problem: "fetch", detail: fetchProblem(e) });
    }
  }
  return null;
}

/** The report's language when it is one the rules do not read (not English, not undetermined). */
function otherLanguage(report) {
  const lang = typeof report?.language === "string" ? report.language : "und";
  return lang !== "en" && lang !== "und" ? lang : null;
}

/** A short reason a candidate could not be read, for the popup ("HTTP 404", "timed out"). */
function fetchProblem(e) {
  if (e?.name === "AbortError") return "timeout";
  const m = /HTTP (\d{3})/.exec(String(e?.message ?? ""));
  if (m) return `HTTP ${m[1]}`;
  if (/not a web page/.test(String(e?.message ?? ""))) return "not_html";
  if (/too large/.test(String(e?.message ?? ""))) return "too_large";
  return "network";
}

const inflight = new Map();

/** The popup's "analyze": read the page; if it is no policy, find and read the site's policy. */
function analyzeTab(tabId, { force = false } = {}) {
  const key = `${tabId}:${force}`;
  if (!inflight.has(key)) {
    inflight.set(
      key,
      analyzeTabNow(tabId, { force }).finally(() => inflight.delete(key)),
    );
  }
  return inflight.get(key);
}

async function analyzeTabNow(tabId, { force }) {
  const tab = await chrome.tabs.get(tabId);
  const pageUrl = cleanUrl(tab.url ?? "") ?? tab.url ?? "";
  const reason = unsupportedReason(tab.url);
  if (reason) return commitState(tabId, { status: "unsupported", reason, pageUrl });
  let page;
  try {
    page = await readTab(tabId);
  } catch (e) {
    log("cannot read tab:", e?.message ?? e);
    return commitState(tabId, { status: "unsupported", reason: "internal", pageUrl });
  }
  const contentType = String(page.contentType || "");
  if (/pdf/.test(contentType)) return commitState(tabId, { status: "unsupported", reason: "pdf", pageUrl });
  if (contentType === "text/plain") {
    if (page.truncated || typeof page.text !== "string" || page.text.length > LIMITS.MAX_TOTAL_CHARS) return commitState(tabId, { status: "too_large", pageUrl });
    if (page.text.trim() === "") return commitState(tabId, { status: "empty", pageUrl, tried: [] });
    const result = await analyzePolicy(pageUrl, page.text, { force });
    if (result.report.is_policy || force) return commitReport(tabId, { pageUrl, policyUrl: pageUrl, source: "page", ...result });
    return commitState(tabId, { status: "no_policy", pageUrl, tried: [], pageReport: result.report, analyzedAt: Date.now() });
  }
  let blocks;
  try {
    blocks = validateBlocks(page.blocks ?? []);
  } catch (e) {
    if (e instanceof ProtocolError && /too large/.test(e.message)) return commitState(tabId, { status: "too_large", pageUrl });
    throw e;
  }
  if (page.truncated) return commitState(tabId, { status: "too_large", pageUrl });
  const hasText = blocks.some((b) => b.kind !== "title" && b.text.trim().length > 0);
  let pageReport = null;
  if (hasText) {
    const result = await analyzePolicy(pageUrl, blocks, { force });
    if (result.report.is_policy || force) {
      return commitReport(tabId, { pageUrl, policyUrl: pageUrl, source: "page", ...result });
    }
    pageReport = result.report;
  }
  // A page that looks like a policy but is in a language the rules do not read: say so rather
  // than "not a policy", and fetch nothing (its site's policy is most likely in that language).
  const pageLanguage = pageReport ? otherLanguage(pageReport) : null;
  if (pageLanguage && page.hint?.likely === true) {
    return commitState(tabId, { status: "unsupported_language", pageUrl, language: pageLanguage, link: null, tried: [], analyzedAt: Date.now() });
  }
  // Not a policy (or an empty page): look for the site's policy.
  const X = globalThis.PolicyLensExtract;
  const named = Array.isArray(page.candidates) ? page.candidates.map(cleanUrl).filter(Boolean) : [];
  const guesses = X ? X.wellKnownPolicyUrls(pageUrl) : [];
  const candidates = [...new Set([...named, ...guesses])];
  const tried = [];
  const outcomes = [];
  const linked = await tryLinked(tabId, pageUrl, candidates, { tried, outcomes });
  if (linked) return linked;
  // Say what happened to the link the page names, if it names one: a policy that could not be
  // fetched is not "no policy", and a link to a page that is none is worth naming too.
  const namedOutcome = outcomes.find((o) => named.includes(o.url) && o.problem !== "refused") ?? null;
  let status = hasText ? "no_policy" : "empty";
  let language = null;
  if (namedOutcome?.problem === "fetch") status = "unreachable";
  else if (namedOutcome?.problem === "language") [status, language] = ["unsupported_language", namedOutcome.detail];
  else if (pageLanguage) [status, language] = ["unsupported_language", pageLanguage];
  return commitState(tabId, {
    status,
    pageUrl,
    tried,
    hasText,
    language,
    link: namedOutcome && { url: namedOutcome.url, problem: namedOutcome.problem, detail: namedOutcome.detail ?? null },
    pageReport: pageReport && { ...pageReport, practices: pageReport.practices },
    analyzedAt: Date.now(),
  });
}

// --- message handlers -------------------------------------------------------------------------

/**
 * One content message per tab at a time: while a tab's page is analyzed, only the latest
 * message that arrives meanwhile is kept (a page cannot queue up work), and runs next.
 */
const contentBusy = new Set();
const contentPending = new Map();

async function handleContent(m) {
  if (contentBusy.has(m.tabId)) {
    contentPending.set(m.tabId, m);
    return;
  }
  contentBusy.add(m.tabId);
  try {
    let next = m;
    while (next) {
      await handleContentNow(next);
      next = contentPending.get(m.tabId);
      contentPending.delete(m.tabId);
    }
  } finally {
    contentBusy.delete(m.tabId);
  }
}

/** Is the tab still showing `url`? (An analysis may end after the tab navigated away.) */
async function tabStillAt(tabId, url) {
  try {
    const tab = await chrome.tabs.get(tabId);
    return !tab.url || cleanUrl(tab.url) === url;
  } catch {
    return false; // closed
  }
}

async function handleContentNow(m) {
  if (m.kind === FROM_CONTENT.PAGE_TEXT) {
    // Click-only mode reads nothing by itself (a page loaded while the setting changed may
    // still have the script).
    if ((await loadSettings()).mode === "click") return;
    const existing = await getTabState(m.tabId);
    if (m.truncated) {
      // Over the size cap: verdicts on the first part only would mislead; the popup says why.
      if (!existing || existing.pageUrl !== m.url) await commitState(m.tabId, { status: "too_large", pageUrl: m.url });
      return;
    }
    const result = await analyzePolicy(m.url, m.text ?? m.blocks);
    if (!(await tabStillAt(m.tabId, m.url))) return;
    if (result.report.is_policy) {
      await commitReport(m.tabId, { pageUrl: m.url, policyUrl: m.url, source: "page", ...result });
    } else if (!existing || existing.pageUrl !== m.url) {
      // Not a policy after all: no badge. Never overwrite a result the user asked for.
      await commitState(m.tabId, { status: "not_policy", pageUrl: m.url, pageReport: result.report, analyzedAt: Date.now() });
    }
    return;
  }
  if (m.kind === FROM_CONTENT.PAGE_LINKS) {
    const settings = await loadSettings();
    if (!settings.backgroundLinked) return; // opt-in only
    const existing = await getTabState(m.tabId);
    if (existing && existing.pageUrl === m.url) return;
    // Fewer requests in the background: the two best links the page names, no guessed paths.
    await tryLinked(m.tabId, m.url, m.candidates.slice(0, 2), { reuseFresh: true, onlyIfAt: m.url });
  }
}

async function getState(tabId) {
  const state = await getTabState(tabId);
  let report = null;
  if (state?.status === "report") {
    report = (await getCached(state.policyUrl))?.report ?? null;
    if (!report) return { state: null, report: null }; // the cache was cleared: analyze again
  }
  return { state, report };
}

async function showInPage(tabId, evidence) {
  const state = await getTabState(tabId);
  if (!state || state.status !== "report" || state.source !== "page") return { ok: false, error: "not_this_page" };
  await ensureContentScript(tabId);
  return chrome.tabs.sendMessage(tabId, { kind: TO_CONTENT.HIGHLIGHT, evidence }, { frameId: 0 });
}

async function handlePage(m) {
  switch (m.kind) {
    case FROM_PAGE.GET_STATE:
      return getState(m.tabId);
    case FROM_PAGE.ANALYZE: {
      await analyzeTab(m.tabId, { force: m.force });
      return getState(m.tabId);
    }
    case FROM_PAGE.SHOW_IN_PAGE:
      return showInPage(m.tabId, m.evidence);
    case FROM_PAGE.SETTINGS_CHANGED:
      await syncContentScript();
      return { ok: true };
    case FROM_PAGE.CLEAR_CACHE:
      return clearCache();
    case FROM_PAGE.CACHE_INFO:
      return cacheInfo();
    default:
      throw new ProtocolError(`unhandled ${m.kind}`);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const role = senderRole(sender, { extensionId: chrome.runtime.id, extensionOrigin });
  if (role === "content") {
    let m;
    try {
      m = validateContentMessage(message, sender);
    } catch (e) {
      log(`dropped a message from tab ${sender.tab?.id}:`, e.message);
      return false;
    }
    handleContent(m).catch((e) => log("content message:", e?.message ?? e));
    return false;
  }
  if (role === "extension") {
    // Broadcasts are not requests to the background.
    if (message?.kind === BROADCAST.STATE_CHANGED) return false;
    let m;
    try {
      m = validatePageMessage(message);
    } catch (e) {
      sendResponse({ error: e.message });
      return false;
    }
    handlePage(m).then(sendResponse, (e) => {
      log(m.kind, e);
      sendResponse({ error: String(e?.message ?? e) });
    });
    return true;
  }
  return false;
});

// --- tabs and the content script registration -----------------------------------------------

chrome.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // A new document in the tab: its old result no longer applies.
  if (changeInfo.status === "loading") clearTabState(tabId).catch(() => {});
});

chrome.tabs.onRemoved.addListener((tabId) => {
  chrome.storage.session.remove(tabKey(tabId)).catch(() => {});
});

/** Registers the detection content script in automatic mode with host access; else removes it. */
async function syncContentScript() {
  const settings = await loadSettings();
  const access = await chrome.permissions.contains({ origins: [...HOST_ORIGINS] }).catch(() => false);
  const want = settings.mode === "auto" && access;
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (want && existing.length === 0) {
    await chrome.scripting.registerContentScripts([
      {
        id: CONTENT_SCRIPT_ID,
        matches: [...HOST_ORIGINS],
        js: ["extract.js", "content.js"],
        css: ["content.css"],
        runAt: "document_idle",
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  } else if (!want && existing.length > 0) {
    await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  }
}

chrome.runtime.onInstalled.addListener(() => {
  syncContentScript().catch((e) => log("content script:", e?.message ?? e));
});
chrome.runtime.onStartup.addListener(() => {
  syncContentScript().catch((e) => log("content script:", e?.message ?? e));
});
chrome.permissions.onAdded.addListener(() => syncContentScript().catch(() => {}));
chrome.permissions.onRemoved.addListener(() => syncContentScript().catch(() => {}));
