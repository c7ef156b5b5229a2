//! The crate's own pattern engine (`src/pattern.rs`) against the `regex` crate: the same
//! answer to "does it match?" for every rule pattern, guard and gate on real sentences, and for
//! random patterns on random texts.

use std::path::Path;

use policy_lens::pattern::{Pattern, Runs};
use policy_lens::RULES;
use proptest::prelude::*;
use regex::bytes::{Regex, RegexBuilder, RegexSetBuilder};

fn reference(p: &str) -> Regex {
    RegexBuilder::new(p)
        .unicode(false)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .unwrap_or_else(|e| panic!("{e}\n{p}"))
}

fn ours(p: &str) -> Pattern {
    Pattern::new(p).unwrap_or_else(|e| panic!("{e}\n{p}"))
}

/// Lower-cased sentences (split at full stops and line breaks) of a text, as haystacks.
fn sentences(text: &str) -> Vec<Vec<u8>> {
    text.to_lowercase()
        .split_inclusive(['.', '\n'])
        .map(|s| s.trim().as_bytes().to_vec())
        .filter(|s| !s.is_empty())
        .collect()
}

fn haystacks() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for r in RULES {
        for s in r.yes.iter().chain(r.no.iter()) {
            out.push(s.to_lowercase().into_bytes());
        }
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples");
    let mut files: Vec<_> = std::fs::read_dir(&samples)
        .expect("tests/fixtures/samples")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for f in files {
        out.extend(sentences(&std::fs::read_to_string(f).expect("sample")));
    }
    // Long clauses, so that counted gaps are checked exactly.
    out.push(b"we do not, under any circumstances whatsoever and regardless of any request made by anyone at any time, sell your personal information".to_vec());
    out.push(b"we sell".to_vec());
    out.push(Vec::new());
    out
}

