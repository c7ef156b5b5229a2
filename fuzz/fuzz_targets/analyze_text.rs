//! Arbitrary bytes as plain text (invalid UTF-8 read as U+FFFD, as a browser or `TextDecoder`
//! would) through `Document::from_text` and the analysis, with and without `force`. Every
//! report must keep the promises of `policy_lens::check_report`, and the same text must give
//! the same report twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens::{analyze, analyze_document, check_report, Document, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text(&text);
    assert_eq!(doc.text(), &*text, "plain text is analyzed as given");
    // With `force` the rules decide verdicts even for text that is not a policy (most fuzz
    // inputs), so the decision code runs on every input.
    let forced = analyze_document(&doc, Options { force: true });
    if let Err(e) = check_report(doc.text(), &forced) {
        panic!("force: {e}\n{}", forced.to_json());
    }
    let plain = analyze(&text);
    if let Err(e) = check_report(&text, &plain) {
        panic!("{e}\n{}", plain.to_json());
    }
    if plain.practices.tracking.reason.is_none() {
        assert_eq!(plain, forced, "force changes nothing for an English policy");
    }
    assert_eq!(plain, analyze(&text), "same text, same report");
});
