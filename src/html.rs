//! HTML → visible text blocks.
//!
//! A small hand-written, streaming tokenizer (no HTML5 tree builder): one forward pass over
//! the input, no recursion, linear time, and it never panics on any `&str`. It understands
//! tags with quoted/unquoted/valueless attributes, comments, doctype, CDATA, processing
//! instructions, raw-text elements (`script`, `style`, `textarea`, `title`, ...) and character
//! references, and it keeps a capped stack of open elements (with the few implied end tags
//! that matter for text: `p`, `li`, `dt`/`dd`, `td`/`th`, `tr`, headings) so that hidden
//! subtrees are skipped with the right extent even in broken markup.
//!
//! What is left out:
//! * always: `script`, `style`, `noscript`, `template`, `svg`, `math`, `iframe`, `object`,
//!   `canvas`, `select`/`option`, `button`, `input`, `textarea` and other non-text content,
//!   elements with the `hidden` attribute, with a class that frameworks use to hide
//!   (`hidden`, `d-none`, `sr-only`, `visually-hidden`, `screen-reader-text`, ...), or with an
//!   inline style that keeps the text off the screen (`display:none`, `visibility:hidden`,
//!   `opacity:0`, `font-size:0`, `color:transparent`, a clip to nothing, a 1px box with
//!   `overflow:hidden`, text moved to -999px or beyond; see `style_hides`), and inline
//!   elements with `aria-hidden="true"`; also classes and ids that the page's own `<style>`
//!   sheets hide with a simple rule (`.x { display: none }`, see `HidingRules`). Only visible
//!   text counts: a "We do not sell" that a page hides cannot outweigh what it shows;
//! * page chrome: `nav`, `aside`, `form`, `dialog`, `menu`, `search`, `header`/`footer` (unless
//!   inside `article`/`section`/`main`, where they belong to the content), elements whose
//!   `role` is `navigation`, `banner`, `contentinfo`, `search`, `dialog` or `alertdialog`,
//!   block elements whose `id` or `class` is a usual chrome name (`nav`, `navbar`,
//!   `site-footer`, `sidebar`, `breadcrumb`, `cookie-banner`, ...; whole names only, outside
//!   `article`/`section`/`main`), and block elements with `aria-hidden="true"`. A chrome
//!   subtree is still kept when it holds at least half of the page's visible text: a page that
//!   wraps its whole content in a `<form>` or a `<header>` keeps its text.
//!
//! What comes out: the first `<title>` as a [`BlockKind::Title`] block, then one block per run
//! of text between block boundaries (start or end of any block-level element, `<br>`, `<hr>`),
//! whitespace collapsed to single spaces and trimmed, empty blocks dropped. Text that
//! `<bdo dir="rtl">` (or `unicode-bidi: bidi-override; direction: rtl`) shows reversed is
//! wrapped in U+202E … U+202C, so that the analysis reads it as shown. The kind of a block
//! comes from its open elements: inside a heading (`h1`–`h6`, `role="heading"`) it is a
//! [`BlockKind::Heading`], else the innermost `li`/`dt`/`dd` ([`BlockKind::ListItem`]) or
//! `td`/`th` ([`BlockKind::TableCell`]) decides, else it is a [`BlockKind::Paragraph`]. A list
//! item or cell that holds a heading, a table or over 2000 characters is page layout (a layout
//! table, a list of whole sections): its text comes out as paragraphs.

use crate::blocks::{Block, BlockKind};
use std::collections::HashMap;

/// Deepest open-element stack kept; deeper elements are only counted.
const MAX_DEPTH: usize = 4096;

/// A chrome subtree with at least this share of the page's visible text is kept.
const CHROME_KEEP_SHARE: f64 = 0.5;

/// Extracts the visible text of an HTML page as a list of blocks (see the module docs).
pub fn html_to_blocks(html: &str) -> Vec<Block> {
    let mut parser = Parser::new(html);
    parser.run();
    parser.finish()
}

/// One open element.
struct Open {
    /// Lower-case tag name.
    name: Box<str>,
    /// Block kind that text directly inside this element gets.
    kind: BlockKind,
    /// Text inside is never shown (hidden subtree or non-text element).
    hidden: bool,
    /// Innermost chrome record (index + 1) this element is inside of; 0 when none.
    chrome: u32,
    /// The chrome record this element opened (index + 1); 0 when none.
    opened_chrome: u32,
    /// Innermost list item or table cell record (index + 1) this element is inside of; 0 when
    /// none.
    cell: u32,
    /// The record this element (`li`, `dt`, `dd`, `td` or `th`) opened (index + 1); 0 when none.
    opened_cell: u32,
    /// Inside `article`, `section` or `main`: a `header`/`footer` there is content.
    sectioning: bool,
    /// Inside `svg` or `math`.
    foreign: bool,
    /// Starting or ending this element breaks the text into a new block.
    boundary: bool,
    /// A right-to-left override (`<bdo dir="rtl">`): its text is shown reversed.
    rtl_override: bool,
    /// Stack index + 1 of the nearest open `p` in scope (0 when none).
    p_scope: u32,
    /// Same for `li`.
    li_scope: u32,
    /// Same for `dt`/`dd`.
    dd_scope: u32,
    /// Same for `td`/`th` (table scope).
    cell_scope: u32,
    /// Same for `tr` (table scope).
    tr_scope: u32,
}

/// Start and end (in counted visible characters) of one chrome subtree or table cell.
struct Extent {
    start: usize,
    end: Option<usize>,
}

impl Extent {
    fn size(&self, total: usize) -> usize {
        self.end.unwrap_or(total).saturating_sub(self.start)
    }
}

/// A table cell or list item holding more visible characters than this is page layout (a
/// layout table, a list of whole sections), and its text is running text.
const LAYOUT_CELL_CHARS: usize = 2000;

/// What the attributes of a start tag say.
#[derive(Default)]
struct Attrs {
    /// `hidden`, or `display:none` / `visibility:hidden` in `style`.
    hidden: bool,
    /// `aria-hidden="true"`.
    aria_hidden: bool,
    /// `role="heading"`.
    role_heading: bool,
    /// `role` is navigation, banner, contentinfo, search, dialog or alertdialog.
    role_chrome: bool,
    /// `id` or a `class` names site chrome (`nav`, `footer`, `sidebar`, `cookie-banner`, ...).
    named_chrome: bool,
    /// The tag ended with `/>`.
    self_closing: bool,
    /// `dir="rtl"` (on `<bdo>`, the text is shown right to left, reversed).
    dir_rtl: bool,
    /// `unicode-bidi: bidi-override` with `direction: rtl` in `style`.
    style_rtl_override: bool,
}

