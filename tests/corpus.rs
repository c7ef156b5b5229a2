//! Checks over the real-policy corpus in `../shared/corpus` (or `$POLICY_LENS_SHARED/corpus`).
//! They run when the corpus is present and say plainly when it is not; the corpus texts are
//! never part of this repository.

use std::path::{Path, PathBuf};

use policy_lens::{analyze_document, html::html_to_blocks, Document, Options, Report};

fn corpus() -> Option<PathBuf> {
    let shared = std::env::var_os("POLICY_LENS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus");
    if dir.join("policies").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: no corpus at {} (set POLICY_LENS_SHARED to the shared folder)",
            dir.display()
        );
        None
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn check_evidence(doc: &Document, r: &Report, name: &str) -> usize {
    let text = doc.text();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let p = &r.practices;
    let mut n = 0;
    let all = p
        .tracking
        .evidence
        .iter()
        .chain(&p.sale.evidence)
        .chain(&p.retention.evidence)
        .chain(r.findings.iter().map(|f| &f.evidence));
    for e in all {
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "{name}: offsets off char boundary"
        );
        assert_eq!(
            &text[e.start..e.end],
            e.quote,
            "{name}: text[start..end] != quote"
        );
        assert_eq!(
            String::from_utf16(&utf16[e.start_utf16..e.end_utf16]).unwrap(),
            e.quote,
            "{name}: UTF-16 offsets"
        );
        n += 1;
    }
    n
}

#[test]
fn every_evidence_quote_is_the_text_at_its_offsets() {
    let Some(dir) = corpus() else { return };
    let (mut docs, mut quotes) = (0, 0);
    for path in files(&dir.join("policies"), "txt") {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Document::from_text(&text);
        let r = analyze_document(&doc, Options { force: true });
        quotes += check_evidence(&doc, &r, &path.display().to_string());
        docs += 1;
    }
    for path in files(&dir.join("html"), "html") {
        let html = std::fs::read_to_string(&path).unwrap();
        let doc = Document::from_blocks(&html_to_blocks(&html));
        let r = analyze_document(&doc, Options { force: true });
        quotes += check_evidence(&doc, &r, &path.display().to_string());
        docs += 1;
    }
    eprintln!("checked {quotes} evidence quotes in {docs} corpus documents");
    assert!(docs >= 400 && quotes > 1000);
}

#[test]
fn html_pages_agree_with_their_text_twins() {
    let Some(dir) = corpus() else { return };
    let (mut pages, mut agree) = (0, 0);
    let mut differ = Vec::new();
    for path in files(&dir.join("html"), "html") {
        let twin = dir
            .join("policies")
            .join(path.with_extension("txt").file_name().unwrap());
        let Ok(text) = std::fs::read_to_string(&twin) else {
            continue;
        };
        let from_text = analyze_document(&Document::from_text(&text), Options { force: true });
        let html = std::fs::read_to_string(&path).unwrap();
        let from_html = analyze_document(
            &Document::from_blocks(&html_to_blocks(&html)),
            Options { force: true },
        );
        let v = |r: &Report| {
            let p = &r.practices;
            serde_json::to_string(&(p.tracking.verdict, p.sale.verdict, p.retention.verdict))
                .unwrap()
        };
        let (a, b) = (v(&from_text), v(&from_html));
        pages += 1;
        if a == b {
            agree += 1;
        } else {
            differ.push(format!(
                "{}: text {a} html {b}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    eprintln!("HTML/text agreement: {agree}/{pages} pages give the same three verdicts");
    for d in &differ {
        eprintln!("  differs: {d}");
    }
    assert!(
        agree * 10 >= pages * 8,
        "agreement fell below 80%: {agree}/{pages}"
    );
}
