//! Structured input: a document is a list of text blocks (heading, paragraph, list item,
//! table cell) so that structure survives until the analysis.

use serde::{Deserialize, Serialize};

/// What kind of text a block holds. Headings name the section the following blocks belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The document's title (`<title>`, or the first line of a plain-text file that looks like one).
    Title,
    /// A section heading (`<h1>`..`<h6>`, or a short plain-text line that reads like one).
    Heading,
    /// A paragraph of running text.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// One cell of a table.
    TableCell,
}

/// One block of text with its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's visible text; inner whitespace may be anything, it is normalised later.
    pub text: String,
}

impl Block {
    /// A block of the given kind.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
        }
    }
}