struct Parser<'a> {
    src: &'a str,
    stack: Vec<Open>,
    /// How many times each name is on `stack`.
    open_counts: HashMap<Box<str>, u32>,
    /// Open elements beyond `MAX_DEPTH`, counted only.
    overflow: usize,
    /// `overflow` level (1-based) at which a hidden or chrome element started; 0 when none.
    overflow_hidden: usize,
    /// Text of the block being built.
    buf: String,
    /// A space is owed before the next visible character of `buf`.
    pending_space: bool,
    buf_kind: BlockKind,
    buf_chrome: u32,
    buf_cell: u32,
    /// Forces the kind of the text being added (used for `<title>`).
    forced_kind: Option<BlockKind>,
    /// Finished blocks with their chrome record and cell record (index + 1, 0 when none).
    blocks: Vec<(Block, u32, u32)>,
    chrome: Vec<Extent>,
    /// List items and table cells, and whether they are known to be layout (they hold a
    /// heading or a table).
    cells: Vec<(Extent, bool)>,
    /// Visible characters added so far (whitespace excluded).
    total: usize,
    title_done: bool,
    /// Classes and ids that the page's own `<style>` sheets hide.
    css: HidingRules,
    /// A right-to-left override began: U+202E goes before the next visible character, so
    /// that the analysis reads the text in the order it is shown.
    pending_rlo: bool,
    /// `buf` has an override (U+202E) not yet closed by U+202C.
    rlo_in_buf: bool,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            stack: Vec::new(),
            open_counts: HashMap::new(),
            overflow: 0,
            overflow_hidden: 0,
            buf: String::new(),
            pending_space: false,
            buf_kind: BlockKind::Paragraph,
            buf_chrome: 0,
            buf_cell: 0,
            forced_kind: None,
            blocks: Vec::new(),
            chrome: Vec::new(),
            cells: Vec::new(),
            total: 0,
            title_done: false,
            css: HidingRules::default(),
            pending_rlo: false,
            rlo_in_buf: false,
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let lt = match find_byte(bytes, b'<', i) {
                Some(lt) => lt,
                None => {
                    self.text(&src[i..]);
                    break;
                }
            };
            if lt > i {
                self.text(&src[i..lt]);
            }
            i = self.markup(lt);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        let total = self.total;
        let keep: Vec<bool> = self
            .chrome
            .iter()
            .map(|r| {
                let size = r.size(total);
                size > 0 && size as f64 >= CHROME_KEEP_SHARE * total as f64
            })
            .collect();
        // Text in a layout table's cells, or in list items that are whole sections, is running
        // text.
        let layout: Vec<bool> = self
            .cells
            .iter()
            .map(|(r, layout)| *layout || r.size(total) > LAYOUT_CELL_CHARS)
            .collect();
        self.blocks
            .into_iter()
            .filter(|(_, chrome, _)| *chrome == 0 || keep[*chrome as usize - 1])
            .map(|(mut block, _, cell)| {
                let in_layout = cell > 0 && layout[cell as usize - 1];
                if in_layout && matches!(block.kind, BlockKind::TableCell | BlockKind::ListItem) {
                    block.kind = BlockKind::Paragraph;
                }
                block
            })
            .collect()
    }

    // ----- state -------------------------------------------------------------------------

    fn is_hidden(&self) -> bool {
        self.overflow_hidden > 0 || self.stack.last().is_some_and(|o| o.hidden)
    }

    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    // ----- text --------------------------------------------------------------------------

    /// Adds a run of character data (with character references) to the current block.
    fn text(&mut self, s: &str) {
        if self.is_hidden() {
            return;
        }
        let mut rest = s;
        while let Some(amp) = rest.find('&') {
            self.push_str(&rest[..amp]);
            let after = &rest[amp + 1..];
            match decode_entity(after) {
                Some((c, used)) => {
                    self.push_char(c);
                    rest = &after[used..];
                }
                None => {
                    self.push_char('&');
                    rest = after;
                }
            }
        }
        self.push_str(rest);
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push_char(c);
        }
    }

    fn push_char(&mut self, c: char) {
        if c.is_whitespace() {
            if !self.buf.is_empty() {
                self.pending_space = true;
            }
            return;
        }
        if is_invisible(c) {
            return;
        }
        if self.buf.is_empty() {
            match self.forced_kind {
                Some(kind) => {
                    self.buf_kind = kind;
                    self.buf_chrome = 0;
                    self.buf_cell = 0;
                }
                None => {
                    let top = self.stack.last();
                    self.buf_kind = top.map_or(BlockKind::Paragraph, |o| o.kind);
                    self.buf_chrome = top.map_or(0, |o| o.chrome);
                    self.buf_cell = top.map_or(0, |o| o.cell);
                }
            }
        } else if self.pending_space {
            self.buf.push(' ');
        }
        self.pending_space = false;
        if std::mem::take(&mut self.pending_rlo) {
            self.buf.push('\u{202e}');
            self.rlo_in_buf = true;
        }
        self.buf.push(c);
        self.total += 1;
    }

    /// Ends the current block.
    fn flush(&mut self) {
        self.pending_space = false;
        self.rlo_in_buf = false;
        if !self.buf.is_empty() {
            let text = std::mem::take(&mut self.buf);
            self.blocks.push((
                Block::new(self.buf_kind, text),
                self.buf_chrome,
                self.buf_cell,
            ));
        }
    }

    // ----- markup ------------------------------------------------------------------------

    /// Handles the markup starting with the `<` at `lt`; returns where to go on.
    fn markup(&mut self, lt: usize) -> usize {
        let src = self.src;
        let bytes = src.as_bytes();
        let next = bytes.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                if bytes[lt..].starts_with(b"<!--") {
                    self.skip_comment(lt + 4)
                } else if bytes[lt..].starts_with(b"<![CDATA[") {
                    let start = lt + 9;
                    match find_seq(bytes, b"]]>", start) {
                        Some(end) => {
                            self.cdata(&src[start..end]);
                            end + 3
                        }
                        None => {
                            self.cdata(&src[start..]);
                            bytes.len()
                        }
                    }
                } else {
                    skip_to_gt(bytes, lt + 2)
                }
            }
            Some(b'?') => skip_to_gt(bytes, lt + 2),
            Some(b'/') => match bytes.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, _attrs, end) = self.scan_tag(lt + 2);
                    if let Some(end) = end {
                        self.end_tag(&name);
                        end
                    } else {
                        bytes.len()
                    }
                }
                Some(b'>') => lt + 3,
                Some(_) => skip_to_gt(bytes, lt + 2),
                None => {
                    self.text(&src[lt..]);
                    bytes.len()
                }
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, attrs, end) = self.scan_tag(lt + 1);
                match end {
                    Some(end) => self.start_tag(&name, &attrs, end),
                    None => bytes.len(),
                }
            }
            _ => {
                self.text("<");
                lt + 1
            }
        }
    }

    /// Skips a comment whose body starts at `start`; returns the position after it.
    fn skip_comment(&self, start: usize) -> usize {
        let bytes = self.src.as_bytes();
        if bytes[start..].starts_with(b">") {
            return start + 1;
        }
        if bytes[start..].starts_with(b"->") {
            return start + 2;
        }
        let mut k = start;
        while let Some(d) = find_seq(bytes, b"--", k) {
            if bytes[d + 2..].starts_with(b">") {
                return d + 3;
            }
            if bytes[d + 2..].starts_with(b"!>") {
                return d + 4;
            }
            k = d + 1;
        }
        bytes.len()
    }

    /// CDATA content is plain text (no character references).
    fn cdata(&mut self, s: &str) {
        if !self.is_hidden() {
            self.push_str(s);
        }
    }

    /// Reads a tag name and its attributes starting at `start` (just after `<` or `</`).
    /// Returns the lower-case name, the attributes, and the position after `>` (None at EOF:
    /// an unterminated tag is dropped with the rest of the input).
    fn scan_tag(&self, start: usize) -> (String, Attrs, Option<usize>) {
        let src = self.src;
        let bytes = src.as_bytes();
        let len = bytes.len();
        let mut j = start;
        while j < len && !is_space(bytes[j]) && bytes[j] != b'/' && bytes[j] != b'>' {
            j += 1;
        }
        let name = src[start..j].to_ascii_lowercase();
        let mut attrs = Attrs::default();
        loop {
            while j < len && (is_space(bytes[j]) || bytes[j] == b'/') {
                if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'>') {
                    attrs.self_closing = true;
                }
                j += 1;
            }
            if j >= len {
                return (name, attrs, None);
            }
            if bytes[j] == b'>' {
                return (name, attrs, Some(j + 1));
            }
            let name_start = j;
            j += 1; // the first character may be '='
            while j < len
                && !is_space(bytes[j])
                && bytes[j] != b'/'
                && bytes[j] != b'>'
                && bytes[j] != b'='
            {
                j += 1;
            }
            let attr_name = &src[name_start..j];
            while j < len && is_space(bytes[j]) {
                j += 1;
            }
            let mut value = "";
            if j < len && bytes[j] == b'=' {
                j += 1;
                while j < len && is_space(bytes[j]) {
                    j += 1;
                }
                if j < len && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let quote = bytes[j];
                    match find_byte(bytes, quote, j + 1) {
                        Some(k) => {
                            value = &src[j + 1..k];
                            j = k + 1;
                        }
                        None => return (name, attrs, None),
                    }
                } else {
                    let value_start = j;
                    while j < len && !is_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = &src[value_start..j];
                }
            }
            note_attribute(&mut attrs, attr_name, value, &self.css);
        }
    }

    /// Finds the end tag `</name` of a raw-text element whose content starts at `from`.
    /// Returns (content end, position after the end tag).
    fn find_raw_end(&self, name: &str, from: usize) -> (usize, usize) {
        let bytes = self.src.as_bytes();
        let name = name.as_bytes();
        let mut k = from;
        while let Some(lt) = find_byte(bytes, b'<', k) {
            let after = lt + 2 + name.len();
            if bytes.get(lt + 1) == Some(&b'/')
                && after <= bytes.len()
                && bytes[lt + 2..after].eq_ignore_ascii_case(name)
                && bytes
                    .get(after)
                    .map_or(true, |&c| is_space(c) || c == b'/' || c == b'>')
            {
                return (lt, skip_to_gt(bytes, after));
            }
            k = lt + 1;
        }
        (bytes.len(), bytes.len())
    }

    // ----- start tags --------------------------------------------------------------------

    /// Handles a start tag whose `>` ends just before `end`; returns where to go on.
    fn start_tag(&mut self, name: &str, attrs: &Attrs, end: usize) -> usize {
        if self.in_foreign() {
            if matches!(name, "script" | "style") && !attrs.self_closing {
                return self.find_raw_end(name, end).1;
            }
            if !breaks_out_of_foreign(name) {
                if !attrs.self_closing {
                    self.push(name, attrs, false);
                }
                return end;
            }
            // An HTML element inside svg/math closes it (as browsers do).
            while self.in_foreign() {
                self.pop();
            }
        }
        match name {
            "script" | "style" | "noscript" | "iframe" | "noembed" | "noframes" | "xmp"
            | "textarea" => {
                if is_block(name) {
                    self.flush();
                }
                let (content_end, after) = self.find_raw_end(name, end);
                if name == "style" {
                    let src = self.src;
                    self.css.read(&src[end..content_end]);
                }
                after
            }
            "title" => {
                let (content_end, after) = self.find_raw_end(name, end);
                if !self.title_done && !self.is_hidden() {
                    self.title_done = true;
                    self.flush();
                    self.forced_kind = Some(BlockKind::Title);
                    let src = self.src;
                    self.text(&src[end..content_end]);
                    self.flush();
                    self.forced_kind = None;
                }
                after
            }
            "plaintext" => {
                self.flush();
                let src = self.src;
                self.text(&src[end..]);
                src.len()
            }
            "br" | "hr" => {
                self.flush();
                end
            }
            _ if is_void(name) => end,
            "svg" | "math" => {
                if !attrs.self_closing {
                    self.push(name, attrs, true);
                }
                end
            }
            _ => {
                self.implied_end_tags(name);
                self.push(name, attrs, false);
                end
            }
        }
    }

    /// Closes the elements that a start tag `name` implicitly ends.
    fn implied_end_tags(&mut self, name: &str) {
        let Some(top) = self.stack.last() else {
            return;
        };
        match name {
            "li" => self.pop_to_scope(top.li_scope),
            "dt" | "dd" => self.pop_to_scope(top.dd_scope),
            "td" | "th" => self.pop_to_scope(top.cell_scope),
            "tr" => self.pop_to_scope(top.tr_scope),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if is_heading(&top.name) => self.pop(),
            "option" | "optgroup" if &*top.name == "option" => self.pop(),
            _ => {}
        }
        if closes_p(name) {
            if let Some(top) = self.stack.last() {
                self.pop_to_scope(top.p_scope);
            }
        }
    }

    /// Pops elements down to and including stack index `scope - 1` (nothing when 0).
    fn pop_to_scope(&mut self, scope: u32) {
        if scope == 0 {
            return;
        }
        let index = scope as usize - 1;
        while self.stack.len() > index {
            self.pop();
        }
    }

    fn push(&mut self, name: &str, attrs: &Attrs, starts_foreign: bool) {
        let is_root = matches!(name, "html" | "head" | "body");
        let block = is_block(name);
        // `aria-hidden` text is still on screen: an inline one (an icon, a duplicate label) is
        // left out, a block-level one is treated like chrome (kept if it is most of the page,
        // as when a saved page has a modal open over the content).
        let hides =
            !is_root && (attrs.hidden || never_shown(name) || (attrs.aria_hidden && !block));
        let chrome_here = !is_root
            && (attrs.role_chrome
                || (attrs.named_chrome && block)
                || is_chrome_element(name)
                || (attrs.aria_hidden && block));
        let boundary = block || attrs.role_heading || chrome_here;
        if boundary {
            self.flush();
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            if self.overflow_hidden == 0 && (hides || chrome_here || starts_foreign) {
                self.overflow_hidden = self.overflow;
            }
            return;
        }
        let index = self.stack.len() as u32 + 1; // this element's index + 1
        let parent = self.stack.last();
        let parent_kind = parent.map_or(BlockKind::Paragraph, |o| o.kind);
        let parent_hidden = parent.is_some_and(|o| o.hidden);
        let sectioning = parent.is_some_and(|o| o.sectioning);
        let foreign = starts_foreign || parent.is_some_and(|o| o.foreign);
        let hidden = parent_hidden || hides || foreign;

        let kind = if is_heading(name) || attrs.role_heading || parent_kind == BlockKind::Heading {
            BlockKind::Heading
        } else {
            match name {
                "li" | "dt" | "dd" => BlockKind::ListItem,
                "td" | "th" => BlockKind::TableCell,
                _ => parent_kind,
            }
        };

        // Inside article/section/main, a header or footer belongs to the content.
        let content_part = sectioning
            && !attrs.role_chrome
            && !attrs.aria_hidden
            && (matches!(name, "header" | "footer") || !is_chrome_element(name));
        let is_chrome = chrome_here && !hidden && !content_part;
        let mut chrome = parent.map_or(0, |o| o.chrome);
        let mut opened_chrome = 0;
        if is_chrome {
            self.chrome.push(Extent {
                start: self.total,
                end: None,
            });
            chrome = self.chrome.len() as u32;
            opened_chrome = chrome;
        }
        let parent = self.stack.last();
        let inherit = |f: fn(&Open) -> u32| parent.map_or(0, f);
        let resets_scope = is_scope_boundary(name) || foreign;
        let resets_list = resets_scope || resets_list_scope(name);
        let p_scope = if name == "p" {
            index
        } else if resets_scope {
            0
        } else {
            inherit(|o| o.p_scope)
        };
        let li_scope = if name == "li" {
            index
        } else if resets_list || matches!(name, "ul" | "ol" | "menu" | "dir") {
            0
        } else {
            inherit(|o| o.li_scope)
        };
        let dd_scope = if matches!(name, "dt" | "dd") {
            index
        } else if resets_list || name == "dl" {
            0
        } else {
            inherit(|o| o.dd_scope)
        };
        let table_reset = matches!(name, "table" | "template" | "html") || foreign;
        let cell_scope = if matches!(name, "td" | "th") {
            index
        } else if table_reset || name == "tr" {
            0
        } else {
            inherit(|o| o.cell_scope)
        };
        let tr_scope = if name == "tr" {
            index
        } else if table_reset {
            0
        } else {
            inherit(|o| o.tr_scope)
        };
        // A cell or list item holding a heading or a table is page layout.
        let parent_cell = self.stack.last().map_or(0, |o| o.cell);
        if parent_cell > 0 && (is_heading(name) || attrs.role_heading || name == "table") {
            self.cells[parent_cell as usize - 1].1 = true;
        }
        let (cell, opened_cell) = if matches!(name, "td" | "th" | "li" | "dt" | "dd") && !hidden {
            self.cells.push((
                Extent {
                    start: self.total,
                    end: None,
                },
                false,
            ));
            let cell = self.cells.len() as u32;
            (cell, cell)
        } else {
            (parent_cell, 0)
        };
        let open = Open {
            name: name.into(),
            kind,
            hidden,
            chrome,
            opened_chrome,
            cell,
            opened_cell,
            sectioning: sectioning || matches!(name, "article" | "section" | "main"),
            foreign,
            boundary,
            rtl_override: false,
            p_scope,
            li_scope,
            dd_scope,
            cell_scope,
            tr_scope,
        };
        let rtl_override =
            !hidden && ((name == "bdo" && attrs.dir_rtl) || attrs.style_rtl_override);
        if rtl_override {
            self.pending_rlo = true;
        }
        *self.open_counts.entry(open.name.clone()).or_insert(0) += 1;
        self.stack.push(Open {
            rtl_override,
            ..open
        });
    }

    fn pop(&mut self) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        if open.rtl_override {
            self.pending_rlo = false;
            if std::mem::take(&mut self.rlo_in_buf) {
                self.buf.push('\u{202c}');
            }
        }
        if open.boundary {
            self.flush();
        }
        if open.opened_chrome > 0 {
            self.chrome[open.opened_chrome as usize - 1].end = Some(self.total);
        }
        if open.opened_cell > 0 {
            self.cells[open.opened_cell as usize - 1].0.end = Some(self.total);
        }
        if let Some(count) = self.open_counts.get_mut(&open.name) {
            *count -= 1;
            if *count == 0 {
                self.open_counts.remove(&open.name);
            }
        }
    }

    // ----- end tags ----------------------------------------------------------------------

    fn end_tag(&mut self, name: &str) {
        match name {
            "br" => {
                self.flush();
                return;
            }
            "html" | "body" => return,
            _ => {}
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            if self.overflow_hidden > self.overflow {
                self.overflow_hidden = 0;
            }
            if is_block(name) {
                self.flush();
            }
            return;
        }
        if self.open_counts.contains_key(name) {
            while let Some(open) = self.stack.last() {
                let done = &*open.name == name;
                self.pop();
                if done {
                    break;
                }
            }
        } else if name == "p" {
            // `</p>` without an open `p` acts as an empty paragraph.
            self.flush();
        }
    }
}

