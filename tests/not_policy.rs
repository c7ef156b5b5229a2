//! Texts that are not privacy policies, or not in English, get no verdicts.

use std::path::Path;

use policy_lens::{analyze, analyze_document, Document, Options, SaleVerdict, TrackingVerdict};

#[test]
fn non_policies_are_recognised() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/not_policy");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let r = analyze(&text);
        assert!(
            !r.is_policy,
            "{} was taken for a privacy policy ({})",
            path.display(),
            r.policy_confidence
        );
        assert_eq!(
            r.practices.tracking.verdict,
            TrackingVerdict::NotAnalyzed,
            "{}",
            path.display()
        );
        assert!(r
            .practices
            .sale
            .reason
            .as_deref()
            .unwrap()
            .contains("does not read as a privacy policy"));
        n += 1;
    }
    assert!(n >= 6, "expected the six non-policy fixtures, found {n}");
}

#[test]
fn force_analyzes_anyway() {
    let text = "Sign in to your account\n\nWe sell your personal information to advertisers.";
    let r = analyze_document(&Document::from_text(text), Options { force: true });
    assert!(!r.is_policy);
    assert_eq!(r.practices.sale.verdict, SaleVerdict::Sells);
}

#[test]
fn german_policy_is_not_analyzed_with_english_rules() {
    let text = "Datenschutzerklärung\n\nWir erheben und verarbeiten personenbezogene Daten nur, wenn Sie uns diese mitteilen. \
        Wir verkaufen Ihre Daten nicht an Dritte und geben sie nicht weiter, es sei denn, wir sind gesetzlich dazu verpflichtet. \
        Die Daten werden gelöscht, sobald sie für den Zweck der Verarbeitung nicht mehr erforderlich sind. \
        Wir verwenden Cookies, um die Nutzung unserer Website zu analysieren und die Website für Sie zu verbessern.";
    let r = analyze(text);
    assert_eq!(r.language, "de");
    assert_eq!(r.practices.sale.verdict, SaleVerdict::NotAnalyzed);
    assert!(r
        .practices
        .sale
        .reason
        .as_deref()
        .unwrap()
        .contains("German"));
}

#[test]
fn empty_and_whitespace_text_give_a_report() {
    for text in ["", "   \n\n\t", "\u{200b}\u{feff}"] {
        let r = analyze(text);
        assert!(!r.is_policy);
        assert!(r.stats.sentences <= 1);
    }
}
