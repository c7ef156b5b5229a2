//! The report: the one data model that the CLI, the extension and the demo page all read.
//!
//! It is serialized with serde in `snake_case`. Offsets in [`Evidence`] are given twice:
//! `start`/`end` in UTF-8 bytes (for Rust: `text[start..end] == quote`) and
//! `start_utf16`/`end_utf16` in UTF-16 code units (for JavaScript: `text.slice(start_utf16,
//! end_utf16) === quote`), both into the analyzed text (see [`crate::Document::text`]).

use serde::Serialize;

/// Everything policy-lens found in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Version of the analyzer that wrote this report (the crate version).
    pub version: &'static str,
    /// Whether the text reads as a privacy policy (privacy notice, privacy statement).
    pub is_policy: bool,
    /// How sure the policy check is, 0..1 (0.5 is the decision line).
    pub policy_confidence: f32,
    /// Detected language as an ISO 639-1 code (`en`, `de`, ...), or `und` when unknown.
    pub language: &'static str,
    /// How sure the language detection is, 0..1.
    pub language_confidence: f32,
    /// The document's title when one was found (a title block or a first heading).
    pub title: Option<String>,
    /// Size of what was analyzed.
    pub stats: Stats,
    /// The three practices. Each is `not_analyzed` when the text is not an English privacy policy.
    pub practices: Practices,
    /// Other notable findings (children's data, data-subject rights, ...), each with evidence.
    pub findings: Vec<Finding>,
}

/// Size of the analyzed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Length of the analyzed text in UTF-8 bytes.
    pub bytes: usize,
    /// Number of input blocks.
    pub blocks: usize,
    /// Number of sentences the analysis read.
    pub sentences: usize,
}

/// The three practices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Practices {
    /// Do cookies, pixels or other trackers follow the reader?
    pub tracking: Practice<TrackingVerdict, TrackingDetails>,
    /// Is the reader's personal information sold?
    pub sale: Practice<SaleVerdict, SaleDetails>,
    /// How long is the reader's personal information kept?
    pub retention: Practice<RetentionVerdict, RetentionDetails>,
}

/// The finding for one practice: verdict, level, headline, evidence and details.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Practice<V, D> {
    /// The verdict, in the vocabulary of `spec/practices.md`.
    pub verdict: V,
    /// The colour of the badge segment; see [`Level`].
    pub level: Level,
    /// One plain sentence a non-lawyer understands.
    pub headline: String,
    /// Why the practice could not be analyzed (only with a `not_analyzed` verdict).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The decisive sentences, most decisive first.
    pub evidence: Vec<Evidence>,
    /// Practice-specific details.
    pub details: D,
}

/// Badge colour of a verdict. "Not mentioned" is `unknown`, never `bad`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Good for the reader (no tracking, no sale, a short stated period).
    Good,
    /// Worth knowing (own cookies only, kept as long as needed, unspecified retention).
    Caution,
    /// Bad for the reader (third-party tracking, sale, indefinite retention).
    Bad,
    /// The policy does not say, or the text was not analyzed.
    Unknown,
}

/// Tracking verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrackingVerdict {
    /// Third parties track the reader through the site, or the site tracks across sites.
    ThirdParty,
    /// Only the service's own cookies, logs or similar technologies.
    FirstParty,
    /// The policy says no cookies or tracking technologies are used.
    None,
    /// Cookies and tracking technologies are not discussed.
    NotMentioned,
    /// Not analyzed (not a policy, or a language the rules do not cover).
    NotAnalyzed,
}

/// Sale verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SaleVerdict {
    /// Sells, rents, trades personal information, gives it to others for their own
    /// marketing, or admits a "sale"/"sharing" under a law such as the CCPA.
    Sells,
    /// Says personal information is not sold (allowed exceptions aside).
    NoSale,
    /// Neither selling nor a denial of selling appears.
    NotMentioned,
    /// Not analyzed (not a policy, or a language the rules do not cover).
    NotAnalyzed,
}