// ----- attributes ----------------------------------------------------------------------------

fn note_attribute(attrs: &mut Attrs, name: &str, value: &str, css: &HidingRules) {
    if name.eq_ignore_ascii_case("hidden") {
        attrs.hidden = true;
    } else if name.eq_ignore_ascii_case("aria-hidden") {
        if value.trim().eq_ignore_ascii_case("true") {
            attrs.aria_hidden = true;
        }
    } else if name.eq_ignore_ascii_case("style") {
        if style_hides(value) {
            attrs.hidden = true;
        }
        if value.len() <= 4096 {
            let compact: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            attrs.style_rtl_override = compact.contains("direction:rtl")
                && (compact.contains("unicode-bidi:bidi-override")
                    || compact.contains("unicode-bidi:isolate-override"));
        }
    } else if name.eq_ignore_ascii_case("dir") {
        attrs.dir_rtl = value.trim().eq_ignore_ascii_case("rtl");
    } else if name.eq_ignore_ascii_case("id") || name.eq_ignore_ascii_case("class") {
        if value.split_ascii_whitespace().any(is_chrome_name) {
            attrs.named_chrome = true;
        }
        let hides = if name.eq_ignore_ascii_case("class") {
            value
                .split_ascii_whitespace()
                .any(|t| is_hiding_class(t) || css.classes.contains(t))
        } else {
            css.ids.contains(value.trim())
        };
        if hides {
            attrs.hidden = true;
        }
    } else if name.eq_ignore_ascii_case("role") {
        let role = value.split_ascii_whitespace().next().unwrap_or("");
        let role = role.to_ascii_lowercase();
        match role.as_str() {
            "heading" => attrs.role_heading = true,
            "navigation" | "banner" | "contentinfo" | "search" | "dialog" | "alertdialog" => {
                attrs.role_chrome = true
            }
            _ => {}
        }
    }
}

