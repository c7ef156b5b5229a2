// HTML → blocks in the browser, for a dropped .html file: the DOM counterpart of the CLI's
// src/html.rs, so that a page gives the same blocks (and the same verdicts) in both. The file is
// parsed with DOMParser, which never runs its scripts, loads its images or applies its styles; the
// text is only read. The blocks go to analyzeBlocks() in the worker.
//
// Left out: script, style, noscript, template, svg, math, iframe, object, canvas, form controls,
// media; elements with `hidden`, a hiding class (hidden, d-none, sr-only, ...) or an inline style
// that keeps the text off the screen (see styleHides), inline aria-hidden; and
// page chrome (nav, aside, form, dialog, menu, search, header/footer outside article/section/main,
// navigation/banner/contentinfo/search/dialog roles, usual chrome ids and classes, block-level
// aria-hidden), unless that chrome holds at least half of the page's visible text.

/** Elements whose content is never visible text. */
const NEVER_SHOWN = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "applet",
  "canvas", "select", "option", "optgroup", "datalist", "button", "input", "textarea", "audio",
  "video", "head", "title", "meta", "link", "base", "frameset", "frame", "img", "picture", "map",
]);

/** Elements that start a new block (as in src/html.rs). */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
  "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main",
  "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
]);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const CHROME_ELEMENTS = new Set(["nav", "header", "footer", "aside", "form", "dialog", "search", "menu"]);
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"]);
const SECTIONING = new Set(["article", "section", "main"]);
const CHROME_NAMES = new Set([
  "nav", "navbar", "navigation", "mainnav", "mainmenu", "sitenav", "topnav", "globalnav",
  "primarynav", "navfooter", "footer", "sitefooter", "globalfooter", "pagefooter", "siteheader",
  "globalheader", "masthead", "breadcrumb", "breadcrumbs", "sidebar", "cookiebanner",
  "cookieconsent", "cookienotice", "cookiebar", "onetrustconsentsdk", "skiplinks",
]);

/** A chrome subtree with at least this share of the page's visible text is kept. */
const CHROME_KEEP_SHARE = 0.5;
/** A list item or cell with more text than this is page layout: its text is paragraphs. */
const LAYOUT_CELL_CHARS = 2000;

// Control characters, soft hyphens and zero-width characters are dropped (as natively).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b\u2060\ufeff]/g;

function isChromeName(token) {
  return token.length <= 40 && CHROME_NAMES.has(token.replace(/[-_]/g, "").toLowerCase());
}

/** The number a CSS length or number starts with ("0", "-9999px", "0.0em"), or null. */
function cssNumber(value) {
  const m = /^[0-9.+-]*/.exec(value)[0];
  if (!["", "px", "em", "rem", "pt", "%", "vw", "vh", "ex", "ch"].includes(value.slice(m.length))) return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m)) return null;
  return Number(m);
}

/**
 * Does an inline style keep the element's text off the screen? display:none,
 * visibility:hidden|collapse, content-visibility:hidden, opacity:0, font-size:0,
 * color:transparent, transform:scale(0), a clip to nothing, a box of at most 1px with
 * overflow:hidden (the "screen-reader only" pattern), or text moved to -999px or beyond.
 */