#[test]
fn every_rule_pattern_agrees_with_the_regex_crate_on_the_samples() {
    let texts = haystacks();
    assert!(texts.len() > 500, "too few haystacks: {}", texts.len());
    let mut checked = 0;
    for r in RULES {
        for p in [Some(r.pattern), r.unless, r.needs].into_iter().flatten() {
            let (a, b) = (reference(p), ours(p));
            for t in &texts {
                let mut runs = Runs::default();
                assert_eq!(
                    b.is_match(t, &mut runs),
                    a.is_match(t),
                    "rule {}: pattern {p}\non {:?}",
                    r.id,
                    String::from_utf8_lossy(t)
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50_000);
}

#[test]
fn the_gate_set_agrees_with_a_regex_set() {
    // Gates without counted gaps: the relaxed set answer is exact.
    let gates: Vec<&str> = RULES.iter().filter_map(|r| r.needs).collect();
    let a = RegexSetBuilder::new(&gates).unicode(false).build().unwrap();
    let b = Pattern::set(&gates).unwrap();
    for t in haystacks() {
        let want: Vec<usize> = a.matches(&t).into_iter().collect();
        assert_eq!(
            b.matches_relaxed(&t),
            want,
            "{:?}",
            String::from_utf8_lossy(&t)
        );
    }
}

/// Random patterns over a small alphabet, built from every construct the engine supports.
fn pattern() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just(" ".to_string()),
        Just(r"\.".to_string()),
        Just("[ab]".to_string()),
        Just("[^.]".to_string()),
        Just(r"\w".to_string()),
        Just(r"\W".to_string()),
        Just(r"\b".to_string()),
        Just(r"\B".to_string()),
        Just("^".to_string()),
        Just("$".to_string()),
        Just(".".to_string()),
        Just("[a-b. ]".to_string()),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|v| format!("(?:{})", v.join("|"))),
            (inner.clone(), 0..5usize).prop_map(|(p, k)| {
                let q = ["*", "+", "?", "{2}", "{1,3}"][k];
                format!("(?:{p}){q}")
            }),
            // Counted gaps: a class with a bound of at least 10.
            (0..3usize, 0..3u32, 10..14u32).prop_map(|(c, min, max)| {
                let class = ["[^.]", "[ab ]", r"\w"][c];
                format!("{class}{{{min},{max}}}?")
            }),
        ]
    })
    .prop_filter("repetition of an assertion", |p| {
        // `(?:\b)*` is valid for `regex`, refused by ours: not a rule pattern.
        Pattern::new(p).is_ok()
    })
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(b"ab .".to_vec()), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn random_patterns_agree_with_the_regex_crate(p in pattern(), texts in prop::collection::vec(text(), 8)) {
        let (a, b) = (reference(&p), ours(&p));
        for t in &texts {
            let mut runs = Runs::default();
            prop_assert_eq!(b.is_match(t, &mut runs), a.is_match(t), "pattern {} on {:?}", p, String::from_utf8_lossy(t));
            prop_assert_eq!(b.is_match_exact(t), a.is_match(t), "exact: pattern {} on {:?}", p, String::from_utf8_lossy(t));
        }
    }

    #[test]
    fn random_sets_agree_with_a_regex_set(ps in prop::collection::vec(pattern(), 1..5), t in text()) {
        // Gaps read as unbounded on both sides.
        let relaxed: Vec<String> = ps.iter().map(|p| regex::Regex::new(r"\{([0-9]),1[0-3]\}").unwrap().replace_all(p, "{${1},}").into_owned()).collect();
        let a = RegexSetBuilder::new(&relaxed).unicode(false).build().unwrap();
        let b = Pattern::set(&ps.iter().map(String::as_str).collect::<Vec<_>>()).unwrap();
        let want: Vec<usize> = a.matches(&t).into_iter().collect();
        prop_assert_eq!(b.matches_relaxed(&t), want, "set {:?} on {:?}", ps, String::from_utf8_lossy(&t));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Gaps at and around their bounds: "a", then `k` bytes of the gap's class, then "b".
    #[test]
    fn counted_gaps_are_exact_at_their_bounds(
        min in 0..3u32,
        max in 10..14u32,
        lazy in any::<bool>(),
        around in prop::collection::vec((0..18usize, prop::sample::select(b"x .".to_vec())), 1..4),
    ) {
        let p = format!("a[^.]{{{min},{max}}}{}b", if lazy { "?" } else { "" });
        let (a, b) = (reference(&p), ours(&p));
        let mut t = Vec::new();
        for (k, sep) in around {
            t.push(b'a');
            t.extend(std::iter::repeat_n(b'x', k));
            t.push(b'b');
            t.push(sep);
        }
        let mut runs = Runs::default();
        prop_assert_eq!(b.is_match(&t, &mut runs), a.is_match(&t), "pattern {} on {:?}", p, String::from_utf8_lossy(&t));
        prop_assert_eq!(b.is_match_exact(&t), a.is_match(&t), "exact: pattern {} on {:?}", p, String::from_utf8_lossy(&t));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// Any string is either refused with an error or compiled; what compiles means what the
    /// `regex` crate means by it. Nothing panics.
    #[test]
    fn arbitrary_pattern_strings_are_refused_or_agree(
        p in prop::collection::vec(prop::sample::select(b"ab .()[]^$|*+?{},-0123\\bwdsBW:<>&~".to_vec()), 0..16),
        texts in prop::collection::vec(text(), 4),
    ) {
        let p = String::from_utf8(p).unwrap();
        if let Ok(ours) = Pattern::new(&p) {
            let theirs = RegexBuilder::new(&p).unicode(false).build();
            prop_assert!(theirs.is_ok(), "we accept {:?}, regex refuses it", p);
            let theirs = theirs.unwrap();
            for t in &texts {
                let mut runs = Runs::default();
                prop_assert_eq!(ours.is_match(t, &mut runs), theirs.is_match(t), "pattern {:?} on {:?}", p, String::from_utf8_lossy(t));
            }
        }
    }
}

#[test]
fn hostile_patterns_are_refused_not_overflowed() {
    for p in [
        "a".repeat(10) + &"*".repeat(10_000),
        "(".repeat(10_000),
        "(?:".repeat(5_000) + "a" + &")".repeat(5_000),
        "(?:a{1000}){1000}".to_string(),
        "[".to_string(),
    ] {
        assert!(Pattern::new(&p).is_err(), "{}", &p[..p.len().min(40)]);
    }
}

/// Found in review: repetitions of an empty group added no state, so `MAX_STATES` never stopped
/// `(?:){1000}{1000}{1000}{1000}` (about 10^12 steps); a 65,000-byte literal in an alternation
/// overflowed the stack in the prefix trie; `\<`, `\>`, class set operations (`&&`, `~~`,
/// `--`), a class as a range boundary and non-ASCII meant something else than in `regex`.
#[test]
fn review_findings_are_refused_or_agree() {
    let start = std::time::Instant::now();
    for p in [
        "(?:){1000}{1000}{1000}{1000}",
        "(?:|){1000}{1000}{1000}",
        r"\<a",
        r"a\>",
        "[a&&b]",
        "[a~~b]",
        "[!--]",
        "[--a]",
        r"[\d-z]",
        "[--[]",
        "^é+$",
        "[é]",
    ] {
        assert!(Pattern::new(p).is_err(), "{p} should be refused");
    }
    // Refused at once, not after minutes (a bound on work, not a timed test of speed).
    assert!(start.elapsed().as_secs() < 30);
    let long = "a".repeat(65_000) + "|b";
    let handle = std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(move || Pattern::new(&long).map(|p| p.is_match_relaxed(b"b")))
        .unwrap();
    assert!(matches!(
        handle.join().expect("no stack overflow"),
        Ok(true)
    ));
}