/// Is an `id` or `class` token one of the usual names of site chrome? Compared without case,
/// `-` and `_`, as a whole token only (`site-footer` is chrome, `footer-note` is not).
fn is_chrome_name(token: &str) -> bool {
    const NAMES: [&str; 26] = [
        "nav",
        "navbar",
        "navigation",
        "mainnav",
        "mainmenu",
        "sitenav",
        "topnav",
        "globalnav",
        "primarynav",
        "navfooter",
        "footer",
        "sitefooter",
        "globalfooter",
        "pagefooter",
        "siteheader",
        "globalheader",
        "masthead",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "cookiebanner",
        "cookieconsent",
        "cookienotice",
        "cookiebar",
        "onetrustconsentsdk",
        "skiplinks",
    ];
    if token.len() > 40 {
        return false;
    }
    let key: String = token
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    NAMES.contains(&key.as_str())
}

/// Does an inline style keep the element's text off the screen? `display:none`,
/// `visibility:hidden|collapse`, `content-visibility:hidden`, `opacity:0`, `font-size:0`,
/// `color:transparent`, `transform:scale(0)`, a clip to nothing (`clip:rect(0 0 0 0)`,
/// `clip-path:inset(50%)`), a box of at most 1px with `overflow:hidden` (the "screen-reader
/// only" pattern), or text moved far off the page (`text-indent`, or `left`/`top` of
/// an absolutely positioned box, at -999px or beyond).
fn style_hides(style: &str) -> bool {
    if style.len() > 4096 {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut tiny_box = false;
    let mut overflow_hidden = false;
    let mut positioned = false;
    let mut off_page = false;
    for decl in compact.split(';') {
        let Some((property, value)) = decl.split_once(':') else {
            continue;
        };
        let value = value.trim_end_matches("!important");
        let hides = match property {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "content-visibility" => value == "hidden",
            "opacity" => css_number(value).is_some_and(|n| n <= 0.0),
            "font-size" => css_number(value).is_some_and(|n| n <= 0.0),
            "color" => value == "transparent",
            "transform" => matches!(value, "scale(0)" | "scale(0,0)" | "scalex(0)" | "scaley(0)"),
            "clip" => {
                value.starts_with("rect(")
                    && value[5..]
                        .trim_end_matches(')')
                        .split([',', ' '])
                        .filter(|v| !v.is_empty())
                        .all(|v| css_number(v).is_some_and(|n| n.abs() <= 1.0))
            }
            "clip-path" => matches!(value, "inset(50%)" | "inset(100%)" | "circle(0)"),
            "width" | "height" | "max-width" | "max-height" => {
                tiny_box |= css_number(value).is_some_and(|n| n <= 1.0);
                false
            }
            "overflow" => {
                overflow_hidden |= value == "hidden" || value == "clip";
                false
            }
            "position" => {
                positioned |= value == "absolute" || value == "fixed";
                false
            }
            "text-indent" => css_number(value).is_some_and(|n| n <= -999.0),
            "left" | "top" => {
                off_page |= css_number(value).is_some_and(|n| n <= -999.0);
                false
            }
            _ => false,
        };
        if hides {
            return true;
        }
    }
    (tiny_box && overflow_hidden) || (positioned && off_page)
}

/// Classes and ids that a page's `<style>` sheets hide: rules whose selector is one simple
/// class or id (`.x`, `p.x`, `#x`, in a list such as `.a, #b`) and whose declarations hide
/// (see [`style_hides`]). Rules inside `@media` and other at-rules are left alone (a print or
/// small-screen rule does not hide text on screen); other selectors are not understood.
#[derive(Default)]
struct HidingRules {
    classes: std::collections::HashSet<String>,
    ids: std::collections::HashSet<String>,
}

impl HidingRules {
    /// At most this many names are kept (a page does not hide more; the cap bounds the work).
    const MAX: usize = 1000;

    fn read(&mut self, sheet: &str) {
        // Comments out, then one pass over the braces.
        let mut text = String::with_capacity(sheet.len().min(1 << 20));
        let mut rest = &sheet[..sheet.len().min(1 << 20)];
        while let Some(at) = rest.find("/*") {
            text.push_str(&rest[..at]);
            rest = rest[at + 2..]
                .split_once("*/")
                .map_or("", |(_, after)| after);
        }
        text.push_str(rest);
        let mut depth = 0usize; // open at-rule blocks
        let mut rest = text.as_str();
        while let Some(open) = rest.find(['{', '}']) {
            let (prelude, brace) = (&rest[..open], rest.as_bytes()[open]);
            rest = &rest[open + 1..];
            if brace == b'}' {
                depth = depth.saturating_sub(1);
                continue;
            }
            // A statement at-rule (`@import ...;`) before the prelude is not part of it.
            let prelude = prelude.rsplit(';').next().unwrap_or("").trim();
            if prelude.starts_with('@') {
                depth += 1;
                continue;
            }
            let (decls, after) = rest.split_once('}').unwrap_or((rest, ""));
            rest = after;
            if depth > 0 || !style_hides(decls) {
                continue;
            }
            for selector in prelude.split(',').map(str::trim) {
                let simple = |name: &str| {
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                };
                // An optional tag name, then `.name` or `#name`.
                let Some(mark) = selector.find(['.', '#']) else {
                    continue;
                };
                if !selector[..mark].chars().all(|c| c.is_ascii_alphanumeric()) {
                    continue;
                }
                let name = &selector[mark + 1..];
                let set = if selector.as_bytes()[mark] == b'.' {
                    &mut self.classes
                } else {
                    &mut self.ids
                };
                if simple(name) && set.len() < Self::MAX {
                    set.insert(name.to_string());
                }
            }
        }
    }
}

/// The number a CSS length or number starts with (`0`, `-9999px`, `0.0em`, `1px`).
fn css_number(value: &str) -> Option<f64> {
    let end = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
        .unwrap_or(value.len());
    let unit = &value[end..];
    if !matches!(
        unit,
        "" | "px" | "em" | "rem" | "pt" | "%" | "vw" | "vh" | "ex" | "ch"
    ) {
        return None;
    }
    value[..end].parse().ok()
}

/// Class names that frameworks use to hide an element (`hidden`, Bootstrap's `d-none` and
/// `sr-only`, `visually-hidden`, WordPress's `screen-reader-text`, ...); whole tokens only.
fn is_hiding_class(token: &str) -> bool {
    const NAMES: [&str; 12] = [
        "hidden",
        "is-hidden",
        "d-none",
        "hide",
        "invisible",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "element-invisible",
        "a-hidden",
        "u-hidden",
    ];
    token.len() <= 20 && NAMES.iter().any(|n| n.eq_ignore_ascii_case(token))
}

// ----- element classes -----------------------------------------------------------------------

/// Elements that never have content (and so are never pushed).
#[rustfmt::skip]
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "param" | "source" | "track" | "wbr" | "basefont" | "bgsound" | "frame"
            | "keygen" | "image"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose content is never visible text.
#[rustfmt::skip]
fn never_shown(name: &str) -> bool {
    matches!(
        name,
        "template" | "object" | "applet" | "canvas" | "select" | "option" | "optgroup"
            | "datalist" | "button" | "audio" | "video"
    )
}

/// Page chrome: navigation, banners, footers, side bars, forms, dialogs.
fn is_chrome_element(name: &str) -> bool {
    matches!(
        name,
        "nav" | "header" | "footer" | "aside" | "form" | "dialog" | "search" | "menu"
    )
}

/// Elements that start a new block of text.
#[rustfmt::skip]
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
            | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption"
            | "figure" | "footer" | "form" | "frameset" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "head" | "header" | "hgroup" | "hr" | "html" | "iframe" | "legend" | "li"
            | "listing" | "main" | "menu" | "nav" | "noscript" | "ol" | "optgroup" | "option"
            | "p" | "plaintext" | "pre" | "search" | "section" | "select" | "summary" | "table"
            | "tbody" | "td" | "textarea" | "tfoot" | "th" | "thead" | "tr" | "ul" | "xmp"
            | "button" | "video" | "audio" | "canvas" | "object" | "template" | "svg" | "math"
    )
}