function styleHides(style) {
  if (!style || style.length > 4096) return false;
  const compact = style.replace(/[\t\n\f\r ]+/g, "").toLowerCase();
  let tinyBox = false;
  let overflowHidden = false;
  let positioned = false;
  let offPage = false;
  const atMost = (value, limit) => {
    const n = cssNumber(value);
    return n !== null && n <= limit;
  };
  for (const decl of compact.split(";")) {
    const colon = decl.indexOf(":");
    if (colon < 0) continue;
    const property = decl.slice(0, colon);
    const value = decl.slice(colon + 1).replace(/(!important)+$/, "");
    let hides = false;
    switch (property) {
      case "display": hides = value === "none"; break;
      case "visibility": hides = value === "hidden" || value === "collapse"; break;
      case "content-visibility": hides = value === "hidden"; break;
      case "opacity":
      case "font-size": hides = atMost(value, 0); break;
      case "color": hides = value === "transparent"; break;
      case "transform": hides = ["scale(0)", "scale(0,0)", "scalex(0)", "scaley(0)"].includes(value); break;
      case "clip":
        hides =
          value.startsWith("rect(") &&
          value.slice(5).replace(/\)+$/, "").split(/[, ]/).filter((v) => v !== "").every((v) => {
            const n = cssNumber(v);
            return n !== null && Math.abs(n) <= 1;
          });
        break;
      case "clip-path": hides = ["inset(50%)", "inset(100%)", "circle(0)"].includes(value); break;
      case "width":
      case "height":
      case "max-width":
      case "max-height": tinyBox ||= atMost(value, 1); break;
      case "overflow": overflowHidden ||= value === "hidden" || value === "clip"; break;
      case "position": positioned ||= value === "absolute" || value === "fixed"; break;
      case "text-indent": hides = atMost(value, -999); break;
      case "left":
      case "top": offPage ||= atMost(value, -999); break;
    }
    if (hides) return true;
  }
  return (tinyBox && overflowHidden) || (positioned && offPage);
}

/** Class names that frameworks use to hide an element; whole tokens only. */
const HIDING_CLASSES = new Set([
  "hidden", "is-hidden", "d-none", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
  "screen-reader-text", "element-invisible", "a-hidden", "u-hidden",
]);
const isHidingClass = (token) => token.length <= 20 && HIDING_CLASSES.has(token.toLowerCase());

/** `<bdo dir="rtl">` or an inline bidi-override to rtl: the text is shown reversed. */
function rtlOverride(element, name) {
  if (name === "bdo" && (element.getAttribute("dir") ?? "").trim().toLowerCase() === "rtl") return true;
  const style = element.getAttribute("style");
  if (!style || style.length > 4096) return false;
  const compact = style.replace(/[\t\n\f\r ]+/g, "").toLowerCase();
  return compact.includes("direction:rtl") && (compact.includes("unicode-bidi:bidi-override") || compact.includes("unicode-bidi:isolate-override"));
}

/**
 * DOMParser parses with scripting off, so a <noscript> in <head> spills its text into <body>;
 * a browser with scripting on (and the CLI) reads <noscript> as raw text and never shows it.
 */
function withoutNoscript(html) {
  return html.replace(/<noscript\b[^>]*>[\s\S]*?(<\/noscript\s*>|$)/gi, "");
}

/**
 * The visible text blocks of an HTML document: [{kind, text}], kinds "title", "heading",
 * "paragraph", "list_item", "table_cell". `source` is an HTML string or a Document.
 */
