// The shared report view: one module renders a policy-lens report for both the extension's popup
// and the demo page (build.sh copies ui/ to extension/ui/ and www/ui/). An ES module with no
// dependencies and no build step. Every string from a report or a policy goes into the DOM as
// text (textContent / text nodes), never as markup.
//
//   import { loadTranslator, renderReport } from "./ui/report-view.js";
//   const t = await loadTranslator();
//   renderReport(document.querySelector("#summary"), report, { t, onEvidence: (key, e) => ... });
//
// Styles: ./report-view.css. Strings: ./_locales/<lang>/messages.json (keys `view_`).

/** The three practices, in the fixed order of the rows. */
export const PRACTICES = Object.freeze(["tracking", "sale", "retention"]);

/** The four levels and the symbol that goes with each (never colour alone). */
export const LEVELS = Object.freeze(["good", "caution", "bad", "unknown"]);
export const LEVEL_SYMBOLS = Object.freeze({ good: "✓", caution: "!", bad: "✗", unknown: "?" });

/** The states renderState() draws. */
export const STATES = Object.freeze([
  "analyzing",
  "error",
  "empty",
  "too_large",
  "unsupported_page",
  "unreachable",
  "not_policy",
  "unsupported_language",
]);

const SVG_NS = "http://www.w3.org/2000/svg";

// --- strings ---------------------------------------------------------------------------------

/**
 * A translator over Chrome-format messages (`{key: {message, placeholders?}}`): `t(key, subs)`
 * fills named placeholders (`$count$` → its `content`) and `$1`..`$9` from `subs` (a value or an
 * array), and `$$` gives a `$`, as chrome.i18n.getMessage does. Keys missing from `messages` come
 * from `fallback`; a key missing from both is returned as is, so that it shows up.
 */
export function makeTranslator(messages, fallback = {}) {
  for (const [name, value] of [
    ["messages", messages],
    ["fallback", fallback],
  ]) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new TypeError(`makeTranslator: ${name} must be a messages.json object`);
    }
  }
  return function t(key, subs) {
    const entry = Object.hasOwn(messages, key) ? messages[key] : Object.hasOwn(fallback, key) ? fallback[key] : null;
    if (!entry || typeof entry.message !== "string") return key;
    const values = subs === undefined || subs === null ? [] : Array.isArray(subs) ? subs : [subs];
    const placeholders = {};
    for (const [name, p] of Object.entries(entry.placeholders ?? {})) {
      placeholders[name.toLowerCase()] = p && typeof p.content === "string" ? p.content : "";
    }
    const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) =>
      Object.hasOwn(placeholders, name.toLowerCase()) ? placeholders[name.toLowerCase()] : whole,
    );
    return withPlaceholders.replace(/\$\$|\$([1-9])/g, (whole, digit) =>
      digit ? String(values[Number(digit) - 1] ?? "") : "$",
    );
  };
}

/** Locale folder names to try for a BCP 47 tag: "pt-BR" → ["pt_BR", "pt"]. */
export function localeCandidates(lang) {
  const tag = String(lang ?? "").trim().replace(/-/g, "_");
  if (!/^[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})*$/.test(tag)) return [];
  const [language, region] = tag.split("_");
  const out = [];
  if (region) out.push(`${language.toLowerCase()}_${region.length === 2 ? region.toUpperCase() : region}`);
  out.push(language.toLowerCase());
  // English is the fallback that is always loaded; regional English strings are not kept.
  return language.toLowerCase() === "en" ? [] : out;
}

