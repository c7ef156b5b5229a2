//! Arbitrary structured blocks (any kind, any text: what a hostile page could make the
//! extension send) through `Document::from_blocks` and the analysis. Block indices of the
//! evidence must point into the caller's list, and the report must keep the promises of
//! `policy_lens::check_report`.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use policy_lens::{
    analyze_blocks, analyze_document, check_report, Block, BlockKind, Document, Options,
};

#[derive(Arbitrary, Debug)]
enum Kind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

#[derive(Arbitrary, Debug)]
struct Input {
    force: bool,
    blocks: Vec<(Kind, String)>,
}

fuzz_target!(|input: Input| {
    let blocks: Vec<Block> = input
        .blocks
        .into_iter()
        .map(|(kind, text)| {
            let kind = match kind {
                Kind::Title => BlockKind::Title,
                Kind::Heading => BlockKind::Heading,
                Kind::Paragraph => BlockKind::Paragraph,
                Kind::ListItem => BlockKind::ListItem,
                Kind::TableCell => BlockKind::TableCell,
            };
            Block::new(kind, text)
        })
        .collect();
    let doc = Document::from_blocks(&blocks);
    assert_eq!(doc.blocks().len(), blocks.len(), "one span per input block");
    let report = analyze_document(&doc, Options { force: input.force });
    if let Err(e) = check_report(doc.text(), &report) {
        panic!("{e}\n{}", report.to_json());
    }
    assert_eq!(
        analyze_blocks(&blocks),
        analyze_blocks(&blocks),
        "same blocks, same report"
    );
});