/// Start tags that close an open `p` (HTML's "close a p element in button scope").
#[rustfmt::skip]
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog"
            | "dir" | "div" | "dl" | "dd" | "dt" | "fieldset" | "figcaption" | "figure"
            | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup"
            | "hr" | "li" | "listing" | "main" | "menu" | "nav" | "ol" | "p" | "pre" | "search"
            | "section" | "summary" | "table" | "ul" | "xmp"
    )
}

/// Elements across which an open `p` is not closed implicitly.
#[rustfmt::skip]
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object"
            | "template" | "button" | "svg" | "math"
    )
}

/// Elements across which an open `li`/`dd` is not closed implicitly.
#[rustfmt::skip]
fn resets_list_scope(name: &str) -> bool {
    matches!(
        name,
        "article" | "aside" | "blockquote" | "body" | "center" | "details" | "dialog"
            | "fieldset" | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" | "header" | "main" | "nav" | "section" | "tr" | "tbody" | "thead" | "tfoot"
    )
}

/// HTML start tags that end an open `svg`/`math` (as in the HTML parsing rules).
#[rustfmt::skip]
fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big" | "blockquote" | "body" | "br" | "center" | "code" | "dd" | "div" | "dl"
            | "dt" | "em" | "embed" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "hr"
            | "i" | "img" | "li" | "listing" | "menu" | "meta" | "nobr" | "ol" | "p" | "pre"
            | "ruby" | "s" | "small" | "span" | "strong" | "strike" | "sub" | "sup" | "table"
            | "tt" | "u" | "ul" | "var"
    )
}

// ----- small helpers -------------------------------------------------------------------------

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Characters that take no room on the page: dropped from the text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{e}'..='\u{1f}'
            | '\u{7f}'
            | '\u{ad}'
            | '\u{200b}'
            | '\u{2060}'
            | '\u{feff}'
    )
}

fn find_byte(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|p| p + from)
}

fn find_seq(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut k = from;
    while let Some(p) = find_byte(bytes, first, k) {
        if bytes[p..].starts_with(needle) {
            return Some(p);
        }
        k = p + 1;
    }
    None
}

/// Position after the next `>` at or after `from` (end of input when there is none).
fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    find_byte(bytes, b'>', from).map_or(bytes.len(), |p| p + 1)
}

// ----- character references ------------------------------------------------------------------

/// Decodes the character reference that follows a `&` (`s` starts after it).
/// Returns the character and how many bytes of `s` it used, or None when `s` does not start
/// with a known reference (the `&` then stays literal).
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, digits_start) = match bytes.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut k = digits_start;
        let mut value: u32 = 0;
        while k < bytes.len() {
            let digit = match (bytes[k] as char).to_digit(if hex { 16 } else { 10 }) {
                Some(d) => d,
                None => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            k += 1;
        }
        if k == digits_start {
            return None;
        }
        if bytes.get(k) == Some(&b';') {
            k += 1;
        }
        return Some((numeric_char(value), k));
    }
    let mut k = 0;
    while k < bytes.len() && k <= 32 && bytes[k].is_ascii_alphanumeric() {
        k += 1;
    }
    if k == 0 || k > 32 {
        return None;
    }
    let name = &s[..k];
    let c = named_entity(name)?;
    if bytes.get(k) == Some(&b';') {
        Some((c, k + 1))
    } else if matches!(
        name,
        "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg" | "AMP" | "LT" | "GT" | "QUOT"
    ) {
        // Legacy references that browsers also accept without the semicolon.
        Some((c, k))
    } else {
        None
    }
}

