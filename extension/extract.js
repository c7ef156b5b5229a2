// Page reading for the content script (the live page; the background imports it for
// wellKnownPolicyUrls). A fetched policy is not read here but by the analyzer's own HTML reader
// (htmlToBlocks, src/html.rs in the wasm). A classic script: content scripts cannot be ES
// modules. It defines globalThis.PolicyLensExtract with
//
//   policyHint({url, title, headings})   cheap "could this be a policy page?" from URL, title
//                                        and headings only (runs on every page; no text read)
//   extractBlocks(doc, {live})           the visible text as [{kind, text}] blocks, plus a map
//                                        from block offsets back to DOM text nodes
//   locate(extraction, evidence)         a DOM Range for an evidence item (show in page)
//   extractPlainText(doc), locatePlain   the same for a text/plain document
//   findPolicyLinks(doc, pageUrl)        candidate URLs of the site's privacy policy, best first
//   wellKnownPolicyUrls(pageUrl)         the usual policy paths of the page's origin
//   readCapped(response, max)            a fetched body as text, or null when over max bytes
//
// Only visible text counts: scripts, styles, hidden elements (hidden attribute, aria-hidden,
// display/visibility/opacity, zero-size, off-screen, transparent or tiny text) and navigation
// chrome (nav, header, footer, aside, menus, cookie banners) are left out, as in src/html.rs.
// The live mode reads computed styles and layout; the static mode (a parsed document that is
// never rendered: tests, and any caller without a rendered page) reads the hidden attribute,
// inline styles and simple rules of <style>.
(() => {
  "use strict";

  /** Elements whose content is never text a reader sees. */
  const NEVER_TEXT = new Set([
    "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "IFRAME", "OBJECT", "EMBED", "CANVAS",
    "SELECT", "OPTION", "OPTGROUP", "DATALIST", "BUTTON", "INPUT", "TEXTAREA", "HEAD", "VIDEO",
    "AUDIO", "IMG", "PICTURE", "SOURCE", "TRACK", "MAP", "AREA", "LINK", "META", "BASE", "DIALOG",
  ]);

  /** Elements that start and end a block. */
  const BLOCK = new Set([
    "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "CENTER", "DD", "DETAILS", "DIR",
    "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4",
    "H5", "H6", "HEADER", "HGROUP", "HR", "BR", "LEGEND", "LI", "MAIN", "MENU", "NAV", "OL", "P", "PRE",
    "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "HTML", "SEARCH",
  ]);

  const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);

  /** Page chrome (as in src/html.rs): left out unless it holds most of the page's text. */
  const CHROME_TAGS = new Set(["NAV", "ASIDE", "FORM", "MENU", "SEARCH", "HEADER", "FOOTER"]);
  const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar"]);
  const CHROME_NAMES = new Set([
    "nav", "navbar", "navigation", "menu", "main-menu", "mainmenu", "topbar", "top-bar", "header",
    "site-header", "masthead", "footer", "site-footer", "page-footer", "sidebar", "side-bar",
    "breadcrumb", "breadcrumbs", "cookie-banner", "cookie-notice", "cookie-consent", "cookiebanner",
    "skip-link", "skiplink", "toolbar",
  ]);
  /** Class names that hide text by convention (visually hidden). */
  const HIDDEN_CLASSES = new Set([
    "hidden", "is-hidden", "d-none", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
    "screen-reader-text", "element-invisible", "a-hidden", "u-hidden",
  ]);
  const CONTENT_TAGS = new Set(["ARTICLE", "SECTION", "MAIN"]);
  /** Share of the visible text above which a chrome subtree is kept (a page wrapped in a form). */
  const CHROME_KEEP_SHARE = 0.5;
  /** A list item or cell with more text than this is layout: its text comes out as paragraphs. */
  const LAYOUT_CELL_CHARS = 2000;

  const WS = /\s/;
  const WS_RUN = /\s+/g;

  // --- the cheap policy check ---------------------------------------------------------------

  const URL_HINT = /privacy|privacidad|privacidade|privatsph|datenschutz|confidentialit|riservatezza|privacybeleid|integritet|data-?protection|gdpr|ccpa|personal-?(data|information)/i;
  const TEXT_HINT = /\b(privacy|data protection|personal (data|information) (policy|notice)|datenschutz|confidentialit[ée]|privacidad|privacidade|privacybeleid)\b/i;
  const POLICY_WORD = /\b(policy|notice|statement|charter|pledge|erkl[äa]rung|politique|pol[íi]tica|informativa|verklaring)\b/i;

  /**
   * Could this be a privacy-policy page? Looks only at the URL, the title and the first few
   * headings (a few hundred characters), so it costs next to nothing on other pages. The
   * analyzer's own is_policy check decides afterwards; this only gates the text extraction.
   */
  function policyHint({ url = "", title = "", headings = [] } = {}) {
    const reasons = [];
    let path = "";
    try {
      const u = new URL(url);
      path = decodeURIComponent(u.pathname + u.search);
    } catch {
      path = "";
    }
    if (URL_HINT.test(path)) reasons.push("url");
    if (TEXT_HINT.test(title)) reasons.push("title");
    if (headings.some((h) => TEXT_HINT.test(h) && (POLICY_WORD.test(h) || h.length < 40))) reasons.push("heading");
    return { likely: reasons.length > 0, reasons };
  }

  /** The page's first headings' texts (h1, h2, role=heading), at most `max`, each cut short. */
  function firstHeadings(doc, max = 8) {
    const out = [];
    for (const h of doc.querySelectorAll("h1, h2, [role=heading]")) {
      const text = (h.textContent || "").replace(WS_RUN, " ").trim().slice(0, 200);
      if (text) out.push(text);
      if (out.length >= max) break;
    }
    return out;
  }

  // --- visibility ----------------------------------------------------------------------------

  function tokens(value) {
    return String(value || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function hasHiddenClass(el) {
    return tokens(el.getAttribute("class")).some((c) => HIDDEN_CLASSES.has(c));
  }

  /**
   * An inline style that keeps the text off the screen (as src/html.rs reads it): display:none,
   * visibility:hidden, opacity:0, font-size:0, color:transparent, a clip to nothing, a 1px box
   * with overflow:hidden, or text moved to -999px or beyond.
   */
  function hiddenInlineStyle(el) {
    return styleHides(el.getAttribute("style"));
  }

  /** Does this inline style (a style attribute's value) keep the text off the screen? */
  function styleHides(style) {
    if (!style) return false;
    const s = String(style).toLowerCase().replace(/\s+/g, "");
    const has = (re) => re.test(s);
    return (
      has(/(^|;)display:none/) ||
      has(/(^|;)visibility:(hidden|collapse)/) ||
      has(/(^|;)opacity:0(\.0*)?(;|$|!)/) ||
      has(/(^|;)font-size:0(\.0*)?(px|em|rem|%|pt)?(;|$|!)/) ||
      has(/(^|;)color:(transparent|rgba\([^)]*,0(\.0*)?\))/) ||
      has(/(^|;)clip:rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)/) ||
      has(/(^|;)clip-path:inset\((50|100)%\)/) ||
      (has(/(^|;)width:[01]px/) && has(/(^|;)height:[01]px/) && has(/(^|;)overflow:hidden/)) ||
      has(/(^|;)(left|top|text-indent|margin-left):-\d{3,}(\.\d+)?(px|em|rem)/)
    );
  }

  function transparent(color) {
    if (!color) return false;
    if (color === "transparent") return true;
    const m = /rgba?\(([^)]*)\)/.exec(color);
    if (!m) return false;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean);
    return parts.length === 4 && parseFloat(parts[3]) === 0;
  }

  /** Hidden in the rendered page (live mode): computed style and layout. */
  function hiddenLive(el, win) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
    // The body of a closed <details> is not rendered, but the reader can open it: it counts
    // unless its own style hides it.
    const folded = el.closest("details:not([open])") !== null && el.tagName !== "SUMMARY";
    if (!folded && typeof el.checkVisibility === "function") {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) {
        return true;
      }
    }
    const cs = win.getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse") return true;
    if (parseFloat(cs.opacity) === 0) return true;
    if (parseFloat(cs.fontSize) < 4) return true;
    if (transparent(cs.color) && !/text/.test(cs.webkitTextFillColor || "")) return true;
    if (cs.clipPath && /inset\(\s*(50|100)%/.test(cs.clipPath)) return true;
    if (cs.clip && /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(cs.clip)) return true;
    if (!folded && cs.display !== "contents") {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1 && (cs.overflow === "hidden" || cs.position === "absolute")) return true;
      // Pushed off the page (left: -9999px, text-indent tricks): entirely left of or above it.
      const left = rect.right + win.scrollX;
      const top = rect.bottom + win.scrollY;
      if ((left <= 0 || top <= 0) && (rect.width > 0 || rect.height > 0)) return true;
    }
    return false;
  }

  /** Selectors that <style> rules of a parsed document use to hide things (static mode). */
  function hidingSelectors(doc) {
    const selectors = [];
    if (typeof CSSStyleSheet !== "function") return selectors;
    for (const styleEl of doc.querySelectorAll("style")) {
      let sheet;
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(styleEl.textContent || "");
      } catch {
        continue;
      }
      const visit = (rules) => {
        for (const rule of rules) {
          if (rule.cssRules && !rule.selectorText) {
            // @media and friends: only rules that apply on screen matter; keep it simple.
            if (rule.media && !/screen|all/.test(rule.media.mediaText || "all")) continue;
            visit(rule.cssRules);
            continue;
          }
          if (!rule.selectorText || !rule.style) continue;
          const st = rule.style;
          if (
            st.display === "none" ||
            st.visibility === "hidden" ||
            st.opacity === "0" ||
            /^0(px|em|rem)?$/.test(st.fontSize) ||
            /^-\d{3,}/.test(st.textIndent) ||
            /^-\d{3,}/.test(st.left) ||
            /^-\d{3,}/.test(st.top) ||
            transparent(st.color) ||
            /rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)/.test(st.clip) ||
            /inset\(\s*(50|100)%/.test(st.clipPath) ||
            (/^[01]px$/.test(st.width) && /^[01]px$/.test(st.height) && st.overflow === "hidden")
          ) {
            selectors.push(rule.selectorText);
          }
        }
      };
      try {
        visit(sheet.cssRules);
      } catch {
        // An unreadable sheet hides nothing.
      }
    }
    return selectors.slice(0, 500);
  }

  /** The elements the hiding rules select, found in one pass of the selector engine. */
  function hiddenBySheets(doc, selectors) {
    const found = new Set();
    if (selectors.length === 0) return found;
    const add = (list) => {
      for (const el of list) found.add(el);
    };
    try {
      add(doc.querySelectorAll(selectors.join(",")));
    } catch {
      // One selector this engine does not know spoils the list: take them one by one.
      for (const sel of selectors) {
        try {
          add(doc.querySelectorAll(sel));
        } catch {
          // skip it
        }
      }
    }
    return found;
  }

  function hiddenStatic(el, sheetHidden) {
    if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
    return hiddenInlineStyle(el) || hasHiddenClass(el) || sheetHidden.has(el);
  }

  function isChrome(el) {
    if (CHROME_TAGS.has(el.tagName.toUpperCase())) return true;
    const role = (el.getAttribute("role") || "").toLowerCase();
    if (CHROME_ROLES.has(role)) return true;
    if (CHROME_NAMES.has((el.getAttribute("id") || "").toLowerCase())) return true;
    return tokens(el.getAttribute("class")).some((c) => CHROME_NAMES.has(c));
  }

  // --- blocks --------------------------------------------------------------------------------

  /**
   * Collapses whitespace of one text node's data as it is appended to a block. `state` is
   * {space: boolean, empty: boolean} before the node; returns the appended text. Kept in one
   * function so that locate() can replay it character by character.
   */
  function collapse(data, state) {
    let out = data.replace(WS_RUN, " ");
    if (out.startsWith(" ") && (state.space || state.empty)) out = out.slice(1);
    if (out.length > 0) {
      state.empty = false;
      state.space = out.endsWith(" ");
    }
    return out;
  }

  /** For each character appended from `data` (see collapse), the index it came from in `data`. */
  function sourceIndexes(data, state) {
    const map = [];
    let space = state.space;
    let empty = state.empty;
    for (let i = 0; i < data.length; i++) {
      if (WS.test(data[i])) {
        // A whitespace run: one space, unless a space or the block start came before.
        let j = i;
        while (j + 1 < data.length && WS.test(data[j + 1])) j++;
        if (!space && !empty) {
          map.push(i);
          space = true;
        }
        i = j;
      } else {
        map.push(i);
        space = false;
        empty = false;
      }
    }
    return map;
  }

  /** Which block kind text inside `el` gets, from its element (null: inherit the parent's). */
  function ownKind(el) {
    const tag = el.tagName.toUpperCase();
    if (HEADINGS.has(tag) || (el.getAttribute("role") || "").toLowerCase() === "heading") return "heading";
    if (tag === "LI" || tag === "DT" || tag === "DD") return "list_item";
    if (tag === "TD" || tag === "TH") return "table_cell";
    return null;
  }

  function isLayoutCell(el) {
    const tag = el.tagName.toUpperCase();
    if (!(tag === "LI" || tag === "TD" || tag === "TH" || tag === "DD")) return false;
    return el.querySelector("h1, h2, h3, h4, h5, h6, table") !== null || (el.textContent || "").length > LAYOUT_CELL_CHARS;
  }

  /**
   * The visible text of `doc` as blocks. Options: `live` (true for the rendered page: computed
   * styles and layout decide what is hidden), `maxChars` (stop after this much text; the
   * result then says truncated). Returns {title, blocks: [{kind, text}], segments, truncated}
   * where segments[i] lists {node, start, end, state} for block i (DOM text nodes and where
   * their collapsed text sits in the block).
   */
  function extractBlocks(doc, { live = false, maxChars = 2000000 } = {}) {
    const win = doc.defaultView;
    const useLive = live && win && typeof win.getComputedStyle === "function";
    const sheetHidden = useLive ? new Set() : hiddenBySheets(doc, hidingSelectors(doc));
    const hidden = useLive ? (el) => hiddenLive(el, win) : (el) => hiddenStatic(el, sheetHidden);

    const title = (doc.title || "").replace(WS_RUN, " ").trim();
    const out = []; // {kind, text, segments, chrome}
    if (title) out.push({ kind: "title", text: title, segments: [], chrome: 0 });

    let cur = null;
    let total = title.length;
    let truncated = false;
    const chromeText = [0]; // text length per chrome subtree id (index 0: not chrome)

    function flush() {
      if (cur) {
        let text = cur.text;
        if (text.endsWith(" ")) text = text.slice(0, -1);
        if (text.length > 0) {
          cur.text = text;
          out.push(cur);
          total += text.length;
          chromeText[cur.chrome] = (chromeText[cur.chrome] || 0) + text.length;
          if (total > maxChars) truncated = true;
        }
      }
      cur = null;
    }

    // Iterative walk: [node, kind, chromeId] on enter, {exit: el} on leave.
    const body = doc.body || doc.documentElement;
    if (!body) return { title, blocks: [], segments: [], truncated: false };
    const stack = [{ node: body, kind: "paragraph", chrome: 0, inContent: false }];
    let nextChrome = 1;
    while (stack.length > 0 && !truncated) {
      const item = stack.pop();
      if (item.exit) {
        if (item.block) flush();
        continue;
      }
      const { node, kind, chrome, inContent } = item;
      if (node.nodeType === 3) {
        const data = node.data;
        if (!data) continue;
        if (!cur) cur = { kind, text: "", segments: [], chrome, state: { space: false, empty: true } };
        const state = { space: cur.state.space, empty: cur.state.empty };
        const appended = collapse(data, cur.state);
        if (appended.length > 0) {
          cur.segments.push({ node, start: cur.text.length, end: cur.text.length + appended.length, state });
          cur.text += appended;
        }
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node;
      const tag = el.tagName.toUpperCase();
      if (NEVER_TEXT.has(tag)) continue;
      if (el !== body && hidden(el)) continue;
      let block = BLOCK.has(tag);
      if (!block && useLive) {
        const display = win.getComputedStyle(el).display;
        block = !display.startsWith("inline") && display !== "contents";
      }
      let childKind = kind;
      const own = ownKind(el);
      if (own === "heading") childKind = "heading";
      else if (own && kind !== "heading") childKind = isLayoutCell(el) ? "paragraph" : own;
      let childChrome = chrome;
      const content = inContent || CONTENT_TAGS.has(tag);
      if (chrome === 0 && el !== body && isChrome(el) && !(inContent && (tag === "HEADER" || tag === "FOOTER"))) {
        childChrome = nextChrome++;
      }
      if (block || tag === "BR" || tag === "HR") flush();
      if (tag === "BR" || tag === "HR") continue;
      stack.push({ exit: true, block });
      const children = el.childNodes;
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ node: children[i], kind: childKind, chrome: childChrome, inContent: content });
      }
      // Open shadow roots hold visible text too (web components).
      if (useLive && el.shadowRoot) {
        const sc = el.shadowRoot.childNodes;
        for (let i = sc.length - 1; i >= 0; i--) stack.push({ node: sc[i], kind: childKind, chrome: childChrome, inContent: content });
      }
    }
    flush();

    // Chrome subtrees drop out unless one holds at least half of the visible text.
    const visible = out.reduce((n, b) => n + b.text.length, 0);
    const kept = out.filter((b) => b.chrome === 0 || chromeText[b.chrome] >= CHROME_KEEP_SHARE * visible);
    return {
      title,
      blocks: kept.map((b) => ({ kind: b.kind, text: b.text })),
      segments: kept.map((b) => b.segments),
      truncated,
    };
  }

  // --- show in page ----------------------------------------------------------------------------

  /** The DOM position of offset `offset` in block segments (end: true for a range end). */
  function positionIn(segments, offset, end) {
    for (const seg of segments) {
      const inside = end ? offset > seg.start && offset <= seg.end : offset >= seg.start && offset < seg.end;
      if (!inside) continue;
      const map = sourceIndexes(seg.node.data, seg.state);
      const k = offset - seg.start;
      if (end) return { node: seg.node, offset: (map[k - 1] ?? seg.node.data.length - 1) + 1 };
      return { node: seg.node, offset: map[k] ?? 0 };
    }
    return null;
  }

  /**
   * A Range over an evidence item's sentence. The evidence offsets are UTF-16 offsets into the
   * blocks joined by "\n\n" (src/wasm.rs); `evidence.block` is the block index. The quote is
   * checked against the block text; when the page changed since, the quote is searched for.
   */
  function locate(extraction, evidence, doc) {
    const { blocks, segments } = extraction;
    let base = 0;
    const starts = blocks.map((b) => {
      const s = base;
      base += b.text.length + 2;
      return s;
    });
    const quote = String(evidence.quote || "");
    let bi = evidence.block;
    let start = evidence.start_utf16 - (starts[bi] ?? 0);
    let end = evidence.end_utf16 - (starts[bi] ?? 0);
    const fits = (i, s, e) => blocks[i] && blocks[i].text.slice(s, e) === quote;
    if (!fits(bi, start, end)) {
      // Find the quote anywhere (the page may have changed since the analysis).
      bi = blocks.findIndex((b) => b.text.includes(quote));
      if (bi < 0 || quote.length === 0) return null;
      start = blocks[bi].text.indexOf(quote);
      end = start + quote.length;
    }
    const a = positionIn(segments[bi], start, false);
    const b = positionIn(segments[bi], end, true);
    if (!a || !b) return null;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  // --- plain-text documents ---------------------------------------------------------------------

  /**
   * A text/plain document (the browser shows it as one <pre>): its text as it is, and the text
   * nodes it is made of (the parser splits long texts into several). The analyzer reads it as
   * plain text (analyzeText), so evidence offsets point straight into this text.
   */
  function extractPlainText(doc) {
    const root = doc.body || doc.documentElement;
    const nodes = [];
    if (root) {
      const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    }
    return { text: nodes.map((n) => n.data).join(""), nodes };
  }

  /** A Range over evidence of a plain-text document (UTF-16 offsets into its text). */
  function locatePlain(plain, evidence, doc) {
    let start = evidence.start_utf16;
    let end = evidence.end_utf16;
    const quote = String(evidence.quote || "");
    if (plain.text.slice(start, end) !== quote) {
      start = quote ? plain.text.indexOf(quote) : -1;
      if (start < 0) return null;
      end = start + quote.length;
    }
    const at = (offset, isEnd) => {
      let base = 0;
      for (const node of plain.nodes) {
        const len = node.data.length;
        if (isEnd ? offset <= base + len : offset < base + len) return { node, offset: offset - base };
        base += len;
      }
      return null;
    };
    const a = at(start, false);
    const b = at(end, true);
    if (!a || !b) return null;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    return range;
  }

  // --- finding the site's policy --------------------------------------------------------------

  const LINK_TEXT = /privacy|data protection|datenschutz|confidentialit|privacidad|privacidade|privacybeleid|integritet/i;
  const NOT_POLICY_LINK = /choices|settings|preferences|do not sell|don.t sell|opt.?out|manage|center|centre|request|cookie (settings|preferences)|your privacy rights/i;

  /** A score for a link that may lead to the privacy policy (0: not a candidate). */
  function scoreLink({ href, text = "", rel = "", inFooter = false }) {
    let score = 0;
    const relTokens = tokens(rel);
    if (relTokens.includes("privacy-policy")) score += 100;
    const label = String(text).replace(WS_RUN, " ").trim();
    if (LINK_TEXT.test(label)) {
      score += 50;
      if (POLICY_WORD.test(label)) score += 10;
      if (label.length > 60) score -= 20;
    }
    let path = "";
    try {
      path = new URL(href).pathname;
    } catch {
      return 0;
    }
    if (URL_HINT.test(path)) score += 25;
    if (score === 0) return 0;
    if (NOT_POLICY_LINK.test(label) || /choices|settings|preferences|opt-?out|do-?not-?sell/i.test(path)) score -= 60;
    if (inFooter) score += 15;
    return Math.max(0, score);
  }

  function footerish(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.tagName === "FOOTER" || (e.getAttribute("role") || "") === "contentinfo") return true;
      if (tokens(e.getAttribute("class")).some((c) => c.includes("footer")) || (e.getAttribute("id") || "").toLowerCase().includes("footer")) return true;
    }
    return false;
  }

  /** Candidate policy URLs named by the page, best first (http(s), no fragment, deduplicated). */
  function findPolicyLinks(doc, pageUrl, max = 6) {
    const scored = new Map();
    const consider = (href, text, rel, inFooter) => {
      let url;
      try {
        url = new URL(href, pageUrl);
      } catch {
        return;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return;
      url.hash = "";
      const page = new URL(pageUrl);
      page.hash = "";
      if (url.href === page.href) return;
      const score = scoreLink({ href: url.href, text, rel, inFooter });
      if (score > 0 && score > (scored.get(url.href) ?? 0)) scored.set(url.href, score);
    };
    for (const link of doc.querySelectorAll("link[rel][href]")) {
      if (tokens(link.getAttribute("rel")).includes("privacy-policy")) consider(link.getAttribute("href"), "", "privacy-policy", false);
    }
    let n = 0;
    for (const a of doc.querySelectorAll("a[href]")) {
      if (++n > 5000) break;
      const text = [a.textContent, a.getAttribute("aria-label"), a.getAttribute("title")].filter(Boolean).join(" ").slice(0, 200);
      consider(a.getAttribute("href"), text, a.getAttribute("rel") || "", footerish(a));
    }
    return [...scored.entries()].sort((x, y) => y[1] - x[1]).slice(0, max).map(([url]) => url);
  }

  /** The usual places of a site's policy, for when the page links none. */
  function wellKnownPolicyUrls(pageUrl) {
    let origin;
    try {
      origin = new URL(pageUrl).origin;
    } catch {
      return [];
    }
    return ["/.well-known/privacy-policy", "/privacy", "/privacy-policy"].map((p) => origin + p);
  }

  /**
   * A response body as text (UTF-8, as Response.text() decodes it), read no further than `max`
   * bytes: a server that sends no length, or lies about it, cannot make the extension hold
   * gigabytes. Resolves to null when the body is larger than `max`.
   */
  async function readCapped(response, max) {
    if (!response.body) return response.text();
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        return null;
      }
      chunks.push(value);
    }
    return new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
  }

  globalThis.PolicyLensExtract = Object.freeze({
    readCapped,
    policyHint,
    firstHeadings,
    extractBlocks,
    locate,
    extractPlainText,
    locatePlain,
    scoreLink,
    findPolicyLinks,
    wellKnownPolicyUrls,
    collapse,
    sourceIndexes,
    styleHides,
  });
})();
