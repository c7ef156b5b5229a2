//! The rule table. Rules are data: `rules/*.rules`, compiled into [`RULES`] by `build.rs`, each
//! with its explanation and its own examples (checked by one generated test per rule).
//!
//! Matching is in two stages so that a sentence is scanned once however many rules there are:
//! one automaton of every rule's cheap gate (its `needs` words, or its pattern), then the full
//! pattern and guard of only those rules whose gate matched, each compiled the first time it is
//! needed. Patterns are compiled by the crate's own small engine ([`crate::pattern`]): no
//! regex compiler runs at start-up, which is what a cold start in WebAssembly waited for.
//! Counted gaps (`{near}`, `{far}`) are read as unbounded first and checked exactly only when
//! the sentence has a clause longer than the gap's bound, so results are exact.

use std::sync::OnceLock;

use crate::pattern::{Pattern, Runs};

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

/// The compiled rule table: one automaton of every rule's gate scans each sentence once; a
/// rule's full pattern and guard run only on the sentences its gate let through, each compiled
/// the first time it is needed.
pub(crate) struct Matcher {
    gates: Pattern,
    patterns: Vec<OnceLock<Pattern>>,
    guards: Vec<OnceLock<Pattern>>,
}

impl Matcher {
    /// The shared matcher, built on first use.
    pub(crate) fn get() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(Matcher::compile)
    }

    fn compile() -> Matcher {
        let gates: Vec<&str> = RULES.iter().map(|r| r.needs.unwrap_or(r.pattern)).collect();
        Matcher {
            gates: Pattern::set(&gates).expect("rule gates compile (checked by build.rs)"),
            patterns: RULES.iter().map(|_| OnceLock::new()).collect(),
            guards: RULES.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// Indices into [`RULES`] of the rules whose pattern matches and guard does not.
    /// Section requirements are checked by the caller, which knows the current section.
    pub(crate) fn matching(&self, normalized: &[u8], out: &mut Vec<usize>) {
        out.clear();
        let mut runs = Runs::default();
        for i in self.gates.matches_relaxed(normalized) {
            let rule = &RULES[i];
            let pattern = self.patterns[i].get_or_init(|| compiled(rule.pattern));
            // Without `needs`, the gate was the pattern itself, read with unbounded gaps.
            if rule.needs.is_some() && !pattern.is_match_relaxed(normalized) {
                continue;
            }
            // The guard before the pattern's exact check: a guarded sentence needs no exact
            // reading of the pattern's counted gaps.
            if let Some(unless) = rule.unless {
                let guard = self.guards[i].get_or_init(|| compiled(unless));
                if guard.is_match(normalized, &mut runs) {
                    continue;
                }
            }
            if pattern.exact_needed(normalized, &mut runs) && !pattern.is_match_exact(normalized) {
                continue;
            }
            out.push(i);
        }
    }
}

fn compiled(pattern: &str) -> Pattern {
    Pattern::new(pattern).expect("rule patterns compile (checked by build.rs)")
}
