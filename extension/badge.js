// The toolbar state as a pure function of a report: which segments the icon draws, the badge
// text, its colour and the tooltip. No browser API here (tests/node/extension.test.mjs
// runs it in Node); background.js paints the result with icon.js and chrome.action.

/** The three practices, in the icon's top-to-bottom order (the popup's row order). */
export const PRACTICES = Object.freeze(["tracking", "sale", "retention"]);

/** The four levels of src/report.rs. */
export const LEVELS = Object.freeze(["good", "caution", "bad", "unknown"]);

/** Fill colour per level; `unknown` is drawn hollow in grey, so it never looks like `bad`. */
export const LEVEL_COLORS = Object.freeze({
  good: "#0a8754",
  caution: "#d99400",
  bad: "#d62828",
  unknown: "#8a8f98",
});

/** Background of the badge text (the number of bad practices). */
export const BADGE_COLOR = "#b3261e";

/** Text symbol per level, as in the popup (✓ ! ✗ ?). */
export const LEVEL_SYMBOLS = Object.freeze({ good: "✓", caution: "!", bad: "✗", unknown: "?" });

function levelOf(practice) {
  return practice && LEVELS.includes(practice.level) ? practice.level : "unknown";
}

/** True when the report has verdicts worth a badge: a policy with at least one analyzed practice. */
export function hasVerdicts(report) {
  if (!report || typeof report !== "object" || !report.practices) return false;
  if (report.is_policy !== true) return false;
  return PRACTICES.some((k) => report.practices[k] && report.practices[k].verdict !== "not_analyzed");
}

/**
 * The toolbar state for a tab.
 *
 *   report     the analyzer's report, or null when nothing was analyzed
 *   t          translator (key, substitutions) → string; needs the `badge_*` keys of
 *              extension/_locales and the `view_practice_*`, `view_verdict_*`, `view_level_*`
 *              keys of ui/_locales
 *   policyUrl  the policy that was read, when it is not the page itself
 *
 * Returns {show: false, title} when there is nothing to show (not a policy, no report), else
 * {show: true, segments: [{practice, verdict, level}] ×3, bad, text, color, title}.
 */
export function badgeState(report, t, { policyUrl = null } = {}) {
  if (typeof t !== "function") throw new TypeError("badgeState: t must be a translator function");
  if (!hasVerdicts(report)) {
    return { show: false, segments: null, bad: 0, text: "", color: BADGE_COLOR, title: t("badge_title_idle") };
  }
  const segments = PRACTICES.map((practice) => {
    const p = report.practices[practice] ?? {};
    return { practice, verdict: String(p.verdict ?? "not_analyzed"), level: levelOf(p) };
  });
  const bad = segments.filter((s) => s.level === "bad").length;
  const lines = segments.map((s) => {
    const verdictKey = `view_verdict_${s.practice}_${s.verdict}`;
    let verdict = t(verdictKey);
    if (verdict === verdictKey) verdict = s.verdict.replace(/_/g, " ");
    return t("badge_title_line", [LEVEL_SYMBOLS[s.level], t(`view_practice_${s.practice}`), verdict, t(`view_level_${s.level}`)]);
  });
  const head = policyUrl ? t("badge_title_linked", policyUrl) : t("badge_title_page");
  return {
    show: true,
    segments,
    bad,
    // The badge counts bad practices; no text when none is bad (the icon still shows all three).
    text: bad > 0 ? String(bad) : "",
    color: BADGE_COLOR,
    title: [head, ...lines].join("\n"),
  };
}
