//! The analyzed document: one text, its blocks, and its sentences, all as byte ranges.

use std::borrow::Cow;

use crate::blocks::{Block, BlockKind};
use crate::normalize::is_invisible;

/// Longest sentence the analysis reads as one unit, in bytes; longer runs are cut at a space.
const MAX_SENTENCE: usize = 2000;

/// A block as a range of [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockSpan {
    /// The block's kind.
    pub kind: BlockKind,
    /// Start in bytes.
    pub start: usize,
    /// End in bytes (exclusive).
    pub end: usize,
}

/// A sentence as a range of [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: usize,
    pub heading: bool,
}

/// Text plus structure, ready for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    blocks: Vec<BlockSpan>,
}

impl Document {
    /// A document from plain text. Blocks are split on blank lines and on line breaks between
    /// complete lines; hard-wrapped lines are joined; short lines without final punctuation,
    /// Markdown `#` lines and numbered titles ("2. Cookies") are taken as headings.
    pub fn from_text(text: &str) -> Document {
        let mut blocks = Vec::new();
        let mut current: Option<(usize, usize)> = None;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            // A line of only spaces and invisible characters is a blank line.
            let trimmed = content.trim_matches(is_blank_char);
            if trimmed.is_empty() {
                if let Some((s, e)) = current.take() {
                    push_text_block(text, s, e, &mut blocks);
                }
                continue;
            }
            let lead = content.len() - content.trim_start_matches(is_blank_char).len();
            let start = line_start + lead;
            let end = line_start + content.trim_end_matches(is_blank_char).len();
            current = match current {
                Some((s, e)) if continues(&text[s..e], trimmed) => Some((s, end)),
                Some((s, e)) => {
                    push_text_block(text, s, e, &mut blocks);
                    Some((start, end))
                }
                None => Some((start, end)),
            };
        }
        if let Some((s, e)) = current {
            push_text_block(text, s, e, &mut blocks);
        }
        if let Some(first) = blocks.first_mut() {
            if first.kind == BlockKind::Heading {
                first.kind = BlockKind::Title;
            }
        }
        Document {
            text: text.to_string(),
            blocks,
        }
    }

    /// A document from structured blocks (as the extension or the HTML reader give them).
    /// The analyzed text is the non-empty blocks' texts, trimmed as JavaScript's
    /// `String.prototype.trim` trims, joined by a blank line (`"\n\n"`): a page script can
    /// rebuild it with `blocks.map(b => b.text.trim()).filter(t => t).join("\n\n")`.
    pub fn from_blocks(blocks: &[Block]) -> Document {
        let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
        let mut spans = Vec::with_capacity(blocks.len());
        for b in blocks {
            let t = b.text.trim_matches(is_js_space);
            if t.is_empty() {
                // Keep the slot so that block indices match the caller's list.
                spans.push(BlockSpan {
                    kind: b.kind,
                    start: text.len(),
                    end: text.len(),
                });
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(t);
            spans.push(BlockSpan {
                kind: b.kind,
                start,
                end: text.len(),
            });
        }
        Document {
            text,
            blocks: spans,
        }
    }

    /// The analyzed text; evidence offsets point into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The blocks, in order.
    pub fn blocks(&self) -> &[BlockSpan] {
        &self.blocks
    }

    /// Splits every block into sentences.
    pub(crate) fn sentences(&self) -> Vec<Sentence> {
        let mut out = Vec::new();
        for (i, b) in self.blocks.iter().enumerate() {
            let heading = matches!(b.kind, BlockKind::Heading | BlockKind::Title);
            split_sentences(&self.text, b.start, b.end, |start, end| {
                out.push(Sentence {
                    start,
                    end,
                    block: i,
                    heading,
                });
            });
        }
        out
    }
}

/// Does `next` continue the hard-wrapped paragraph `prev`?
fn continues(prev: &str, next: &str) -> bool {
    let ends_open = !prev
        .chars()
        .rev()
        .find(|c| !is_invisible(*c))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}' | ')'));
    let starts_lower = next
        .chars()
        .find(|c| !is_invisible(*c))
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    // "... In the" + "Notice at Collection ...": a line that stops on a function word goes on,
    // whatever the case of the next line.
    ends_open && (starts_lower || ends_on_open_word(prev)) && !is_heading_line(prev)
}

/// Words a line of running text can stop on only when the sentence goes on: a line ending in
/// one is a wrapped sentence, not a heading.
const OPEN_ENDS: &[&str] = &[
    "for", "the", "a", "an", "and", "or", "of", "to", "with", "in", "on", "by", "your", "our",
    "we", "is", "are", "that",
];

