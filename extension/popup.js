// The popup: asks the background for the tab's state (and to analyze when there is none), then
// shows it with the shared report view (ui/report-view.js). It only displays: every string from a
// page or a report goes into the DOM as text (the view uses textContent; so does this file).
// Opened as a tab for tests or from the options page, `popup.html?tab=<id>` names the tab.
import { loadTranslator, renderReport, renderState, reportAsText } from "./ui/report-view.js";
import { BROADCAST, PAGE_TO_BACKGROUND as REQ } from "./protocol.js";
import { unsupportedReason } from "./pages.js";

const $ = (id) => document.getElementById(id);
const card = $("card");
let t = (key) => key;
let tabId = null;
let current = { state: null, report: null };

async function makeTranslator() {
  const view = await loadTranslator(new URL("./ui/", import.meta.url).href, chrome.i18n.getUILanguage());
  return (key, subs) => {
    const list = subs === undefined || subs === null ? undefined : [].concat(subs).map(String);
    return chrome.i18n.getMessage(key, list) || view(key, subs);
  };
}

async function request(message) {
  const response = await chrome.runtime.sendMessage(message);
  if (!response) throw new Error(t("popup_error_no_answer"));
  if (response.error) throw new Error(response.error);
  return response;
}

function toast(text) {
  const el = $("toast");
  el.textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.textContent = ""), 4000);
}

function relativeTime(ms) {
  const seconds = Math.round((ms - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(chrome.i18n.getUILanguage(), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, "second");
  if (abs < 2700) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 64800) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86400), "day");
}

function hostOf(url) {
  try {
    return new URL(url).host || url;
  } catch {
    return "";
  }
}

/** The line under the site name: which policy was read, and when. */
function showSource(state, report) {
  const el = $("source");
  el.replaceChildren();
  el.hidden = true;
  if (!state || state.status !== "report") return;
  const when = document.createElement("time");
  when.dateTime = new Date(state.analyzedAt).toISOString();
  when.title = new Date(state.analyzedAt).toLocaleString(chrome.i18n.getUILanguage());
  when.textContent = t("popup_analyzed", relativeTime(state.analyzedAt));
  if (state.source === "linked") {
    const link = document.createElement("a");
    link.href = state.policyUrl;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = state.policyUrl;
    link.dir = "ltr"; // an address reads left to right in any language
    el.append(t("popup_source_linked"), " ", link, " · ", when);
  } else {
    el.append(t(report?.is_policy === false ? "popup_source_forced" : "popup_source_page"), " · ", when);
  }
  el.hidden = false;
}

function setTools({ copy = false, again = false } = {}) {
  $("copy").hidden = !copy;
  $("again").hidden = !again;
}

async function showInPage(_key, evidence) {
  try {
    const result = await request({ kind: REQ.SHOW_IN_PAGE, tabId, evidence });
    toast(result.ok ? t("popup_shown_in_page") : t("popup_not_in_page"));
  } catch (e) {
    toast(t("popup_not_in_page"));
    console.warn(e);
  }
}

async function analyze({ force = false } = {}) {
  renderState(card, "analyzing", { t, message: force ? null : t("popup_analyzing") });
  setTools();
  try {
    render(await request({ kind: REQ.ANALYZE, tabId, force }));
  } catch (e) {
    showError(e, () => analyze({ force }));
  }
}

/** The analysis error state: what failed, in words, and a way to try again. */
function showError(e, retry) {
  console.warn(e);
  renderState(card, "error", {
    t,
    message: t("popup_error_body", String(e?.message ?? e).slice(0, 300)),
    actions: retry ? [{ label: t("popup_try_again"), onClick: retry }] : undefined,
  });
  setTools();
}

function unsupportedMessage(reason) {
  return t(`popup_unsupported_${["pdf", "file"].includes(reason) ? reason : "internal"}`);
}

