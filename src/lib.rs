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
//! against one [`regex::bytes::RegexSet`] holding every rule of `rules/*.rules`. Each rule
//! supports a verdict (a *cue*); guards in the rules handle negation ("we do not sell"),
//! scope (aggregated or de-identified data) and exceptions. The verdict of each practice is
//! then decided by the priorities of `spec/practices.md`: for sale, an admitted "sale" or
//! "sharing" anywhere in the document outweighs a denial elsewhere; for retention,
//! `indefinite` > `stated_period` > `as_needed` > `unspecified` > `not_mentioned`.
//!
//! # Untrusted input
//! Every function takes any `&str` and returns a report; none panics. Matching uses finite
//! automata (the `regex` crate), so time is linear in the input size; sentences are capped at a
//! few kilobytes so no single unit of work grows with hostile input.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod analyze;
mod blocks;
mod document;
mod lang;
mod normalize;
mod policy;
pub mod report;
mod rules;

#[cfg(not(target_arch = "wasm32"))]
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
