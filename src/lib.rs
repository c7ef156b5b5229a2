//! policy-lens reads a privacy policy and says whether the site **tracks** you, **sells** your
//! data and how long it **keeps** it, each verdict backed by quoted sentences of the policy.
//!
//! ```
//! let report = policy_lens::analyze(
//!     "Privacy Policy\n\n\
//!      This privacy policy explains how we collect and use your personal information.\n\n\
//!      We use Google Analytics, which places cookies on your device.\n\n\
//!      We do not sell your personal information.\n\n\
//!      We retain your personal information for 30 days.",
//! );
//! assert!(report.is_policy);
//! assert_eq!(report.practices.tracking.verdict, policy_lens::TrackingVerdict::ThirdParty);
//! assert_eq!(report.practices.sale.verdict, policy_lens::SaleVerdict::NoSale);
//! assert_eq!(report.practices.retention.verdict, policy_lens::RetentionVerdict::StatedPeriod);
//! assert_eq!(report.practices.retention.details.periods, ["30 days"]);
//! let e = &report.practices.sale.evidence[0];
//! assert_eq!(e.quote, "We do not sell your personal information.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it works
//! The text is split into blocks (headings, paragraphs, list items) and sentences, each
//! sentence normalised (lower case, ASCII quotes, no invisible characters) and matched once
//! against one automaton of every rule's gate in `rules/*.rules`, then against the full
//! patterns of the rules whose gates matched ([`pattern`], the crate's own engine). Each rule
//! supports a verdict (a *cue*); guards in the rules handle negation ("we do not sell"),
//! scope (aggregated or de-identified data) and exceptions. The verdict of each practice is
//! then decided by the priorities of `spec/practices.md`: for sale, an admitted "sale" or
//! "sharing" anywhere in the document outweighs a denial elsewhere; for retention,
//! `indefinite` > `stated_period` > `as_needed` > `unspecified` > `not_mentioned`.
//!
//! # Untrusted input
//! Every function takes any `&str` and returns a report; none panics. Matching uses finite
//! automata (a lazy DFA, and an NFA simulation for counted gaps), so time is linear in the
//! input size; sentences are capped at a few kilobytes so no single unit of work grows with
//! hostile input.
//!
//! What a reader cannot see does not change the reading: zero-width and bidirectional marks,
//! soft hyphens and control characters are ignored (also where sentences and headings are
//! found), text under a right-to-left override is read as shown, look-alike letters of other
//! scripts read as ASCII (also for language detection), and the HTML reader keeps only
//! visible text. Repetition adds nothing to the "is it a policy?" check.
//!
//! [`check_report`] states what every report keeps; the fuzz targets (`fuzz/`), the property
//! tests (`tests/properties.rs`) and the adversarial texts (`tests/adversarial.rs`) check it.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyze;
mod blocks;
mod document;
mod lang;
mod normalize;
pub mod pattern;
mod policy;
pub mod report;
mod rules;

pub mod html;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyze::{analyze_document, language_name, Options};
pub use blocks::{Block, BlockKind};
pub use document::{BlockSpan, Document};
pub use report::*;
pub use rules::{Cue, Rule, Section, RULES};

#[doc(hidden)]
pub use analyze::rules_in_sentence;

/// The analyzer's version, written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyzes plain text (blocks are split on blank lines and line breaks).
pub fn analyze(text: &str) -> Report {
    analyze_document(&Document::from_text(text), Options::default())
}

/// Analyzes structured blocks, as an HTML reader or the browser extension gives them.
pub fn analyze_blocks(blocks: &[Block]) -> Report {
    analyze_document(&Document::from_blocks(blocks), Options::default())
}

