//! Arbitrary bytes as an HTML page (invalid UTF-8 read as U+FFFD) through the native HTML
//! reader and the analysis. The reader must give only non-empty, trimmed blocks with single
//! spaces, and the report must keep the promises of `policy_lens::check_report`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens::html::html_to_blocks;
use policy_lens::{analyze_document, check_report, Document, Options};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let blocks = html_to_blocks(&html);
    for (i, b) in blocks.iter().enumerate() {
        assert!(!b.text.is_empty(), "block {i} is empty");
        assert_eq!(b.text.trim(), b.text, "block {i} is not trimmed");
        assert!(
            !b.text.contains(['\n', '\t', '\r']) && !b.text.contains("  "),
            "block {i} has uncollapsed whitespace: {:?}",
            b.text
        );
    }
    assert_eq!(blocks, html_to_blocks(&html), "same page, same blocks");
    let doc = Document::from_blocks(&blocks);
    let forced = analyze_document(&doc, Options { force: true });
    if let Err(e) = check_report(doc.text(), &forced) {
        panic!("force: {e}\n{}", forced.to_json());
    }
    let plain = analyze_document(&doc, Options::default());
    if let Err(e) = check_report(doc.text(), &plain) {
        panic!("{e}\n{}", plain.to_json());
    }
    if plain.practices.tracking.reason.is_none() {
        assert_eq!(plain, forced, "force changes nothing for an English policy");
    }
});