fn ends_on_open_word(line: &str) -> bool {
    line.split_whitespace()
        .last()
        .is_some_and(|w| OPEN_ENDS.contains(&w.to_ascii_lowercase().as_str()))
}

fn push_text_block(text: &str, start: usize, end: usize, blocks: &mut Vec<BlockSpan>) {
    let t = &text[start..end];
    let kind = if is_heading_line(t) {
        BlockKind::Heading
    } else if t
        .trim_start_matches(is_invisible)
        .starts_with(['-', '*', '\u{2022}', '\u{25cf}', '\u{25aa}', '\u{2013}'])
    {
        BlockKind::ListItem
    } else {
        BlockKind::Paragraph
    };
    blocks.push(BlockSpan { kind, start, end });
}

/// A plain-text line that reads as a heading.
fn is_heading_line(line: &str) -> bool {
    let t = line.trim_matches(is_blank_char);
    if t.starts_with('#') {
        return true;
    }
    // Invisible characters take no room: a heading padded with them is still a heading (the
    // cap keeps the work per line bounded).
    if t.len() > 1024 {
        return false;
    }
    let t = visible(t);
    let t = t.as_ref();
    if t.len() > 90 {
        return false;
    }
    let words = t.split_whitespace().count();
    if words == 0 || words > 12 {
        return false;
    }
    if ends_on_open_word(t) {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return false;
    }
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let end_ok = (!t.ends_with(['.', ',', ';', '!', '?', ':']) || (t.ends_with(':') && words <= 5))
        && !t.ends_with("..");
    let first_upper = t
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    all_caps || (end_ok && first_upper)
}

const ABBREVIATIONS: &[&str] = &[
    "inc", "ltd", "co", "corp", "llc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "e.g",
    "i.e", "u.s", "u.k", "e.u", "approx", "art", "sec", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "fig", "cf", "viz", "al", "para", "p", "pp", "ave",
    "jr", "sr", "n.a", "s.a", "b.v", "a.g", "gmbh", "pty", "plc", "ca", "ph", "vol", "ref",
];

/// Calls `emit(start, end)` for each sentence of `text[from..to]`.
pub(crate) fn split_sentences(
    text: &str,
    from: usize,
    to: usize,
    mut emit: impl FnMut(usize, usize),
) {
    let bytes = text.as_bytes();
    let mut start = skip_space(text, from, to);
    let mut i = start;
    while i < to {
        let b = bytes[i];
        let boundary = match b {
            b'.' | b'!' | b'?' => {
                // Closing quotes and brackets stay with the sentence.
                let mut j = i + 1;
                while j < to && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                while j < to && text[j..].starts_with(['\u{201d}', '\u{2019}']) {
                    j += 3;
                }
                // Invisible characters after the full stop belong to this sentence.
                while let Some(c) = text[j..to].chars().next().filter(|&c| is_invisible(c)) {
                    j += c.len_utf8();
                }
                if j < to && text[j..to].starts_with(char::is_whitespace) {
                    let next = skip_space(text, j, to);
                    let next_ok = text[next..to].chars().next().is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_ascii_digit()
                            || "\"'(\u{201c}\u{2018}[•*-".contains(c)
                    });
                    if next_ok && !(b == b'.' && is_abbreviation(&text[start..i])) {
                        Some((j, next))
                    } else {
                        None
                    }
                } else {
                    None
                }
            }
            b'\n' => {
                // A line break inside a block ends a sentence when the next line starts anew.
                let next = skip_space(text, i, to);
                let prev = text[start..i].trim_end_matches(is_blank_char);
                if prev.ends_with([':', ';'])
                    || text[next..to].starts_with(|c: char| !c.is_lowercase())
                {
                    Some((i, next))
                } else {
                    // Nothing in the run of spaces up to `next` can end the sentence either:
                    // skip it, so that a run of line breaks is not rescanned at each of them.
                    i = next;
                    continue;
                }
            }
            _ => None,
        };
        if let Some((end, next)) = boundary {
            emit_trimmed(text, start, end, &mut emit);
            start = next;
            i = next;
            continue;
        }
        if i - start >= MAX_SENTENCE && (b == b' ' || b == b',' || b == b';') {
            emit_trimmed(text, start, i + 1, &mut emit);
            start = skip_space(text, i + 1, to);
            i = start;
            continue;
        }
        if i - start >= MAX_SENTENCE * 2 && text.is_char_boundary(i) {
            // No space for a long stretch (a run of one "word"): cut anyway.
            emit_trimmed(text, start, i, &mut emit);
            start = i;
        }
        i += 1;
    }
    if start < to {
        emit_trimmed(text, start, to, &mut emit);
    }
}