/** "German" for "de" in the browser's language; the code itself when the browser has no name. */
function languageName(code) {
  const tag = String(code ?? "");
  try {
    return new Intl.DisplayNames([chrome.i18n.getUILanguage()], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Why a policy could not be fetched, in words (background.js fetchProblem). */
function problemText(detail) {
  const d = String(detail ?? "network");
  if (/^HTTP \d{3}$/.test(d)) return t("popup_problem_http", d);
  return t(`popup_problem_${["timeout", "not_html", "too_large"].includes(d) ? d : "network"}`);
}

/** Under a no-policy state: the addresses that were checked. */
function appendTried(state) {
  if (!state.tried?.length) return;
  const label = document.createElement("p");
  label.className = "pl-tried-label";
  label.textContent = t("popup_tried");
  const list = document.createElement("ul");
  list.className = "pl-tried";
  list.setAttribute("aria-label", t("popup_tried"));
  for (const url of state.tried) {
    const li = document.createElement("li");
    li.dir = "ltr";
    li.textContent = url;
    list.append(li);
  }
  card.querySelector(".plv-state")?.append(label, list);
}

function render({ state, report }) {
  current = { state, report };
  showSource(state, report);
  if (!state) {
    renderState(card, "empty", { t });
    setTools();
    return;
  }
  switch (state.status) {
    case "report":
      renderReport(card, report, {
        t,
        changes: state.changes,
        onEvidence: state.source === "page" ? showInPage : undefined,
        headingLevel: 2,
      });
      setTools({ copy: true, again: true });
      if (state.changes?.length && state.previousAnalyzedAt) {
        const note = document.createElement("p");
        note.className = "pl-how";
        note.textContent = t("popup_changed_since", new Date(state.previousAnalyzedAt).toLocaleDateString(chrome.i18n.getUILanguage()));
        card.querySelector(".plv-changes")?.append(note);
      }
      return;
    case "no_policy":
    case "not_policy": {
      renderState(card, "not_policy", {
        t,
        message: state.link?.problem === "not_policy" ? t("popup_no_policy_linked", state.link.url) : t("popup_no_policy"),
        actions: [{ label: t("popup_analyze_anyway"), onClick: () => analyze({ force: true }) }],
      });
      appendTried(state);
      setTools({ again: true });
      return;
    }
    case "unreachable": {
      // The page names its policy but it could not be fetched: not the same as "no policy".
      const actions = [{ label: t("popup_try_again"), onClick: () => analyze() }];
      if (state.hasText) actions.push({ label: t("popup_analyze_anyway"), onClick: () => analyze({ force: true }) });
      renderState(card, "unreachable", { t, message: t("popup_unreachable", [state.link?.url ?? "", problemText(state.link?.detail)]), actions });
      appendTried(state);
      setTools();
      return;
    }
    case "unsupported_language": {
      // The page (or the policy it links) is in a language the rules do not read yet.
      const name = languageName(state.language);
      const message = state.link?.url ? t("popup_language_linked", [state.link.url, name]) : t("popup_language_page", name);
      renderState(card, "unsupported_language", { t, message });
      setTools({ again: true });
      return;
    }
    case "empty":
      renderState(card, "empty", {
        t,
        message: state.link?.problem === "not_policy" ? t("popup_no_policy_linked", state.link.url) : t("popup_empty"),
      });
      appendTried(state);
      setTools({ again: true });
      return;
    case "too_large":
      renderState(card, "too_large", { t, message: t("popup_too_large") });
      setTools();
      return;
    case "unsupported":
      renderState(card, "unsupported_page", { t, message: unsupportedMessage(state.reason) });
      setTools();
      return;
    default:
      showError(new Error(state.message ?? String(state.status)), () => analyze());
  }
}

async function copyAsText() {
  const { state, report } = current;
  if (!report) return;
  let text = reportAsText(report, t);
  if (state?.policyUrl) text += `\n${t("popup_copy_policy", state.policyUrl)}`;
  try {
    await navigator.clipboard.writeText(text);
    toast(t("popup_copied"));
  } catch {
    toast(t("popup_copy_failed"));
  }
}

async function main() {
  try {
    t = await makeTranslator();
  } catch (e) {
    renderState(card, "error", { t: (k) => k, message: e.message });
    return;
  }
  document.documentElement.lang = chrome.i18n.getUILanguage();
  document.title = t("ext_name");
  $("copy").textContent = t("popup_copy");
  $("again").textContent = t("popup_again");
  $("options").textContent = t("popup_options");
  $("how").textContent = t("popup_how");
  $("copy").addEventListener("click", copyAsText);
  $("again").addEventListener("click", () => analyze());
  $("options").addEventListener("click", () => chrome.runtime.openOptionsPage());

  const param = new URLSearchParams(location.search).get("tab");
  if (param !== null) {
    tabId = Number(param);
    document.body.classList.add("pl-in-tab");
  } else {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id ?? null;
  }
  let tab = null;
  try {
    tab = Number.isInteger(tabId) ? await chrome.tabs.get(tabId) : null;
  } catch {
    tab = null;
  }
  $("site").textContent = (tab && hostOf(tab.url)) || t("popup_this_tab");
  const reason = tab ? unsupportedReason(tab.url) : "internal";
  if (reason) {
    render({ state: { status: "unsupported", reason }, report: null });
    return;
  }
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.kind === BROADCAST.STATE_CHANGED && message.tabId === tabId && card.dataset.busy !== "1") {
      request({ kind: REQ.GET_STATE, tabId }).then((r) => r.state && render(r), () => {});
    }
    return false;
  });
  try {
    const known = await request({ kind: REQ.GET_STATE, tabId });
    // No result yet, or the page is not a policy: the click is the user's request to find one.
    if (known.state && known.state.status !== "not_policy") render(known);
    else {
      card.dataset.busy = "1";
      await analyze();
      delete card.dataset.busy;
    }
  } catch (e) {
    showError(e, () => analyze());
  }
}

main();
