//! The rule table. Rules are data: `rules/*.rules`, compiled into [`RULES`] by `build.rs`, each
//! with its explanation and its own examples (checked by one generated test per rule).
//!
//! Every rule pattern and every `unless` guard goes into one [`regex::bytes::RegexSet`], so a
//! sentence is scanned once however many rules there are.

use std::sync::OnceLock;

use regex::bytes::{RegexSet, RegexSetBuilder};

/// What a rule supports when it matches a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Cue {
    // tracking
    TrackingThirdParty,
    TrackingCrossSite,
    TrackingAdNetwork,
    TrackingAnalyticsProvider,
    TrackingAnalytics,
    TrackingFirstParty,
    TrackingNone,
    TrackingDntHonored,
    TrackingDntNotHonored,
    // sale
    SaleSells,
    SaleTheirMarketing,
    SaleLawSale,
    SaleOptOut,
    SaleDenial,
    SaleBusinessTransfer,
    // retention
    RetentionIndefinite,
    RetentionAfterDeletion,
    RetentionPeriod,
    RetentionAsNeeded,
    RetentionUnspecified,
    // section headings
    SectionRetention,
    SectionCookies,
    // is it a privacy policy at all?
    PolicyTitle,
    PolicySelfReference,
    PolicyCollect,
    PolicyPersonal,
    PolicyShare,
    PolicyRights,
    PolicyContact,
    PolicyTerms,
    PolicyTermsLanguage,
    PolicyChrome,
    // other findings
    FindingChildren,
    FindingRights,
    FindingLocation,
    FindingTransfer,
}

/// The topic of a section, known from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Section {
    Retention,
    Cookies,
}

impl Section {
    /// The heading cue that opens a section of this topic.
    pub(crate) fn cue(self) -> Cue {
        match self {
            Section::Retention => Cue::SectionRetention,
            Section::Cookies => Cue::SectionCookies,
        }
    }
}

/// One rule: a pattern over a normalised sentence, what it supports, and its examples.
#[derive(Debug)]
pub struct Rule {
    /// Unique id, `<practice>.<name>`.
    pub id: &'static str,
    /// What a match supports.
    pub cue: Cue,
    /// What a match means, in one sentence.
    pub means: &'static str,
    /// The pattern (regex syntax, matched on lower-case ASCII-folded text).
    pub pattern: &'static str,
    /// A guard: when it matches anywhere in the sentence, the rule does not apply.
    pub unless: Option<&'static str>,
    /// Only inside a section of this topic.
    pub section: Option<Section>,
    /// Sentences the rule must accept.
    pub yes: &'static [&'static str],
    /// Sentences the rule must reject.
    pub no: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// The compiled rule table: one set of every pattern and guard.
pub(crate) struct Matcher {
    set: RegexSet,
    /// For each rule, the index of its guard in `set`.
    unless: Vec<Option<usize>>,
}

impl Matcher {
    /// The shared matcher, compiled on first use.
    pub(crate) fn get() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(Matcher::compile)
    }

    fn compile() -> Matcher {
        let mut patterns: Vec<&str> = RULES.iter().map(|r| r.pattern).collect();
        let mut unless = Vec::with_capacity(RULES.len());
        for r in RULES {
            unless.push(r.unless.map(|u| {
                patterns.push(u);
                patterns.len() - 1
            }));
        }
        let set = build_set(&patterns).expect("rule patterns compile (checked by tests)");
        Matcher { set, unless }
    }

    /// Ids of the rules (indices into [`RULES`]) whose pattern matches and guard does not.
    /// Section requirements are checked by the caller, which knows the current section.
    pub(crate) fn matching(&self, normalized: &[u8], out: &mut Vec<usize>) {
        out.clear();
        let hits = self.set.matches(normalized);
        if !hits.matched_any() {
            return;
        }
        for (i, guard) in self.unless.iter().enumerate() {
            if hits.matched(i) && !guard.is_some_and(|g| hits.matched(g)) {
                out.push(i);
            }
        }
    }
}

/// Builds a set with the options every rule pattern is written for.
pub(crate) fn build_set(patterns: &[&str]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .unicode(false)
        .size_limit(32 << 20)
        .dfa_size_limit(16 << 20)
        .build()
}