export function htmlToBlocks(source) {
  const doc = typeof source === "string" ? new DOMParser().parseFromString(withoutNoscript(source), "text/html") : source;
  const out = []; // {kind, text, chrome, cell}
  const chromes = []; // {chars}
  const cells = []; // {chars, layout}
  let total = 0;

  const titleText = (doc.querySelector("title")?.textContent ?? "").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();

  // The current block being filled.
  let buf = "";
  let bufKind = "paragraph";
  let bufChrome = -1;
  let bufCell = -1;
  let pendingSpace = false;
  // Text shown reversed (a right-to-left override) is wrapped in U+202E … U+202C, so that the
  // analysis reads it as shown.
  let pendingRlo = false;
  let rloInBuf = false;

  function flush() {
    pendingSpace = false;
    rloInBuf = false;
    if (buf) out.push({ kind: bufKind, text: buf, chrome: bufChrome, cell: bufCell });
    buf = "";
  }

  function addText(text, ctx) {
    const clean = text.replace(INVISIBLE, "");
    for (const word of clean.split(/(\s+)/)) {
      if (!word) continue;
      if (/^\s+$/.test(word)) {
        if (buf) pendingSpace = true;
        continue;
      }
      if (!buf) {
        bufKind = ctx.kind;
        bufChrome = ctx.chrome;
        bufCell = ctx.cell;
      } else if (pendingSpace) {
        buf += " ";
      }
      pendingSpace = false;
      if (pendingRlo) {
        buf += "\u202e";
        pendingRlo = false;
        rloInBuf = true;
      }
      buf += word;
      const n = [...word].length;
      total += n;
      for (const c of ctx.chromeStack) chromes[c].chars += n;
      for (const c of ctx.cellStack) cells[c].chars += n;
    }
  }

  function walk(node, ctx) {
    for (const child of node.childNodes) {
      if (child.nodeType === 3 /* text */) {
        addText(child.data, ctx);
        continue;
      }
      if (child.nodeType !== 1 /* element */) continue;
      const name = child.localName.toLowerCase();
      if (name === "br" || name === "hr") {
        flush();
        continue;
      }
      const role = (child.getAttribute("role") ?? "").trim().split(/\s+/)[0].toLowerCase();
      const ariaHidden = (child.getAttribute("aria-hidden") ?? "").trim().toLowerCase() === "true";
      const block = BLOCK.has(name);
      const hidden =
        child.hasAttribute("hidden") || styleHides(child.getAttribute("style")) || [...child.classList].some(isHidingClass);
      if (NEVER_SHOWN.has(name) || hidden || (ariaHidden && !block)) {
        continue;
      }
      const namedChrome = [child.id, ...child.classList].some((token) => token && isChromeName(token));
      const roleChrome = CHROME_ROLES.has(role);
      const roleHeading = role === "heading";
      const chromeHere = roleChrome || (namedChrome && block) || CHROME_ELEMENTS.has(name) || (ariaHidden && block);
      const contentPart = ctx.sectioning && !roleChrome && !ariaHidden && (name === "header" || name === "footer" || !CHROME_ELEMENTS.has(name));
      const isChrome = chromeHere && !contentPart;
      const boundary = block || roleHeading || chromeHere;
      if (boundary) flush();

      const next = { ...ctx };
      if (HEADINGS.has(name) || roleHeading || ctx.kind === "heading") next.kind = "heading";
      else if (name === "li" || name === "dt" || name === "dd") next.kind = "list_item";
      else if (name === "td" || name === "th") next.kind = "table_cell";
      if (SECTIONING.has(name)) next.sectioning = true;
      if (isChrome) {
        chromes.push({ chars: 0 });
        next.chrome = chromes.length - 1;
        next.chromeStack = [...ctx.chromeStack, next.chrome];
      }
      // A cell or list item holding a heading or a table is page layout.
      if (ctx.cell >= 0 && (HEADINGS.has(name) || roleHeading || name === "table")) cells[ctx.cell].layout = true;
      if (["td", "th", "li", "dt", "dd"].includes(name)) {
        cells.push({ chars: 0, layout: false });
        next.cell = cells.length - 1;
        next.cellStack = [...ctx.cellStack, next.cell];
      }
      const rtl = rtlOverride(child, name);
      if (rtl) pendingRlo = true;
      walk(child, next);
      if (rtl) {
        pendingRlo = false;
        if (rloInBuf) buf += "\u202c";
        rloInBuf = false;
      }
      if (boundary) flush();
    }
  }

  const root = doc.body ?? doc.documentElement;
  if (root) {
    walk(root, { kind: "paragraph", chrome: -1, chromeStack: [], cell: -1, cellStack: [], sectioning: false });
  }
  flush();

  const blocks = [];
  if (titleText) blocks.push({ kind: "title", text: titleText });
  for (const b of out) {
    if (b.chrome >= 0) {
      const size = chromes[b.chrome].chars;
      if (!(size > 0 && size >= CHROME_KEEP_SHARE * total)) continue;
    }
    let kind = b.kind;
    if (b.cell >= 0 && (kind === "table_cell" || kind === "list_item")) {
      const cell = cells[b.cell];
      if (cell.layout || cell.chars > LAYOUT_CELL_CHARS) kind = "paragraph";
    }
    blocks.push({ kind, text: b.text });
  }
  return blocks;
}

/** The text analyzeBlocks() analyzes (evidence offsets point into it): the blocks joined by "\n\n". */
export function blocksText(blocks) {
  return blocks
    .map((b) => b.text.trim())
    .filter((t) => t.length > 0)
    .join("\n\n");
}