async function fetchMessages(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/**
 * Fetches `${base}/_locales/${lang}/messages.json` (Chrome's format), falling back to "en" for
 * a missing locale or key, and returns a translator t(key, substitutions?) (see makeTranslator).
 * Rejects with a readable Error when even the English strings cannot be loaded.
 */
export async function loadTranslator(base = new URL("./", import.meta.url).href, lang = globalThis.navigator?.language) {
  const root = String(base).replace(/\/+$/, "");
  let english;
  try {
    english = await fetchMessages(`${root}/_locales/en/messages.json`);
  } catch (e) {
    throw new Error(`loadTranslator: cannot load the English strings from ${root}/_locales/en/ (${e.message})`);
  }
  for (const candidate of localeCandidates(lang)) {
    try {
      return makeTranslator(await fetchMessages(`${root}/_locales/${candidate}/messages.json`), english);
    } catch {
      // Not translated into this locale: try the next, then English.
    }
  }
  return makeTranslator(english);
}

// --- small DOM helpers ----------------------------------------------------------------------

/** An element with classes, attributes and children (strings become text nodes). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function requireTranslator(fname, t) {
  if (typeof t !== "function") {
    throw new TypeError(`${fname}: options.t must be a translator function (from loadTranslator())`);
  }
}

/** The level icon: a shape per level with its symbol, named for screen readers. */
function levelIcon(level, t) {
  const known = LEVELS.includes(level) ? level : "unknown";
  return el(
    "span",
    { class: `plv-icon plv-icon-${known}`, role: "img", "aria-label": t(`view_level_${known}`) },
    el("span", { class: "plv-icon-symbol", "aria-hidden": "true", text: LEVEL_SYMBOLS[known] }),
  );
}

/** The error state's icon: its own shape (a grey rounded square with "!"), so that a failure
 * never looks like a "bad" verdict. */
function errorIcon(t) {
  return el(
    "span",
    { class: "plv-icon plv-icon-error", role: "img", "aria-label": t("view_icon_error") },
    el("span", { class: "plv-icon-symbol", "aria-hidden": "true", text: "!" }),
  );
}

function chevron() {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("class", "plv-chevron");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", "M6 3.5 10.5 8 6 12.5");
  svg.append(path);
  return svg;
}

function actionButtons(actions) {
  if (!Array.isArray(actions) || actions.length === 0) return null;
  return el(
    "div",
    { class: "plv-actions" },
    actions.map((a, i) =>
      el("button", {
        type: "button",
        class: i === 0 ? "plv-button plv-button-primary" : "plv-button",
        text: String(a.label ?? ""),
        onclick: (event) => a.onClick?.(event),
      }),
    ),
  );
}

/** The verdict in words: "Third-party tracking", "Does not sell", ... */
export function verdictLabel(practice, verdict, t) {
  requireTranslator("verdictLabel", t);
  const key = `view_verdict_${practice}_${verdict}`;
  const label = t(key);
  return label === key ? String(verdict).replace(/_/g, " ") : label;
}

function quoteText(quote) {
  return `“${String(quote).replace(/\s+/g, " ").trim()}”`;
}

function shortQuote(quote, max = 60) {
  const q = String(quote).replace(/\s+/g, " ").trim();
  return q.length > max ? `${q.slice(0, max - 1)}…` : q;
}

function quoteList(key, evidence, t, onEvidence) {
  return el(
    "ul",
    { class: "plv-quotes" },
    evidence.map((item) =>
      el(
        "li",
        { class: "plv-quote-item" },
        // <bdi>: a quote keeps its own direction inside a page of the other direction, while
        // the box (its bar, its alignment) follows the page's.
        el("blockquote", { class: "plv-quote" }, el("bdi", { text: quoteText(item.quote) })),
        typeof onEvidence === "function"
          ? el(
              "button",
              {
                type: "button",
                class: "plv-show",
                "aria-label": t("view_show_in_page_label", shortQuote(item.quote)),
                onclick: () => onEvidence(key, item),
              },
              t("view_show_in_page"),
            )
          : null,
      ),
    ),
  );
}

/** Facts from a practice's details that are worth a line under the quotes. */
function detailFacts(key, practice, t) {
  const d = practice.details ?? {};
  const facts = [];
  if (key === "tracking") {
    if (Array.isArray(d.third_parties) && d.third_parties.length > 0) {
      facts.push(t("view_trackers_named", d.third_parties.join(", ")));
    }
    if (d.do_not_track === "honored") facts.push(t("view_flag_dnt_honored"));
    if (d.do_not_track === "not_honored") facts.push(t("view_flag_dnt_not_honored"));
  } else if (key === "sale") {
    if (d.opt_out) facts.push(t("view_flag_opt_out"));
    if (d.business_transfer) facts.push(t("view_flag_business_transfer"));
  } else if (key === "retention") {
    if (Array.isArray(d.periods) && d.periods.length > 0) facts.push(t("view_periods", d.periods.join(", ")));
    if (d.after_deletion) facts.push(t("view_flag_after_deletion"));
  }
  return facts.length ? el("ul", { class: "plv-facts" }, facts.map((f) => el("li", { text: f }))) : null;
}

function rowHead(key, practice, t, { evidenceCount, busy = false } = {}) {
  const level = busy ? "unknown" : practice.level;
  const count =
    evidenceCount === undefined
      ? null
      : evidenceCount === 0
        ? t("view_evidence_none")
        : evidenceCount === 1
          ? t("view_evidence_one")
          : t("view_evidence_many", evidenceCount);
  return [
    busy ? el("span", { class: "plv-icon plv-icon-busy", "aria-hidden": "true" }, el("span", { class: "plv-spinner" })) : levelIcon(level, t),
    el(
      "span",
      { class: "plv-row-text" },
      el("span", { class: "plv-practice", text: t(`view_practice_${key}`) }),
      el("span", { class: "plv-verdict", text: busy ? t("view_state_analyzing") : verdictLabel(key, practice.verdict, t) }),
      busy
        ? [el("span", { class: "plv-placeholder", "aria-hidden": "true" }), el("span", { class: "plv-placeholder plv-placeholder-short", "aria-hidden": "true" })]
        : el("span", { class: "plv-headline", text: String(practice.headline ?? "") }),
      count === null ? null : el("span", { class: "plv-count" }, count, evidenceCount > 0 ? chevron() : null),
    ),
  ];
}

function practiceRow(key, practice, { t, onEvidence, onOpen }) {
  const evidence = Array.isArray(practice.evidence) ? practice.evidence : [];
  const level = LEVELS.includes(practice.level) ? practice.level : "unknown";
  const row = el("li", {
    class: `plv-row plv-level-${level}`,
    "data-practice": key,
    "data-verdict": String(practice.verdict),
    "data-level": level,
  });
  const facts = detailFacts(key, practice, t);
  if (evidence.length === 0) {
    row.append(el("div", { class: "plv-summary plv-static" }, rowHead(key, practice, t, { evidenceCount: 0 })));
    if (facts) row.append(el("div", { class: "plv-body" }, facts));
    return row;
  }
  const details = el(
    "details",
    { class: "plv-disclosure" },
    el("summary", { class: "plv-summary" }, rowHead(key, practice, t, { evidenceCount: evidence.length })),
    el("div", { class: "plv-body" }, quoteList(key, evidence, t, onEvidence), facts),
  );
  details.addEventListener("toggle", () => {
    if (details.open && typeof onOpen === "function") onOpen(key, evidence[0]);
  });
  row.append(details);
  return row;
}

function findingsList(report, { t, onEvidence, headingLevel }) {
  const findings = Array.isArray(report.findings) ? report.findings : [];
  if (findings.length === 0) return null;
  return el(
    "section",
    { class: "plv-findings", "aria-label": t("view_findings_title") },
    el("div", { class: "plv-findings-title", role: "heading", "aria-level": headingLevel, text: t("view_findings_title") }),
    el(
      "ul",
      { class: "plv-findings-list" },
      findings.map((f) =>
        el(
          "li",
          { class: "plv-finding", "data-finding": String(f.id) },
          el(
            "details",
            { class: "plv-disclosure" },
            el("summary", { class: "plv-finding-summary" }, el("span", { text: String(f.headline ?? f.id) }), chevron()),
            f.evidence ? el("div", { class: "plv-body" }, quoteList(`finding:${f.id}`, [f.evidence], t, onEvidence)) : null,
          ),
        ),
      ),
    ),
  );
}

function changesNotice(changes, t) {
  if (!Array.isArray(changes) || changes.length === 0) return null;
  return el(
    "div",
    { class: "plv-changes", role: "status" },
    el("strong", { class: "plv-changes-title", text: t("view_changes_title") }),
    el(
      "ul",
      {},
      changes.map((c) =>
        el("li", {
          "data-practice": String(c.practice),
          text: t("view_change", [
            t(`view_practice_${c.practice}`),
            verdictLabel(c.practice, c.from, t),
            verdictLabel(c.practice, c.to, t),
          ]),
        }),
      ),
    ),
  );
}

/** Which explicit state a report without verdicts gets. */
function notAnalyzedState(report) {
  const lang = String(report.language ?? "und");
  if (lang !== "en" && lang !== "und") return "unsupported_language";
  return report.is_policy ? "unsupported_language" : "not_policy";
}

function isReport(report) {
  return (
    report !== null &&
    typeof report === "object" &&
    report.practices !== null &&
    typeof report.practices === "object" &&
    PRACTICES.every((k) => report.practices[k] && typeof report.practices[k].verdict === "string")
  );
}

function stateBox(state, { t, title, body, detail, actions, level = "unknown" }) {
  return el(
    "div",
    { class: `plv plv-state plv-state-${state}`, "data-state": state, role: state === "error" ? "alert" : "status" },
    el(
      "div",
      { class: "plv-state-head" },
      state === "error" ? errorIcon(t) : levelIcon(level, t),
      el("p", { class: "plv-state-title", text: title }),
    ),
    body ? el("p", { class: "plv-state-body", text: body }) : null,
    detail ? el("p", { class: "plv-state-detail", text: detail }) : null,
    actionButtons(actions),
  );
}

/**
 * Renders the three-row summary card into `root`, replacing its content: per practice (fixed
 * order) the level icon, the verdict in words, the report's headline and a disclosure with the
 * quoted evidence; other findings below. A report without verdicts (not a policy, another
 * language) renders an explicit state instead of rows, with options.actions. Options:
 *   t             translator (required), from loadTranslator()
 *   onEvidence    (practiceKey, evidenceItem) => void; adds a "Show in page" button per quote
 *                 (findings use the key "finding:<id>")
 *   onOpen        (practiceKey, firstEvidenceItem) => void; called when a row's evidence opens
 *   changes       [{practice, from, to}] verdict changes since the last analysis
 *   actions       [{label, onClick}] buttons for the not-a-policy / unsupported-language state
 *   headingLevel  aria-level of the card's sub-heading (default 3)
 */
export function renderReport(root, report, { t, onEvidence, changes, actions, onOpen, headingLevel = 3 } = {}) {
  requireTranslator("renderReport", t);
  if (!root || typeof root.replaceChildren !== "function") {
    throw new TypeError("renderReport: root must be a DOM element");
  }
  if (!isReport(report)) {
    renderState(root, "error", { t, message: "renderReport: this is not a policy-lens report (no practices)." });
    return;
  }
  const p = report.practices;
  if (PRACTICES.every((k) => p[k].verdict === "not_analyzed")) {
    const state = notAnalyzedState(report);
    const reason = String(p.tracking.reason ?? "");
    const confidence = Math.round(Number(report.policy_confidence ?? 0) * 100);
    const box =
      state === "not_policy"
        ? stateBox(state, {
            t,
            title: t("view_state_not_policy_title"),
            body: t("view_state_not_policy_body"),
            detail: t("view_policy_check", confidence),
            actions,
          })
        : stateBox(state, {
            t,
            title: t("view_state_unsupported_language_title"),
            body: reason || t("view_state_unsupported_language_body"),
            detail: reason ? t("view_state_unsupported_language_body") : null,
            actions,
          });
    box.dataset.policyConfidence = String(confidence);
    root.replaceChildren(box);
    return;
  }
  const card = el("div", {
    class: "plv plv-card",
    "data-state": "report",
    role: "group",
    "aria-label": t("view_title"),
  });
  const notice = changesNotice(changes, t);
  if (notice) card.append(notice);
  if (report.is_policy === false) {
    card.append(el("p", { class: "plv-notice", text: t("view_forced", Math.round(Number(report.policy_confidence ?? 0) * 100)) }));
  }
  card.append(
    el(
      "ol",
      { class: "plv-rows" },
      PRACTICES.map((k) => practiceRow(k, p[k], { t, onEvidence, onOpen })),
    ),
  );
  const findings = findingsList(report, { t, onEvidence, headingLevel });
  if (findings) card.append(findings);
  root.replaceChildren(card);
}

/**
 * Renders a state that is not a report: "analyzing" (the three rows with a spinner that shows
 * only after 200 ms, so the layout does not jump when the report comes), "error" (options.message
 * is the detail), "empty", "too_large", "unsupported_page", "unreachable" (a policy that could not
 * be fetched), and the report states "not_policy" and
 * "unsupported_language". options.message replaces the default body; options.actions as in
 * renderReport.
 */
export function renderState(root, state, { t, message, actions } = {}) {
  requireTranslator("renderState", t);
  if (!root || typeof root.replaceChildren !== "function") {
    throw new TypeError("renderState: root must be a DOM element");
  }
  if (!STATES.includes(state)) {
    throw new TypeError(`renderState: unknown state "${state}" (known: ${STATES.join(", ")})`);
  }
  if (state === "analyzing") {
    const card = el(
      "div",
      { class: "plv plv-card plv-analyzing", "data-state": "analyzing", role: "status", "aria-busy": "true", "aria-label": t("view_state_analyzing") },
      el(
        "ol",
        { class: "plv-rows" },
        PRACTICES.map((k) =>
          el(
            "li",
            { class: "plv-row plv-level-unknown", "data-practice": k },
            el("div", { class: "plv-summary plv-static" }, rowHead(k, { level: "unknown" }, t, { busy: true })),
          ),
        ),
      ),
      message ? el("p", { class: "plv-state-detail", text: String(message) }) : null,
    );
    root.replaceChildren(card);
    return;
  }
  const titles = {
    error: "view_state_error_title",
    empty: "view_state_empty_title",
    too_large: "view_state_too_large_title",
    unsupported_page: "view_state_unsupported_page_title",
    unreachable: "view_state_unreachable_title",
    not_policy: "view_state_not_policy_title",
    unsupported_language: "view_state_unsupported_language_title",
  };
  const bodies = {
    error: null,
    empty: "view_state_empty_body",
    too_large: "view_state_too_large_body",
    unsupported_page: "view_state_unsupported_page_body",
    unreachable: "view_state_unreachable_body",
    not_policy: "view_state_not_policy_body",
    unsupported_language: "view_state_unsupported_language_body",
  };
  const body = message ? String(message) : bodies[state] ? t(bodies[state]) : null;
  root.replaceChildren(stateBox(state, { t, title: t(titles[state]), body, actions }));
}

/** Plain-text summary for "copy as text": three verdicts, headlines and quotes, then findings. */
export function reportAsText(report, t) {
  requireTranslator("reportAsText", t);
  if (!isReport(report)) throw new TypeError("reportAsText: this is not a policy-lens report");
  const p = report.practices;
  const lines = [];
  if (report.title) lines.push(String(report.title), "");
  if (PRACTICES.every((k) => p[k].verdict === "not_analyzed")) {
    lines.push(t("view_text_not_analyzed", String(p.tracking.reason ?? "")));
  } else {
    for (const k of PRACTICES) {
      const level = LEVELS.includes(p[k].level) ? p[k].level : "unknown";
      lines.push(t("view_text_verdict_line", [t(`view_practice_${k}`), verdictLabel(k, p[k].verdict, t), LEVEL_SYMBOLS[level], t(`view_level_${level}`).toLowerCase()]));
      lines.push(`  ${p[k].headline}`);
      for (const e of p[k].evidence ?? []) lines.push(`  > ${quoteText(e.quote)}`);
      lines.push("");
    }
    const findings = Array.isArray(report.findings) ? report.findings : [];
    if (findings.length) {
      lines.push(t("view_text_findings"));
      for (const f of findings) {
        lines.push(`- ${f.headline}`);
        if (f.evidence) lines.push(`  > ${quoteText(f.evidence.quote)}`);
      }
      lines.push("");
    }
  }
  lines.push(t("view_text_footer", String(report.version ?? "")));
  return lines.join("\n");
}
