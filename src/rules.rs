//! The rule table. Rules are data: `rules/*.rules`, compiled into [`RULES`] by `build.rs`, each
//! with its explanation and its own examples (checked by one generated test per rule).
//!
//! Matching is in two stages so that a sentence is scanned once however many rules there are:
//! one [`regex::bytes::RegexSet`] of every rule's cheap gate (its `needs` words), then the full
//! pattern and guard of only those rules whose gate matched. Patterns with large counted gaps
//! (`{near}`, `{far}`) run in a relaxed form first (the gap unbounded, see `build.rs`), which is
//! many times cheaper for a lazy DFA; the exact pattern runs only when the relaxed one matched
//! and the sentence has a clause longer than the gap's bound, so results are exactly the same.

use std::sync::{Mutex, OnceLock};

use regex::bytes::{RegexSet, RegexSetBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM};
use regex_automata::util::syntax;
use regex_automata::Input;

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

/// The relaxed form of a pattern (see `build.rs`): the large bounded repetitions of one byte
/// class, such as `[^.;:]{0,60}?`, made unbounded. It matches whenever the exact pattern does,
/// and agrees with it on every sentence whose longest run of each relaxed class is within its
/// bound.
#[derive(Debug)]
pub(crate) struct Relaxed {
    pub pattern: &'static str,
    /// Each relaxed class (inclusive byte ranges) with the bound it had.
    pub bounds: &'static [(&'static [(u8, u8)], u32)],
}

include!(concat!(env!("OUT_DIR"), "/rules.rs"));

/// One pattern of a rule, compiled on first use: the exact regex, and its relaxed form when it
/// has one.
struct Lazy {
    exact: &'static str,
    relaxed: Option<&'static Relaxed>,
    exact_re: OnceLock<Fwd>,
    relaxed_re: OnceLock<Fwd>,
}

impl Lazy {
    fn new(exact: &'static str, relaxed: Option<&'static Relaxed>) -> Lazy {
        Lazy {
            exact,
            relaxed,
            exact_re: OnceLock::new(),
            relaxed_re: OnceLock::new(),
        }
    }

    /// Does the exact pattern match? `relaxed_known` says the relaxed form is already known to
    /// match (it was the gate).
    fn is_match(&self, text: &[u8], relaxed_known: bool, runs: &mut Runs) -> bool {
        let Some(relaxed) = self.relaxed else {
            return self
                .exact_re
                .get_or_init(|| build(self.exact))
                .is_match(text);
        };
        if !relaxed_known
            && !self
                .relaxed_re
                .get_or_init(|| build(relaxed.pattern))
                .is_match(text)
        {
            return false;
        }
        if relaxed
            .bounds
            .iter()
            .all(|&(class, max)| runs.longest(text, class) <= max as usize)
        {
            return true;
        }
        self.exact_re
            .get_or_init(|| build(self.exact))
            .is_match(text)
    }
}

/// The longest run of each relaxed class in one sentence, computed on first need.
#[derive(Default)]
struct Runs {
    known: Vec<(&'static [(u8, u8)], usize)>,
}

impl Runs {
    fn longest(&mut self, text: &[u8], class: &'static [(u8, u8)]) -> usize {
        if let Some(&(_, n)) = self.known.iter().find(|(c, _)| std::ptr::eq(*c, class)) {
            return n;
        }
        let mut member = [false; 256];
        for &(lo, hi) in class {
            member[lo as usize..=hi as usize].fill(true);
        }
        let (mut longest, mut run) = (0, 0);
        for &b in text {
            if member[b as usize] {
                run += 1;
                longest = longest.max(run);
            } else {
                run = 0;
            }
        }
        self.known.push((class, longest));
        longest
    }
}

/// The compiled rule table, in two stages: one [`RegexSet`] of cheap gates scans every
/// sentence once; a rule's full pattern and guard run only on the sentences its gate let
/// through, each compiled the first time it is needed. Patterns with large counted gaps run in
/// their relaxed form first, and exactly only where the sentence has a run longer than a gap's
/// bound.
pub(crate) struct Matcher {
    gates: RegexSet,
    patterns: Vec<Lazy>,
    guards: Vec<Option<Lazy>>,
}

impl Matcher {
    /// The shared matcher, built on first use.
    pub(crate) fn get() -> &'static Matcher {
        static M: OnceLock<Matcher> = OnceLock::new();
        M.get_or_init(Matcher::compile)
    }