fn emit_trimmed(text: &str, start: usize, end: usize, emit: &mut impl FnMut(usize, usize)) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_blank_char).len();
    let t = s.trim_matches(is_blank_char);
    if !t.is_empty() {
        emit(start + lead, start + lead + t.len());
    }
}

/// Skips spaces and invisible characters (see [`is_invisible`]) from `i`.
fn skip_space(text: &str, mut i: usize, to: usize) -> usize {
    while i < to {
        match text[i..to].chars().next() {
            Some(c) if is_blank_char(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The characters JavaScript's `trim()` removes (WhiteSpace and LineTerminator of ECMAScript):
/// Rust's `str::trim` differs in U+FEFF (JavaScript trims it) and U+0085 (JavaScript keeps it),
/// and a block starting with either would shift every offset the extension reads.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// White space, or a character that takes no room on the page.
fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// `s` without its invisible characters (borrowed when it has none).
fn visible(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_invisible) {
        Cow::Owned(s.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Does the sentence so far end in an abbreviation ("Inc", "e.g", "U.S") or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = visible(word);
    let word = word.trim_start_matches(['"', '\'']);
    if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()) {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(s, 0, s.len(), |a, b| out.push(&s[a..b]));
        out
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        assert_eq!(
            sentences("We use cookies. We do not sell data, e.g. to Acme Inc. in the U.S. ever! Why? \u{201c}Fine.\u{201d} Yes."),
            vec!["We use cookies.", "We do not sell data, e.g. to Acme Inc. in the U.S. ever!", "Why?", "\u{201c}Fine.\u{201d}", "Yes."]
        );
    }

    #[test]
    fn keeps_decimals_and_urls_whole() {
        assert_eq!(
            sentences("Version 2.1 of example.com applies. Next."),
            vec!["Version 2.1 of example.com applies.", "Next."]
        );
    }

    #[test]
    fn long_runs_are_cut_at_a_char_boundary() {
        let s = "é".repeat(10_000);
        let parts = sentences(&s);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), s);
    }

    #[test]
    fn a_line_ending_on_a_function_word_goes_on_before_a_capital() {
        // Regression: "In the\nNotice at Collection (above), ..." was cut into a block and a
        // heading, and the sentence lost its first half.
        let d = Document::from_text(
            "This sharing gives you tailored ads. In the\nNotice at Collection (above), we outlined which categories of information\nare shared for cross-contextual behavioral advertising.",
        );
        assert_eq!(d.blocks().len(), 1);
        assert_eq!(d.blocks()[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn plain_text_blocks_and_headings() {
        let d = Document::from_text("Privacy Policy\n\nData Retention\nWe keep data for\n30 days.\nWe delete it.\n- item one\n");
        let kinds: Vec<_> = d
            .blocks()
            .iter()
            .map(|b| (b.kind, &d.text()[b.start..b.end]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Title, "Privacy Policy"),
                (BlockKind::Heading, "Data Retention"),
                (BlockKind::Paragraph, "We keep data for\n30 days."),
                (BlockKind::Paragraph, "We delete it."),
                (BlockKind::ListItem, "- item one"),
            ]
        );
    }

    #[test]
    fn blocks_join_with_blank_lines() {
        let d = Document::from_blocks(&[
            Block::new(BlockKind::Heading, " A "),
            Block::new(BlockKind::Paragraph, ""),
            Block::new(BlockKind::Paragraph, "B."),
        ]);
        assert_eq!(d.text(), "A\n\nB.");
        assert_eq!(d.blocks().len(), 3, "empty blocks keep their index");
    }

    #[test]
    fn blocks_are_trimmed_as_javascript_trims() {
        // Bug guarded: blocks were trimmed with Rust's `str::trim`, which keeps U+FEFF and
        // drops U+0085, unlike JavaScript's `trim()`: the extension's rebuilt text and the
        // report's offsets disagreed after such a block.
        let d = Document::from_blocks(&[
            Block::new(BlockKind::Paragraph, "\u{feff}A\u{feff}"),
            Block::new(BlockKind::Paragraph, "\u{85}B\u{85}"),
            Block::new(BlockKind::Paragraph, "\u{feff}\u{3000}\u{2028}"),
            Block::new(BlockKind::Paragraph, "\u{200b}C"),
        ]);
        assert_eq!(d.text(), "A\n\n\u{85}B\u{85}\n\n\u{200b}C");
    }
}
