//! The rule table. Rules are data: `rules/*.rules`, compiled into [`RULES`] by `build.rs`, each
//! with its explanation and its own examples (checked by one generated test per rule).
//!
//! Matching is in two stages so that a sentence is scanned once however many rules there are:
//! one [`regex::bytes::RegexSet`] of every rule's cheap gate (its `needs` words), then the full
//! pattern and guard of only those rules whose gate matched.

use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

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
    /// A cheap gate (words the pattern cannot match without): the full pattern is compiled and
    /// run only on sentences where the gate matches. Rules without one are gated by their pattern.
    pub needs: Option<&'static str>,
    /// Only inside a section of this topic.
    pub section: Option<Section>,
    /// Sentences the rule must accept.
    pub yes: &'static [&'static str],
    /// Sentences the rule must reject.
    pub no: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// The compiled rule table, in two stages: one [`RegexSet`] of cheap gates scans every
/// sentence once; a rule's full pattern and guard run only on the sentences its gate let
/// through, and each is compiled the first time it is needed.
pub(crate) struct Matcher {
    gates: RegexSet,
    patterns: Vec<OnceLock<Regex>>,
    guards: Vec<OnceLock<Option<Regex>>>,
}

impl Matcher {
    /// The shared matcher, built on first use.
    pub(crate) fn get() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(Matcher::compile)
    }

    fn compile() -> Matcher {
        let gates: Vec<&str> = RULES.iter().map(|r| r.needs.unwrap_or(r.pattern)).collect();
        let gates = build_set(&gates).expect("rule gates compile (checked by tests)");
        Matcher {
            gates,
            patterns: RULES.iter().map(|_| OnceLock::new()).collect(),
            guards: RULES.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// Indices into [`RULES`] of the rules whose pattern matches and guard does not.
    /// Section requirements are checked by the caller, which knows the current section.
    pub(crate) fn matching(&self, normalized: &[u8], out: &mut Vec<usize>) {
        out.clear();
        let hits = self.gates.matches(normalized);
        for i in hits.iter() {
            let rule = &RULES[i];
            if rule.needs.is_some() {
                let pattern = self.patterns[i].get_or_init(|| build(rule.pattern));
                if !pattern.is_match(normalized) {
                    continue;
                }
            }
            let guard = self.guards[i].get_or_init(|| rule.unless.map(build));
            if guard.as_ref().is_some_and(|g| g.is_match(normalized)) {
                continue;
            }
            out.push(i);
        }
    }
}

fn build(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(8 << 20)
        .build()
        .expect("rule patterns compile (checked by tests)")
}

/// Builds a set with the options every rule pattern is written for.
pub(crate) fn build_set(patterns: &[&str]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .unicode(false)
        .size_limit(32 << 20)
        .dfa_size_limit(16 << 20)
        .build()
}