/// Checks the promises every report keeps, whatever the input; `text` is the analyzed text
/// ([`Document::text`]). Used by the property tests and the fuzz targets (`fuzz/`); returns
/// what is broken, or `Ok(())`.
///
/// - every evidence item quotes its own range: `start..end` lies on character boundaries
///   inside `text`, `text[start..end] == quote`, the UTF-16 offsets count the same
///   characters, the quote is non-empty and trimmed, and its block exists;
/// - every verdict is from the vocabulary of `spec/practices.md` (checked on the JSON, which
///   is what the extension reads), its level is the verdict's level, a `not_analyzed`
///   practice has a reason and no evidence, any other has no reason, and a decided verdict
///   (not `not_mentioned`) has 1 to 3 evidence sentences;
/// - confidences are in 0..1 and agree with `is_policy`, `stats.bytes` is the text's length,
///   the title is at most 120 bytes, a `stated_period` names a period, finding ids are unique.
#[doc(hidden)]
pub fn check_report(text: &str, report: &Report) -> Result<(), String> {
    fn evidence(text: &str, blocks: usize, what: &str, e: &Evidence) -> Result<(), String> {
        let bad = |msg: &str| Err(format!("{what} evidence {}..{}: {msg}", e.start, e.end));
        if e.start > e.end || e.end > text.len() {
            return bad(&format!("outside the text ({} bytes)", text.len()));
        }
        if !text.is_char_boundary(e.start) || !text.is_char_boundary(e.end) {
            return bad("not on character boundaries");
        }
        if text[e.start..e.end] != e.quote {
            return bad(&format!(
                "quote {:?} differs from the text {:?}",
                e.quote,
                &text[e.start..e.end]
            ));
        }
        if e.quote.is_empty() || e.quote.trim() != e.quote {
            return bad("empty or untrimmed quote");
        }
        let s16 = text[..e.start].encode_utf16().count();
        let e16 = s16 + e.quote.encode_utf16().count();
        if (e.start_utf16, e.end_utf16) != (s16, e16) {
            return bad(&format!(
                "UTF-16 offsets {}..{} should be {s16}..{e16}",
                e.start_utf16, e.end_utf16
            ));
        }
        if e.block >= blocks {
            return bad(&format!("block {} of {blocks}", e.block));
        }
        if e.rule.is_empty() {
            return bad("no rule id");
        }
        Ok(())
    }
    fn practice<V: Copy + PartialEq, D>(
        text: &str,
        blocks: usize,
        what: &str,
        p: &Practice<V, D>,
        level: fn(V) -> Level,
        not_analyzed: V,
        not_mentioned: V,
    ) -> Result<(), String> {
        if p.level != level(p.verdict) {
            return Err(format!(
                "{what}: level {:?} does not fit the verdict",
                p.level
            ));
        }
        if (p.verdict == not_analyzed) != p.reason.is_some() {
            return Err(format!(
                "{what}: reason {:?} with this verdict",
                p.reason.as_deref()
            ));
        }
        let n = p.evidence.len();
        if p.verdict == not_analyzed && n > 0 {
            return Err(format!("{what}: not analyzed but {n} evidence items"));
        }
        if p.verdict != not_analyzed && p.verdict != not_mentioned && n == 0 {
            return Err(format!("{what}: a verdict without evidence"));
        }
        if n > 3 {
            return Err(format!("{what}: {n} evidence items (at most 3)"));
        }
        if p.headline.trim().is_empty() {
            return Err(format!("{what}: empty headline"));
        }
        p.evidence
            .iter()
            .try_for_each(|e| evidence(text, blocks, what, e))
    }

    let blocks = report.stats.blocks;
    let p = &report.practices;
    practice(
        text,
        blocks,
        "tracking",
        &p.tracking,
        TrackingVerdict::level,
        TrackingVerdict::NotAnalyzed,
        TrackingVerdict::NotMentioned,
    )?;
    practice(
        text,
        blocks,
        "sale",
        &p.sale,
        SaleVerdict::level,
        SaleVerdict::NotAnalyzed,
        SaleVerdict::NotMentioned,
    )?;
    practice(
        text,
        blocks,
        "retention",
        &p.retention,
        RetentionVerdict::level,
        RetentionVerdict::NotAnalyzed,
        RetentionVerdict::NotMentioned,
    )?;
    if p.retention.verdict == RetentionVerdict::StatedPeriod
        && p.retention.details.periods.is_empty()
    {
        return Err("retention: stated_period without a period".to_string());
    }
    let mut ids = Vec::new();
    for f in &report.findings {
        if ids.contains(&f.id) {
            return Err(format!("finding {} twice", f.id));
        }
        ids.push(f.id);
        evidence(text, blocks, f.id, &f.evidence)?;
    }

    let json: serde_json::Value = serde_json::from_str(&report.to_json())
        .map_err(|e| format!("the report's JSON does not parse: {e}"))?;
    const VOCABULARY: [(&str, &[&str]); 3] = [
        (
            "tracking",
            &[
                "third_party",
                "first_party",
                "none",
                "not_mentioned",
                "not_analyzed",
            ],
        ),
        (
            "sale",
            &["sells", "no_sale", "not_mentioned", "not_analyzed"],
        ),
        (
            "retention",
            &[
                "indefinite",
                "stated_period",
                "as_needed",
                "unspecified",
                "not_mentioned",
                "not_analyzed",
            ],
        ),
    ];
    for (name, words) in VOCABULARY {
        let verdict = &json["practices"][name]["verdict"];
        if !verdict.as_str().is_some_and(|v| words.contains(&v)) {
            return Err(format!(
                "{name}: verdict {verdict} is not in the vocabulary"
            ));
        }
    }

    let unit = 0.0..=1.0;
    if !unit.contains(&report.policy_confidence) || !unit.contains(&report.language_confidence) {
        return Err(format!(
            "confidence out of 0..1: policy {}, language {}",
            report.policy_confidence, report.language_confidence
        ));
    }
    if report.is_policy && report.policy_confidence < 0.5
        || !report.is_policy && report.policy_confidence > 0.5
    {
        return Err(format!(
            "is_policy {} with confidence {}",
            report.is_policy, report.policy_confidence
        ));
    }
    if report.stats.bytes != text.len() {
        return Err(format!(
            "stats.bytes {} for a text of {} bytes",
            report.stats.bytes,
            text.len()
        ));
    }
    if report.title.as_ref().is_some_and(|t| t.len() > 120) {
        return Err("title over 120 bytes".to_string());
    }
    Ok(())
}