/// Retention verdicts, in priority order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionVerdict {
    /// Not analyzed (not a policy, or a language the rules do not cover).
    NotAnalyzed,
    /// Retention is not discussed.
    NotMentioned,
    /// Data is kept or stored, for how long is not said.
    Unspecified,
    /// Kept as long as necessary, as long as the account is active, as required by law.
    AsNeeded,
    /// A concrete period is given for at least one category of personal information.
    StatedPeriod,
    /// Data may be kept without limit, or remains after the reader deletes it.
    Indefinite,
}

/// A quoted sentence of the analyzed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The sentence, verbatim.
    pub quote: String,
    /// Start, in UTF-8 bytes from the start of the analyzed text.
    pub start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// Start, in UTF-16 code units (JavaScript string indices).
    pub start_utf16: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end_utf16: usize,
    /// Index of the input block the sentence is in.
    pub block: usize,
    /// Id of the rule that picked the sentence (see `rules/`).
    pub rule: &'static str,
}

/// Do Not Track: what the policy says about the browser's DNT signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DntStance {
    /// The service says it honours Do Not Track / Global Privacy Control signals.
    Honored,
    /// The service says it does not respond to Do Not Track signals.
    NotHonored,
    /// Do Not Track is not discussed.
    NotMentioned,
}

/// Details of the tracking finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackingDetails {
    /// Trackers are used for advertising (ad networks, interest-based ads, retargeting).
    pub advertising: bool,
    /// Analytics (the service's own or a provider's) is mentioned.
    pub analytics: bool,
    /// The reader is followed across other sites or apps.
    pub cross_site: bool,
    /// The Do-Not-Track stance.
    pub do_not_track: DntStance,
    /// Named third-party trackers (e.g. "Google Analytics"), in order of appearance.
    pub third_parties: Vec<String>,
}

/// Details of the sale finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaleDetails {
    /// Personal information may be transferred in a merger, acquisition or bankruptcy.
    pub business_transfer: bool,
    /// The policy offers an opt-out of sale or sharing ("Do Not Sell or Share").
    pub opt_out: bool,
    /// The policy also contains an explicit denial of selling (even when the verdict is `sells`).
    pub denial: bool,
}

/// Details of the retention finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionDetails {
    /// Concrete periods found in retention statements, e.g. "30 days", "13 months".
    pub periods: Vec<String>,
    /// Some data may remain after the reader deletes it or closes the account.
    pub after_deletion: bool,
}

/// Another notable finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable id, e.g. `children`, `rights`.
    pub id: &'static str,
    /// One plain sentence.
    pub headline: &'static str,
    /// The sentence that shows it.
    pub evidence: Evidence,
}

impl TrackingVerdict {
    /// The badge level of this verdict.
    pub fn level(self) -> Level {
        match self {
            TrackingVerdict::ThirdParty => Level::Bad,
            TrackingVerdict::FirstParty => Level::Caution,
            TrackingVerdict::None => Level::Good,
            TrackingVerdict::NotMentioned | TrackingVerdict::NotAnalyzed => Level::Unknown,
        }
    }
}

impl SaleVerdict {
    /// The badge level of this verdict.
    pub fn level(self) -> Level {
        match self {
            SaleVerdict::Sells => Level::Bad,
            SaleVerdict::NoSale => Level::Good,
            SaleVerdict::NotMentioned | SaleVerdict::NotAnalyzed => Level::Unknown,
        }
    }
}

impl RetentionVerdict {
    /// The badge level of this verdict.
    pub fn level(self) -> Level {
        match self {
            RetentionVerdict::Indefinite => Level::Bad,
            RetentionVerdict::StatedPeriod => Level::Good,
            RetentionVerdict::AsNeeded | RetentionVerdict::Unspecified => Level::Caution,
            RetentionVerdict::NotMentioned | RetentionVerdict::NotAnalyzed => Level::Unknown,
        }
    }
}

impl Report {
    /// The report as one line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
