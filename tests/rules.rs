//! The rule table: every rule's own examples, and the table's invariants.

use policy_lens::{rules_in_sentence, RULES};

/// Checks that `id` accepts its `yes` sentences and rejects its `no` sentences.
fn check_rule_examples(id: &str) {
    let rule = RULES.iter().find(|r| r.id == id).expect("rule exists");
    let mut failures = Vec::new();
    for s in rule.yes {
        if !rules_in_sentence(s).contains(&id) {
            failures.push(format!("should match:     {s:?}"));
        }
    }
    for s in rule.no {
        if rules_in_sentence(s).contains(&id) {
            failures.push(format!("should not match: {s:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "rule {id} ({}):\n  {}",
        rule.means,
        failures.join("\n  ")
    );
}

include!(concat!(env!("OUT_DIR"), "/rule_tests.rs"));

#[test]
fn rule_ids_are_unique_and_named_by_practice() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate rule ids");
    for r in RULES {
        let practice = r.id.split('.').next().unwrap();
        assert!(
            [
                "tracking",
                "sale",
                "retention",
                "policy",
                "finding",
                "section"
            ]
            .contains(&practice),
            "rule {} has an unknown practice",
            r.id
        );
        assert!(
            !r.means.is_empty() && !r.yes.is_empty(),
            "rule {} needs `means` and a `yes` example",
            r.id
        );
    }
}

#[test]
fn every_verdict_has_a_rule() {
    use policy_lens::Cue::*;
    for cue in [
        TrackingThirdParty,
        TrackingFirstParty,
        TrackingNone,
        SaleSells,
        SaleLawSale,
        SaleDenial,
        SaleBusinessTransfer,
        RetentionIndefinite,
        RetentionAfterDeletion,
        RetentionPeriod,
        RetentionAsNeeded,
        RetentionUnspecified,
    ] {
        assert!(
            RULES.iter().any(|r| r.cue == cue),
            "no rule supports {cue:?}"
        );
    }
}

#[test]
fn every_pattern_compiles_on_its_own() {
    for r in RULES {
        for p in [Some(r.pattern), r.unless, r.needs].into_iter().flatten() {
            regex::bytes::RegexBuilder::new(p)
                .unicode(false)
                .build()
                .unwrap_or_else(|e| panic!("rule {}: {e}", r.id));
        }
    }
}
