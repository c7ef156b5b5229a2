//! The JavaScript binding (wasm32 only): a thin layer over [`crate::analyze_document`].
//!
//! This is the only module that touches `wasm-bindgen`, `js-sys` and `serde-wasm-bindgen`; the
//! core knows nothing about JavaScript. Results are plain JS objects (the [`crate::Report`]
//! JSON shape, as the CLI's `--format json` prints it, without its `file` field); bad arguments
//! throw an `Error` whose message names the problem. Built by `./build.sh` into `pkg/web`
//! (browsers, the extension) and `pkg/node` (Node, `tests/node/`).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{analyze_document, Block, Document, Options, Report};

/// What every export returns: a plain JS value, or an `Error` thrown in JavaScript.
type JsResult<T> = Result<T, JsError>;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `analyzeText` and `analyzeBlocks`. */
export interface AnalyzeOptions {
  /** Give verdicts even when the text does not read as a privacy policy. Default false. */
  force?: boolean;
}

/** One block of structured input (as the HTML reader or the extension give them). */
export interface Block {
  kind: "title" | "heading" | "paragraph" | "list_item" | "table_cell";
  text: string;
}

/** Badge colour of a verdict. "Not mentioned" is `unknown`, never `bad`. */
export type Level = "good" | "caution" | "bad" | "unknown";

/**
 * A quoted sentence. Offsets point into the analyzed text: the input of `analyzeText`, or for
 * `analyzeBlocks` the non-empty blocks' trimmed texts joined by "\n\n".
 * In JavaScript: `text.slice(start_utf16, end_utf16) === quote` (a lone surrogate in the input
 * reads as U+FFFD in `quote`; offsets are unaffected).
 */
export interface Evidence {
  quote: string;
  /** UTF-8 byte offsets (for Rust). */
  start: number;
  end: number;
  /** UTF-16 code unit offsets (JavaScript string indices). */
  start_utf16: number;
  end_utf16: number;
  /** Index of the block the sentence is in. */
  block: number;
  /** Id of the rule that picked the sentence (see `rules/`). */
  rule: string;
}

/** The finding for one practice. */
export interface Practice<V extends string, D> {
  verdict: V;
  level: Level;
  /** One plain sentence a non-lawyer understands. */
  headline: string;
  /** Why the practice was not analyzed (only with verdict `not_analyzed`). */
  reason?: string;
  /** The decisive sentences, most decisive first. */
  evidence: Evidence[];
  details: D;
}

/** Everything policy-lens found in one document (see `src/report.rs`). */
export interface Report {
  version: string;
  is_policy: boolean;
  /** 0..1; 0.5 is the decision line. */
  policy_confidence: number;
  /** ISO 639-1 code, or "und" when unknown. */
  language: string;
  language_confidence: number;
  title: string | null;
  stats: { bytes: number; blocks: number; sentences: number };
  practices: {
    tracking: Practice<
      "third_party" | "first_party" | "none" | "not_mentioned" | "not_analyzed",
      {
        advertising: boolean;
        analytics: boolean;
        cross_site: boolean;
        do_not_track: "honored" | "not_honored" | "not_mentioned";
        third_parties: string[];
      }
    >;
    sale: Practice<
      "sells" | "no_sale" | "not_mentioned" | "not_analyzed",
      { business_transfer: boolean; opt_out: boolean; denial: boolean }
    >;
    retention: Practice<
      "indefinite" | "stated_period" | "as_needed" | "unspecified" | "not_mentioned" | "not_analyzed",
      { periods: string[]; after_deletion: boolean }
    >;
  };
  /** Other notable findings (children's data, data-subject rights, ...). */
  findings: { id: string; headline: string; evidence: Evidence }[];
}
"#;

/// Installs the panic hook, so that a panic (a bug: the core is meant to be total) shows its
/// message in the console instead of a bare `unreachable` trap.
#[wasm_bindgen(start, private)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The options object as JavaScript passes it.
#[derive(Debug, Default, Deserialize)]
struct JsOptions {
    /// See [`Options::force`].
    #[serde(default)]
    force: bool,
}

/// Keys [`JsOptions`] knows; any other key is refused so that a typo does not pass silently.
const OPTION_KEYS: &[&str] = &["force"];

