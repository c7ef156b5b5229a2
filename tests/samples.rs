//! Whole-document tests of the four sample policies: the verdicts pinned by the spec, and a
//! human-readable snapshot of each report (`tests/snapshots/*.snap`). A differing snapshot
//! fails; run with `UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate change.

use std::fmt::Write as _;
use std::path::Path;

use policy_lens::{analyze, Report, RetentionVerdict as R, SaleVerdict as S, TrackingVerdict as T};

fn sample(name: &str) -> (String, Report) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/samples")
        .join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let report = analyze(&text);
    (text, report)
}

fn snapshot(report: &Report) -> String {
    let mut s = String::new();
    let p = &report.practices;
    let _ = writeln!(
        s,
        "is_policy: {} ({:.2})  language: {}",
        report.is_policy, report.policy_confidence, report.language
    );
    let rows = [
        (
            "tracking",
            json(&p.tracking.verdict),
            &p.tracking.headline,
            &p.tracking.evidence,
        ),
        (
            "sale",
            json(&p.sale.verdict),
            &p.sale.headline,
            &p.sale.evidence,
        ),
        (
            "retention",
            json(&p.retention.verdict),
            &p.retention.headline,
            &p.retention.evidence,
        ),
    ];
    for (name, verdict, headline, evidence) in rows {
        let _ = writeln!(s, "\n{name}: {verdict}\n  {headline}");
        for e in evidence {
            let _ = writeln!(
                s,
                "  [{}] {}",
                e.rule,
                e.quote.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
    let _ = writeln!(
        s,
        "\ndetails: business_transfer={} periods={:?} advertising={} analytics={} cross_site={} dnt={} third_parties={:?}",
        p.sale.details.business_transfer,
        p.retention.details.periods,
        p.tracking.details.advertising,
        p.tracking.details.analytics,
        p.tracking.details.cross_site,
        json(&p.tracking.details.do_not_track),
        p.tracking.details.third_parties
    );
    for f in &report.findings {
        let _ = writeln!(s, "finding {}: {}", f.id, f.headline);
    }
    s
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn check_snapshot(name: &str, report: &Report) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.snap"));
    let got = snapshot(report);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if want != got {
        panic!(
            "snapshot {} differs (run with UPDATE_SNAPSHOTS=1 to accept)\n--- expected\n{want}\n--- got\n{got}",
            path.display()
        );
    }
}

#[test]
fn percona() {
    let (_, r) = sample("percona");
    let p = &r.practices;
    assert!(r.is_policy);
    assert_eq!(
        (p.tracking.verdict, p.sale.verdict, p.retention.verdict),
        (T::ThirdParty, S::NoSale, R::Unspecified)
    );
    assert!(p
        .tracking
        .details
        .third_parties
        .contains(&"Google Analytics".to_string()));
    check_snapshot("percona", &r);
}

#[test]
fn pingcap() {
    let (_, r) = sample("pingcap");
    let p = &r.practices;
    assert_eq!(
        (p.tracking.verdict, p.sale.verdict, p.retention.verdict),
        (T::ThirdParty, S::NoSale, R::AsNeeded)
    );
    assert!(p.sale.details.business_transfer);
    check_snapshot("pingcap", &r);
}

#[test]
fn influxdata() {
    let (_, r) = sample("influxdata");
    let p = &r.practices;
    assert_eq!(
        (p.tracking.verdict, p.sale.verdict, p.retention.verdict),
        (T::ThirdParty, S::NoSale, R::Unspecified)
    );
    assert!(p.sale.details.business_transfer);
    check_snapshot("influxdata", &r);
}

#[test]
fn mirantis() {
    let (_, r) = sample("mirantis");
    let p = &r.practices;
    assert_eq!(
        (p.tracking.verdict, p.sale.verdict, p.retention.verdict),
        (T::FirstParty, S::NoSale, R::Indefinite)
    );
    assert!(p.sale.details.business_transfer);
    assert!(p.retention.details.after_deletion);
    assert_eq!(
        p.retention.headline,
        "Kept after you delete it: may stay in archival databases"
    );
    check_snapshot("mirantis", &r);
}

#[test]
fn evidence_offsets_point_at_their_quotes() {
    for name in ["percona", "pingcap", "influxdata", "mirantis"] {
        let (text, r) = sample(name);
        let p = &r.practices;
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for e in p
            .tracking
            .evidence
            .iter()
            .chain(&p.sale.evidence)
            .chain(&p.retention.evidence)
        {
            assert_eq!(&text[e.start..e.end], e.quote, "{name}: byte offsets");
            assert_eq!(
                String::from_utf16_lossy(&utf16[e.start_utf16..e.end_utf16]),
                e.quote,
                "{name}: UTF-16 offsets"
            );
        }
    }
}

#[test]
fn same_text_gives_the_same_report() {
    let (text, r) = sample("pingcap");
    assert_eq!(analyze(&text), r);
}