    fn compile() -> Matcher {
        let gates: Vec<&str> = RULES
            .iter()
            .zip(RELAXED)
            .map(|(r, (relaxed, _))| {
                r.needs
                    .or(relaxed.as_ref().map(|x| x.pattern))
                    .unwrap_or(r.pattern)
            })
            .collect();
        let gates = build_set(&gates).expect("rule gates compile (checked by tests)");
        Matcher {
            gates,
            patterns: RULES
                .iter()
                .zip(RELAXED)
                .map(|(r, (p, _))| Lazy::new(r.pattern, p.as_ref()))
                .collect(),
            guards: RULES
                .iter()
                .zip(RELAXED)
                .map(|(r, (_, g))| r.unless.map(|u| Lazy::new(u, g.as_ref())))
                .collect(),
        }
    }

    /// Indices into [`RULES`] of the rules whose pattern matches and guard does not.
    /// Section requirements are checked by the caller, which knows the current section.
    pub(crate) fn matching(&self, normalized: &[u8], out: &mut Vec<usize>) {
        out.clear();
        let hits = self.gates.matches(normalized);
        let mut runs = Runs::default();
        for i in hits.iter() {
            let rule = &RULES[i];
            let pattern = &self.patterns[i];
            // Without `needs`, the gate was the pattern itself (relaxed when it has a relaxed
            // form): it is known to match.
            let gated_by_pattern = rule.needs.is_none();
            let known = gated_by_pattern && pattern.relaxed.is_none();
            if !known && !pattern.is_match(normalized, gated_by_pattern, &mut runs) {
                continue;
            }
            if let Some(guard) = &self.guards[i] {
                if guard.is_match(normalized, false, &mut runs) {
                    continue;
                }
            }
            out.push(i);
        }
    }
}

/// A pattern compiled for the one question the matcher asks: does it match anywhere in the
/// sentence? A forward lazy DFA that stops at the first match; no reverse automaton, literal
/// prefilter or capture engine is built, which roughly halves the compile time of a full
/// `Regex` (what a cold start pays for every rule it needs).
struct Fwd {
    dfa: DFA,
    cache: Mutex<Cache>,
}

impl Fwd {
    fn is_match(&self, text: &[u8]) -> bool {
        let input = Input::new(text).earliest(true);
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        match self.dfa.try_search_fwd(&mut cache, &input) {
            Ok(m) => m.is_some(),
            // Cannot happen with this configuration (no give-up, no Unicode word boundary),
            // but the NFA simulation answers the same question if it ever does.
            Err(_) => PikeVM::new_from_nfa(self.dfa.get_nfa().clone())
                .map(|vm| vm.is_match(&mut vm.create_cache(), input))
                .expect("a PikeVM builds from a compiled NFA"),
        }
    }
}

/// Lazy DFA cache of each compiled pattern (about 80 of them). The relaxed patterns need few
/// states; 512 KiB instead of the usual 2 MiB cut wasm memory after a 10 MB input from 109 to 75
/// MiB (and native RSS over the corpus from 82 to 52 MB) for about 7% more instructions.
const CACHE_CAPACITY: usize = 512 << 10;

fn build(pattern: &str) -> Fwd {
    let dfa = DFA::builder()
        .syntax(syntax::Config::new().unicode(false).utf8(false))
        .thompson(
            thompson::Config::new()
                .utf8(false)
                .nfa_size_limit(Some(8 << 20)),
        )
        .configure(
            DFA::config()
                .cache_capacity(CACHE_CAPACITY)
                .minimum_cache_clear_count(None),
        )
        .build(pattern)
        .expect("rule patterns compile (checked by tests)");
    let cache = Mutex::new(dfa.create_cache());
    Fwd { dfa, cache }
}

/// Builds a set with the options every rule pattern is written for.
pub(crate) fn build_set(patterns: &[&str]) -> Result<RegexSet, regex::Error> {
    RegexSetBuilder::new(patterns)
        .unicode(false)
        .size_limit(32 << 20)
        .dfa_size_limit(16 << 20)
        .build()
}