/// The character of a numeric reference, as browsers map it.
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0 => 0xFFFD,
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        _ => value,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// Named character references that occur in English (and Western European) web text.
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" | "COPY" => '©',
        "reg" | "REG" => '®',
        "trade" | "TRADE" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "sect" => '§',
        "para" => '¶',
        "deg" => '°',
        "dagger" => '†',
        "Dagger" => '‡',
        "prime" => '′',
        "Prime" => '″',
        "permil" => '‰',
        "iexcl" => '¡',
        "iquest" => '¿',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "curren" => '¤',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "micro" => 'µ',
        "not" => '¬',
        "ordf" => 'ª',
        "ordm" => 'º',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "aacute" => 'á',
        "Aacute" => 'Á',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "atilde" => 'ã',
        "Atilde" => 'Ã',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "aring" => 'å',
        "Aring" => 'Å',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "iacute" => 'í',
        "Iacute" => 'Í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "oacute" => 'ó',
        "Oacute" => 'Ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "uacute" => 'ú',
        "Uacute" => 'Ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "yacute" => 'ý',
        "yuml" => 'ÿ',
        "szlig" => 'ß',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        html_to_blocks(html).into_iter().map(|b| b.text).collect()
    }

    fn kinds(html: &str) -> Vec<(BlockKind, String)> {
        html_to_blocks(html)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    fn joined(html: &str) -> String {
        texts(html).join("\n")
    }

    #[test]
    fn empty_and_plain_text() {
        assert!(html_to_blocks("").is_empty());
        assert!(html_to_blocks("   \n\t ").is_empty());
        assert_eq!(texts("just text"), ["just text"]);
    }

    #[test]
    fn title_heading_paragraph() {
        let html = "<!DOCTYPE html><html><head><meta charset=utf-8><title> Privacy  Policy </title>\
                    </head><body><h1>Our Policy</h1><p>We collect\n   your email.</p></body></html>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::Title, "Privacy Policy".to_string()),
                (BlockKind::Heading, "Our Policy".to_string()),
                (BlockKind::Paragraph, "We collect your email.".to_string()),
            ]
        );
    }

    #[test]
    fn only_first_title_counts() {
        let html = "<title>One</title><p>x</p><title>Two</title>";
        assert_eq!(kinds(html)[0], (BlockKind::Title, "One".to_string()));
        assert!(!joined(html).contains("Two"));
    }

    #[test]
    fn all_heading_levels_and_role_heading() {
        let html = "<h2>A</h2><h3>B</h3><h6>C</h6><div role=\"heading\" aria-level=2>D</div>";
        for (kind, _) in kinds(html) {
            assert_eq!(kind, BlockKind::Heading);
        }
        assert_eq!(texts(html), ["A", "B", "C", "D"]);
    }

    #[test]
    fn lists_are_list_items() {
        let html = "<ul><li>First <b>item</b></li><li>Second</ul><dl><dt>Term<dd>Meaning</dl>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::ListItem, "First item".to_string()),
                (BlockKind::ListItem, "Second".to_string()),
                (BlockKind::ListItem, "Term".to_string()),
                (BlockKind::ListItem, "Meaning".to_string()),
            ]
        );
    }

    #[test]
    fn nested_paragraph_in_list_item_stays_list_item() {
        let html = "<ol><li><p>Cookies</p><p>Logs</p></li></ol>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::ListItem, "Cookies".to_string()),
                (BlockKind::ListItem, "Logs".to_string()),
            ]
        );
    }

    #[test]
    fn tables_are_cells() {
        let html = "<table><tr><th>Data</th><th>Kept for</th></tr>\
                    <tr><td>Email<td>2 years</tr></table><p>After</p>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::TableCell, "Data".to_string()),
                (BlockKind::TableCell, "Kept for".to_string()),
                (BlockKind::TableCell, "Email".to_string()),
                (BlockKind::TableCell, "2 years".to_string()),
                (BlockKind::Paragraph, "After".to_string()),
            ]
        );
    }

    #[test]
    fn layout_tables_give_paragraphs() {
        let long = "We collect the data that you give us. ".repeat(100);
        let html = format!(
            "<table><tr><td><p>{long}</p><p>Short one.</p></td></tr></table>\
             <table><tr><td><h1>Policy</h1><p>Intro.</p><table><tr><td>Data</td></tr></table>\
             </td></tr></table>"
        );
        let got = kinds(&html);
        assert_eq!(got[0], (BlockKind::Paragraph, long.trim().to_string()));
        assert_eq!(
            got[1..],
            [
                (BlockKind::Paragraph, "Short one.".to_string()),
                (BlockKind::Heading, "Policy".to_string()),
                (BlockKind::Paragraph, "Intro.".to_string()),
                (BlockKind::TableCell, "Data".to_string()),
            ]
        );
    }

    #[test]
    fn list_of_sections_gives_paragraphs() {
        let html = "<ol><li><h2>Sharing</h2><p>We share data with:</p>\
                    <ul><li>payment processors</li><li>couriers</li></ul></li>\
                    <li>A plain item</li></ol>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::Heading, "Sharing".to_string()),
                (BlockKind::Paragraph, "We share data with:".to_string()),
                (BlockKind::ListItem, "payment processors".to_string()),
                (BlockKind::ListItem, "couriers".to_string()),
                (BlockKind::ListItem, "A plain item".to_string()),
            ]
        );
    }

    #[test]
    fn heading_inside_cell_is_heading_and_makes_it_layout() {
        let html = "<table><tr><td><h3>Retention</h3>We keep it.</td><td>30 days</td></tr>\
                    </table>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::Heading, "Retention".to_string()),
                (BlockKind::Paragraph, "We keep it.".to_string()),
                (BlockKind::TableCell, "30 days".to_string()),
            ]
        );
    }

    #[test]
    fn inline_elements_do_not_break_text() {
        let html = "<p>We <a href=x>never</a> <strong>sell</strong> your <em>data</em>\
                    <sup>1</sup> to <span class=a>anyone</span>, <code>ever</code>.</p>";
        assert_eq!(texts(html), ["We never sell your data1 to anyone, ever."]);
    }

    #[test]
    fn block_elements_break_text() {
        let html = "<div>One<div>Two</div>Three</div><section>Four</section><blockquote>Five\
                    </blockquote><pre>Six   seven</pre><address>Eight</address>";
        assert_eq!(
            texts(html),
            ["One", "Two", "Three", "Four", "Five", "Six seven", "Eight"]
        );
    }

    #[test]
    fn br_splits_blocks() {
        assert_eq!(
            texts("<p>Line one<br>Line two<br/><br />Line three</p>"),
            ["Line one", "Line two", "Line three"]
        );
        assert_eq!(texts("a</br>b"), ["a", "b"]);
        assert_eq!(texts("a<hr>b"), ["a", "b"]);
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        let html = "<p>  \t a \n\n  b&nbsp;&nbsp;c  </p><p>   </p><p>\u{a0}</p>";
        assert_eq!(texts(html), ["a b c"]);
    }

    #[test]
    fn entities_are_decoded() {
        let html =
            "<p>AT&amp;T&#8217;s &#x2019;&#X41; &lt;b&gt; &quot;q&quot; &apos; &copy; &reg; \
                    &trade; &hellip; &mdash; &ndash; &lsquo;&rsquo;&ldquo;&rdquo; &bull; &middot; \
                    &laquo;&raquo; &sect; &para; &deg; &eacute;&egrave;&aacute;&agrave;&uuml;&ouml;\
                    &auml;&szlig;&ccedil;&ntilde; &iexcl;&iquest; &euro;&pound;&yen;&cent; \
                    &times;&divide;</p>";
        assert_eq!(
            texts(html),
            ["AT&T’s ’A <b> \"q\" ' © ® ™ … — – ‘’“” • · «» § ¶ ° éèáàüöäßçñ ¡¿ €£¥¢ ×÷"]
        );
    }

    #[test]
    fn spaces_and_invisible_entities() {
        assert_eq!(texts("a&thinsp;b&ensp;c&emsp;d"), ["a b c d"]);
        assert_eq!(texts("pri&shy;vacy"), ["privacy"]);
        assert_eq!(texts("a&zwnj;b&zwj;c"), ["a\u{200c}b\u{200d}c"]);
    }

    #[test]
    fn unknown_and_broken_entities_stay_literal() {
        assert_eq!(
            texts("&foo; &amp &copy 2024 & &# &#x; &ampx"),
            ["&foo; & © 2024 & &# &#x; &ampx"]
        );
        assert_eq!(texts("a=1&b=2"), ["a=1&b=2"]);
    }

    #[test]
    fn invalid_code_points_become_replacement() {
        assert_eq!(
            texts("&#0;|&#xD800;|&#x110000;|&#99999999999999999999;"),
            ["\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}"]
        );
        // Windows-1252 range, as browsers do.
        assert_eq!(texts("&#150;&#146;"), ["–’"]);
    }

    #[test]
    fn hidden_subtrees_are_left_out() {
        let html = "<p>We collect your email.</p><div hidden>We do not sell</div>\
                    <div aria-hidden=\"true\">Decoy one</div>\
                    <div style=\"color: red; display: none\">Decoy two</div>\
                    <div style=\"DISPLAY:NONE\">Decoy three</div>\
                    <span style=\"visibility:hidden\">Decoy four</span>\
                    <div hidden><div><p>Decoy five</div></div><p>Visible</p>";
        let text = joined(html);
        assert!(!text.contains("We do not sell"), "{text}");
        assert!(!text.contains("Decoy"), "{text}");
        assert_eq!(texts(html), ["We collect your email.", "Visible"]);
    }

    #[test]
    fn text_hidden_by_style_or_class_is_left_out() {
        // Bug guarded: a "We do not sell" that the page hides must not reach the analysis.
        let hidden = [
            "<p style=\"opacity:0\">Decoy</p>",
            "<p style=\"opacity: 0.0 !important\">Decoy</p>",
            "<span style=\"font-size:0\">Decoy</span>",
            "<span style=\"font-size: 0px\">Decoy</span>",
            "<span style=\"color: transparent\">Decoy</span>",
            "<div style=\"visibility: collapse\">Decoy</div>",
            "<div style=\"content-visibility:hidden\">Decoy</div>",
            "<div style=\"transform: scale(0)\">Decoy</div>",
            "<div style=\"position:absolute; clip: rect(0 0 0 0)\">Decoy</div>",
            "<div style=\"clip-path: inset(50%)\">Decoy</div>",
            "<div style=\"width:1px;height:1px;overflow:hidden\">Decoy</div>",
            "<div style=\"text-indent:-9999px\">Decoy</div>",
            "<div style=\"position:absolute;left:-10000px\">Decoy</div>",
            "<div style=\"display: none !important\">Decoy</div>",
            "<div class=\"hidden\">Decoy</div>",
            "<div class=\"note d-none\">Decoy</div>",
            "<span class=\"sr-only\">Decoy</span>",
            "<span class=\"visually-hidden\">Decoy</span>",
            "<span class=\"screen-reader-text\">Decoy</span>",
        ];
        for h in hidden {
            let html = format!("<p>Shown.</p>{h}<p>Also shown.</p>");
            assert_eq!(texts(&html), ["Shown.", "Also shown."], "{h}");
        }
        // Look-alikes that are visible.
        let visible = [
            "<span style=\"font-size:0.68rem\">Kept</span>",
            "<span style=\"opacity:0.9\">Kept</span>",
            "<div style=\"width:1px\">Kept</div>",
            "<div style=\"overflow:hidden\">Kept</div>",
            "<div style=\"left:-10px;position:absolute\">Kept</div>",
            "<div style=\"text-indent:-1em\">Kept</div>",
            "<div class=\"help-display-cond-hidden\">Kept</div>",
            "<div class=\"hidden-xs\">Kept</div>",
            "<div style=\"color:#fff\">Kept</div>",
        ];
        for v in visible {
            assert_eq!(texts(v), ["Kept"], "{v}");
        }
    }

    #[test]
    fn classes_and_ids_hidden_by_the_page_style_sheet_are_left_out() {
        // Bug guarded: `<style>.x{display:none}</style><p class="x">We do not sell</p>` put
        // the hidden denial into the text.
        let html = "<style>/* c */ @import url(a.css); .x { color: red; display: none } \
                    p.y, #z { visibility: hidden !important }\
                    @media print { .print { display: none } } .a .b { display: none }\
                    .hover:hover { display: none } .shown { display: block }</style>\
                    <p class=\"x\">Decoy one</p><p class=\"k y\">Decoy two</p>\
                    <div id=\"z\">Decoy three</div><p class=\"print\">Printed</p>\
                    <p class=\"b\">Nested rule</p><p class=\"hover\">Hover</p>\
                    <p class=\"shown\">Shown</p><p class=\"X\">Case</p>";
        assert_eq!(
            texts(html),
            ["Printed", "Nested rule", "Hover", "Shown", "Case"]
        );
        // Unterminated and odd sheets do not break anything.
        for sheet in [
            "<style>.x {",
            "<style>}}}{{{",
            "<style>@media {",
            "<style>/*",
        ] {
            let _ = texts(&format!("{sheet}</style><p class=\"x\">T</p>"));
        }
    }

    #[test]
    fn right_to_left_override_is_marked() {
        // Bug guarded: `<bdo dir="rtl">lles</bdo>` shows "sell" but was read as "lles".
        assert_eq!(
            texts("<p>We <bdo dir=\"rtl\">lles</bdo> data.</p>"),
            ["We \u{202e}lles\u{202c} data."]
        );
        assert_eq!(
            texts("<p>We <span style=\"direction:rtl;unicode-bidi:bidi-override\">lles</span></p>"),
            ["We \u{202e}lles\u{202c}"]
        );
        assert_eq!(texts("<p>a<bdo dir=\"rtl\"></bdo>b</p>"), ["ab"]);
        assert_eq!(texts("<bdo dir=\"ltr\">sell</bdo>"), ["sell"]);
    }

    #[test]
    fn aria_hidden_icon_does_not_take_the_paragraph_with_it() {
        let html = "<p><span aria-hidden=\"true\">›</span> We keep logs for 30 days.</p>";
        assert_eq!(texts(html), ["We keep logs for 30 days."]);
        let html = "<p>We keep logs<sup aria-hidden=\"true\">1</sup> for 30 days.</p>";
        assert_eq!(texts(html), ["We keep logs for 30 days."]);
    }

    #[test]
    fn aria_hidden_page_behind_a_modal_is_kept() {
        // A saved page with a cookie dialog open: the whole content is aria-hidden.
        let html = "<div id=root aria-hidden=\"true\"><h1>Privacy Policy</h1><p>We collect \
                    your email address and keep it until you close your account.</p></div>\
                    <div role=\"dialog\" aria-modal=\"true\">We use cookies.</div>";
        assert_eq!(
            texts(html),
            [
                "Privacy Policy",
                "We collect your email address and keep it until you close your account."
            ]
        );
    }

    #[test]
    fn aria_hidden_false_is_visible() {
        assert_eq!(texts("<div aria-hidden=\"false\">Shown</div>"), ["Shown"]);
    }

    #[test]
    fn script_and_style_never_appear() {
        let html = "<p>Before</p><script>var s = '<p>evil</p>'; if (a < b) {}</script>\
                    <SCRIPT type=text/javascript>document.write('</div>')</SCRIPT >\
                    <style>p { color: red }</style><noscript>Enable JS</noscript>\
                    <template><p>Template text</p></template><p>After</p>";
        assert_eq!(texts(html), ["Before", "After"]);
    }

    #[test]
    fn unterminated_script_swallows_rest() {
        assert_eq!(texts("<p>Kept</p><script>var a = 1; <p>no"), ["Kept"]);
    }

    #[test]
    fn non_text_elements_are_left_out() {
        let html = "<p>Text</p><svg viewBox=\"0 0 1 1\"><title>icon</title><text>svg text</text>\
                    <path d=\"M0\"/></svg><math><mi>x</mi></math><iframe src=x>frame</iframe>\
                    <object>obj</object><canvas>cv</canvas><select><option>Opt</option></select>\
                    <button>Accept all</button><input value=\"in\"><textarea>ta</textarea>\
                    <p>End</p>";
        assert_eq!(texts(html), ["Text", "End"]);
    }

    #[test]
    fn svg_title_does_not_become_title() {
        let html = "<body><svg><title>Logo</title></svg><p>x</p></body>";
        assert_eq!(kinds(html), [(BlockKind::Paragraph, "x".to_string())]);
    }

    #[test]
    fn script_inside_svg_is_raw_text() {
        let html = "<svg><script>if (a<b) { x(); }</script><text>icon</text></svg><p>After</p>";
        assert_eq!(texts(html), ["After"]);
    }

    #[test]
    fn unclosed_svg_ends_at_html_content() {
        let html = "<svg><path d=x><p>Policy text</p>";
        assert_eq!(texts(html), ["Policy text"]);
    }

    #[test]
    fn chrome_is_left_out() {
        let html = "<header><a href=/>Home</a></header><nav><ul><li>Menu</li></ul></nav>\
                    <main><h1>Privacy Policy</h1><p>We collect your email address when you \
                    sign up, and we keep it until you delete your account.</p></main>\
                    <aside>Related</aside><form><label>Search</label></form>\
                    <div role=\"dialog\">We use cookies</div><div role=navigation>Links</div>\
                    <div role=\"banner\">Banner</div><div role=\"contentinfo\">Info</div>\
                    <div role=\"search\">Find</div><div role=\"alertdialog\">Alert</div>\
                    <footer>Copyright</footer>";
        assert_eq!(
            texts(html),
            [
                "Privacy Policy",
                "We collect your email address when you sign up, and we keep it until you \
                 delete your account."
            ]
        );
    }

    #[test]
    fn chrome_named_by_id_or_class_is_left_out() {
        let html = "<div id=\"navFooter\"><a>Sell on Example</a></div>\
                    <div class=\"wrapper site-header\">Logo</div>\
                    <ul class=\"breadcrumb\"><li>Help</li></ul>\
                    <div id=\"cookie-banner\">We use cookies</div>\
                    <p>We collect your email address to send you receipts for every order you \
                    place in our shop, and for nothing else.</p>\
                    <p class=\"footer-note\">Last changed <a class=nav>in May</a>.</p>\
                    <article><div class=\"footer\">Contact: privacy@example.com</div></article>";
        assert_eq!(
            texts(html),
            [
                "We collect your email address to send you receipts for every order you place \
                 in our shop, and for nothing else.",
                "Last changed in May.",
                "Contact: privacy@example.com"
            ]
        );
    }

    #[test]
    fn header_inside_article_is_content() {
        let html = "<header>Site</header><article><header><h1>Privacy Policy</h1>\
                    <p>Updated 2024</p></header><p>Body of the policy text.</p>\
                    <footer>Contact: privacy@example.com</footer></article>";
        assert_eq!(
            texts(html),
            [
                "Privacy Policy",
                "Updated 2024",
                "Body of the policy text.",
                "Contact: privacy@example.com"
            ]
        );
    }

    #[test]
    fn chrome_holding_most_text_is_kept() {
        let html = "<form id=aspnetForm><nav>Menu</nav><h1>Privacy</h1><p>We collect \
                    what you type into our forms and nothing else at all.</p></form>";
        assert_eq!(
            texts(html),
            [
                "Privacy",
                "We collect what you type into our forms and nothing else at all."
            ]
        );
        assert_eq!(texts("<header>Only text</header>"), ["Only text"]);
    }

    #[test]
    fn comments_doctype_cdata_pi() {
        let html = "<!DOCTYPE html><!-- <p>comment</p> --><?xml version=\"1.0\"?>\
                    <p>a<!---->b<!-->c<!--->d<!-- x --!>e</p><![CDATA[raw & text]]>";
        assert_eq!(texts(html), ["abcde", "raw & text"]);
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let html = "<p class=\"a>b\" data-x='c>d' id=e title = f disabled>Text</p>\
                    <div data-a=\"1\"hidden>Nope</div><div title=x/>Yes</div>";
        assert_eq!(texts(html), ["Text", "Yes"]);
    }

    #[test]
    fn uppercase_tags() {
        let html = "<HTML><BODY><H2>Title</H2><P>Para<BR>Next</P><UL><LI>Item</UL></BODY></HTML>";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::Heading, "Title".to_string()),
                (BlockKind::Paragraph, "Para".to_string()),
                (BlockKind::Paragraph, "Next".to_string()),
                (BlockKind::ListItem, "Item".to_string()),
            ]
        );
    }

    #[test]
    fn broken_html_is_tolerated() {
        let html = "<p>One<p>Two</span></div></foo><li>Three<li>Four</td>\
                    <td>Five<td>Six 3 < 4 and 5 <= 6 <> <3 </ p>Seven";
        assert_eq!(
            kinds(html),
            [
                (BlockKind::Paragraph, "One".to_string()),
                (BlockKind::Paragraph, "Two".to_string()),
                (BlockKind::ListItem, "Three".to_string()),
                (BlockKind::ListItem, "Four".to_string()),
                (BlockKind::TableCell, "Five".to_string()),
                (
                    BlockKind::TableCell,
                    "Six 3 < 4 and 5 <= 6 <> <3 Seven".to_string()
                ),
            ]
        );
    }

    #[test]
    fn unclosed_hidden_paragraph_is_closed_by_next_paragraph() {
        assert_eq!(texts("<p hidden>Secret<p>Open"), ["Open"]);
        assert_eq!(texts("<ul><li hidden>Secret<li>Open</ul>"), ["Open"]);
        assert_eq!(
            texts("<table><tr><td hidden>Secret<td>Open</table>"),
            ["Open"]
        );
    }

    #[test]
    fn stray_end_tags_do_not_close_hidden_subtree_early() {
        let html = "<div hidden><span>x</p></li></td></span>still hidden</div><p>shown</p>";
        assert_eq!(texts(html), ["shown"]);
    }

    #[test]
    fn eof_edge_cases() {
        assert_eq!(texts("text<"), ["text<"]);
        assert_eq!(texts("text</"), ["text</"]);
        assert_eq!(texts("text<!-- open comment"), ["text"]);
        assert_eq!(texts("text<p class=\"open"), ["text"]);
        assert_eq!(texts("text<div"), ["text"]);
        assert_eq!(texts("text&"), ["text&"]);
        assert_eq!(texts("text&#"), ["text&#"]);
        assert_eq!(texts("<title>open title"), ["open title"]);
        assert_eq!(texts("<"), ["<"]);
        assert!(html_to_blocks("<!").is_empty());
    }

    #[test]
    fn nul_bytes_and_controls() {
        assert_eq!(texts("a\0b<p>c</p>\0d\u{1}e"), ["ab", "c", "de"]);
        // A NUL inside a tag name makes it another (unknown, inline) element.
        assert_eq!(texts("a<p\0>b</p\0>c"), ["abc"]);
    }

    #[test]
    fn deep_nesting_is_fast_and_correct() {
        let n = 100_000;
        let mut html = String::with_capacity(n * 12);
        for _ in 0..n {
            html.push_str("<div>");
        }
        html.push_str("deep");
        for _ in 0..n {
            html.push_str("</div>");
        }
        html.push_str("<p>after</p>");
        let start = std::time::Instant::now();
        assert_eq!(texts(&html), ["deep", "after"]);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn hidden_subtree_beyond_depth_cap() {
        let n = MAX_DEPTH + 100;
        let mut html = String::new();
        for _ in 0..n {
            html.push_str("<div>");
        }
        html.push_str("<div hidden><div>secret</div></div>shown");
        for _ in 0..n {
            html.push_str("</div>");
        }
        html.push_str("after");
        assert_eq!(texts(&html), ["shown", "after"]);
    }

    #[test]
    fn hidden_wrapper_around_deep_nesting() {
        let mut html = String::from("<div hidden>");
        for _ in 0..10_000 {
            html.push_str("<div>");
        }
        html.push_str("secret");
        for _ in 0..10_000 {
            html.push_str("</div>");
        }
        html.push_str("</div>after");
        assert_eq!(texts(&html), ["after"]);
    }

    #[test]
    fn many_unclosed_elements_and_stray_end_tags() {
        let html = "<span>".repeat(50_000) + &"</x>".repeat(50_000) + "text";
        assert_eq!(texts(&html), ["text"]);
    }

    #[test]
    fn huge_line_without_tags() {
        let line = "word ".repeat(1_000_000);
        let start = std::time::Instant::now();
        let blocks = html_to_blocks(&line);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text.len(), line.len() - 1);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn many_lone_angle_brackets_and_ampersands() {
        let s = "<<&&<!<?</ ".repeat(10_000);
        let _ = html_to_blocks(&s);
        let s = "a < b & c ".repeat(100_000);
        assert_eq!(html_to_blocks(&s).len(), 1);
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let samples = [
            "<",
            "<a",
            "</",
            "</a",
            "<!",
            "<!-",
            "<!--",
            "<!---",
            "<![CDATA[",
            "<?",
            "&",
            "&#",
            "&#x",
            "&#x1F600",
            "<p a",
            "<p a=",
            "<p a='",
            "<p a=\"x\"",
            "<p/",
            "<svg/>",
            "<math/><p>x",
            "<title>",
            "<script>",
            "</script>",
            "<p>é</p>",
            "é<é>",
            "<\u{0}>",
            "\u{0}<\u{0}",
            "<td><tr><th>",
            "<li><dt><dd>",
            "<h1><h2>x",
        ];
        for s in samples {
            let _ = html_to_blocks(s);
        }
        // Every byte-prefix that is valid UTF-8 of a messy document.
        let doc = "<html><head><title>T&amp;</title></head><body><p a=\"é\">é&eacute;\
                   <!-- c --><script>x</script><svg><p>y</svg></body></html>";
        for end in 0..=doc.len() {
            if doc.is_char_boundary(end) {
                let _ = html_to_blocks(&doc[..end]);
            }
        }
    }

    #[test]
    fn fixture_policy_page() {
        let html = include_str!("../tests/fixtures/html/policy_page.html");
        let blocks = html_to_blocks(html);
        let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        let all = text.join("\n");
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert!(
            all.contains("We do not sell your personal information."),
            "{all}"
        );
        assert!(all.contains("Contact us at privacy@example.org."), "{all}");
        for chrome in [
            "Accept all",
            "We use cookies",
            "Home",
            "Careers",
            "© 2024",
            "Sign in",
        ] {
            assert!(!all.contains(chrome), "{chrome} leaked: {all}");
        }
        assert!(!all.contains("We sell data"), "hidden text leaked: {all}");
        assert!(blocks
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.text == "Information we collect"));
        assert!(blocks
            .iter()
            .any(|b| b.kind == BlockKind::TableCell && b.text == "Server logs"));
        assert!(blocks
            .iter()
            .any(|b| b.kind == BlockKind::ListItem && b.text == "Your email address"));
    }

    #[test]
    fn fixture_broken_page() {
        let html = include_str!("../tests/fixtures/html/broken_page.html");
        let all = texts(html).join("\n");
        assert!(all.contains("We keep logs for 30 days."), "{all}");
        assert!(all.contains("Cookies help us remember you."), "{all}");
        assert!(!all.contains("tracking pixel"), "{all}");
        assert!(!all.contains("secret"), "{all}");
    }

    #[test]
    fn fixture_modal_open_page() {
        let html = include_str!("../tests/fixtures/html/modal_open_page.html");
        let blocks = html_to_blocks(html);
        let all = blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(blocks[0].kind, BlockKind::Title);
        assert!(all.contains("Privacy Notice"), "{all}");
        assert!(
            all.contains("You can turn personalised ads off in Settings › Privacy."),
            "{all}"
        );
        assert!(all.contains("We do not sell personal information as the CCPA defines it."));
        for left_out in [
            "We sell your data",
            "JavaScript",
            "Forecast",
            "Legal",
            "Careers",
        ] {
            assert!(!all.contains(left_out), "{left_out} leaked: {all}");
        }
        assert!(all.contains("how often an ad was shown. You can"), "{all}");
        for left_out in ["812 partners", "Accept all", "Deutsch", "shown*"] {
            assert!(!all.contains(left_out), "{left_out} leaked: {all}");
        }
    }

    #[test]
    fn fixture_form_wrapped_page() {
        let html = include_str!("../tests/fixtures/html/form_wrapped_page.html");
        let all = texts(html).join("\n");
        assert!(
            all.contains("We use your address only to ship your order."),
            "{all}"
        );
        assert!(!all.contains("Quick links"), "{all}");
    }
}