/// Reads the optional options argument: `undefined` and `null` mean the defaults.
fn options_from(fname: &str, options: JsValue) -> JsResult<Options> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new(&format!(
            "{fname}: options must be an object like {{force: true}}, got {}",
            describe(&options)
        )));
    }
    let unknown = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .find(|k| !OPTION_KEYS.contains(&k.as_str()));
    if let Some(key) = unknown {
        return Err(JsError::new(&format!(
            "{fname}: unknown option `{key}` (known: {})",
            OPTION_KEYS.join(", ")
        )));
    }
    let o: JsOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("{fname}: bad options: {}", message(e))))?;
    Ok(Options { force: o.force })
}

/// A short description of a JS value's type for error messages: `number`, `array`, `null`...
fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(v) {
        "array".to_string()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".to_string())
    }
}

/// The text of a deserialization error, without the `Error: ` that JavaScript puts in front.
fn message(e: serde_wasm_bindgen::Error) -> String {
    let text = e.to_string();
    text.strip_prefix("Error: ")
        .map(str::to_string)
        .unwrap_or(text)
}

/// Converts a report into a plain JS object (objects, not `Map`s; `null` for a missing title).
fn to_js(report: &Report) -> JsResult<JsValue> {
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Analyzes plain text (blocks are split on blank lines and line breaks) and returns the
/// report. Throws when `text` is not a string or the options are bad.
#[wasm_bindgen(js_name = analyzeText, unchecked_return_type = "Report")]
pub fn analyze_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let Some(text) = text.as_string() else {
        return Err(JsError::new(&format!(
            "analyzeText: text must be a string, got {}",
            describe(&text)
        )));
    };
    let options = options_from("analyzeText", options)?;
    to_js(&analyze_document(&Document::from_text(&text), options))
}

/// Analyzes structured blocks (`[{kind, text}, ...]`, kinds `title`, `heading`, `paragraph`,
/// `list_item`, `table_cell`) and returns the report. Evidence offsets point into the non-empty
/// blocks' trimmed texts joined by `"\n\n"`. Throws an `Error` naming the first bad block when
/// the argument has the wrong shape.
#[wasm_bindgen(js_name = analyzeBlocks, unchecked_return_type = "Report")]
pub fn analyze_blocks(
    #[wasm_bindgen(unchecked_param_type = "Block[]")] blocks: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let blocks = blocks_from(blocks)?;
    let options = options_from("analyzeBlocks", options)?;
    to_js(&analyze_document(&Document::from_blocks(&blocks), options))
}

/// Reads the blocks one by one so that an error can say which block is wrong.
fn blocks_from(blocks: JsValue) -> JsResult<Vec<Block>> {
    let array = match blocks.dyn_into::<js_sys::Array>() {
        Ok(array) => array,
        Err(other) => {
            return Err(JsError::new(&format!(
                "analyzeBlocks: blocks must be an array of {{kind, text}} objects, got {}",
                describe(&other)
            )))
        }
    };
    array
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if !b.is_object() || js_sys::Array::is_array(&b) {
                return Err(JsError::new(&format!(
                    "analyzeBlocks: blocks[{i}] must be an object {{kind, text}}, got {}",
                    describe(&b)
                )));
            }
            serde_wasm_bindgen::from_value::<Block>(b)
                .map_err(|e| JsError::new(&format!("analyzeBlocks: blocks[{i}]: {}", message(e))))
        })
        .collect()
}

/// Turns an HTML page into blocks with the same reader as the CLI (`src/html.rs`): scripts,
/// styles, hidden elements and navigation chrome are left out. Pass the result to
/// `analyzeBlocks`. Throws when `html` is not a string.
#[wasm_bindgen(js_name = htmlToBlocks, unchecked_return_type = "Block[]")]
pub fn html_to_blocks(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
) -> JsResult<JsValue> {
    let Some(html) = html.as_string() else {
        return Err(JsError::new(&format!(
            "htmlToBlocks: html must be a string, got {}",
            describe(&html)
        )));
    };
    crate::html::html_to_blocks(&html)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The analyzer's version (the crate version, as in every report).
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
