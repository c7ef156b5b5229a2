//! `policy-lens`: analyze privacy policies from the command line.
//!
//! ```text
//! policy-lens analyze [--format text|json] [--force] FILE...   (`-` reads standard input)
//! policy-lens eval --labels LABELS.json --corpus DIR [--show-errors]
//! ```

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use policy_lens::{analyze_document, Document, Options, Report};

mod cli_eval;

/// Largest input read, in bytes. Larger files are refused with a message.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

const USAGE: &str = "\
policy-lens: does this privacy policy track you, sell your data, and how long does it keep it?

Usage:
  policy-lens analyze [--format text|json] [--force] FILE...
      Analyze each FILE (plain text, or .html/.htm pages); `-` reads standard input.
      --format json prints one JSON report per line (JSON Lines), each with a \"file\" field.
      --force gives verdicts even for text that does not read as a privacy policy.
  policy-lens eval --labels LABELS.json --corpus DIR [--show-errors]
      Accuracy, macro-F1 and confusion pairs against a labels file (as ../shared/tools/score.py).
  policy-lens --version | --help

Exit status: 0 when every file was analyzed, 1 when any file could not be read, 2 on usage errors.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze_cmd(&args[1..]),
        Some("eval") => cli_eval::run(&args[1..]),
        Some("--version" | "-V") => {
            println!("policy-lens {}", policy_lens::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command `{other}`")),
        None => usage_error("no command given"),
    }
}

pub(crate) fn usage_error(msg: &str) -> ExitCode {
    eprintln!("policy-lens: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn analyze_cmd(args: &[String]) -> ExitCode {
    let mut format = Format::Text;
    let mut options = Options::default();
    let mut files: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--format" | "-f" => {
                i += 1;
                format = match args.get(i).map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some(other) => {
                        return usage_error(&format!("unknown format `{other}` (use text or json)"))
                    }
                    None => return usage_error("--format needs a value: text or json"),
                };
            }
            "--format=text" => format = Format::Text,
            "--format=json" => format = Format::Json,
            "--force" => options.force = true,
            "-" => files.push(a),
            _ if a.starts_with('-') => return usage_error(&format!("unknown option `{a}`")),
            _ => files.push(a),
        }
        i += 1;
    }
    if files.is_empty() {
        return usage_error("analyze needs at least one FILE (or `-` for standard input)");
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for (n, file) in files.iter().enumerate() {
        match load(file) {
            Ok(doc) => {
                let report = analyze_document(&doc, options);
                let written = match format {
                    Format::Json => writeln!(out, "{}", json_line(file, &report)),
                    Format::Text => {
                        let sep = if n > 0 { "\n" } else { "" };
                        write!(out, "{sep}{}", render_text(file, &report, files.len() > 1))
                    }
                };
                if written.is_err() {
                    // Standard output closed (e.g. piped into `head`): stop quietly.
                    return ExitCode::from(if failed > 0 { 1 } else { 0 });
                }
            }
            Err(msg) => {
                failed += 1;
                eprintln!("policy-lens: {file}: {msg}");
            }
        }
    }
    let _ = out.flush();
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a file (or standard input) into a document; every failure is one readable line.
pub(crate) fn load(file: &str) -> Result<Document, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        let path = Path::new(file);
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot read: {e}"),
        })?;
        if meta.is_dir() {
            return Err("is a directory (give the policy files inside it)".to_string());
        }
        if meta.len() > MAX_INPUT {
            return Err(format!(
                "file is {} MB; the limit is {} MB (a privacy policy is rarely over 1 MB)",
                meta.len() / (1024 * 1024),
                MAX_INPUT / (1024 * 1024)
            ));
        }
        std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?
    };
    if bytes.len() as u64 > MAX_INPUT {
        return Err(format!("input is over {} MB", MAX_INPUT / (1024 * 1024)));
    }
    if bytes.is_empty() {
        return Err("file is empty".to_string());
    }
    if looks_binary(&bytes) {
        return Err("looks like a binary file, not text (give a .txt or .html file)".to_string());
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return Err(format!(
                "not valid UTF-8 (first bad byte at offset {at}); convert it first, e.g. `iconv -f latin1 -t utf-8`"
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err("file has only whitespace".to_string());
    }
    let is_html = {
        let lower = file.to_ascii_lowercase();
        lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(text)
    };
    Ok(if is_html {
        Document::from_blocks(&policy_lens::html::html_to_blocks(text))
    } else {
        Document::from_text(text)
    })
}

/// NUL bytes or many control characters in the first 8 KB: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    head.contains(&0) && control * 100 > head.len() || control * 10 > head.len()
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn json_line(file: &str, report: &Report) -> String {
    let mut value = serde_json::to_value(report).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(map) = &mut value {
        map.insert(
            "file".to_string(),
            serde_json::Value::String(file.to_string()),
        );
    }
    value.to_string()
}

fn render_text(file: &str, r: &Report, show_file: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    if show_file {
        let _ = writeln!(s, "== {file}");
    }
    let title = one_line(r.title.as_deref().unwrap_or("(untitled)"), 120);
    let _ = writeln!(
        s,
        "{title}\n{} \u{b7} {} \u{b7} {} sentences \u{b7} policy-lens {}",
        if r.is_policy {
            format!("privacy policy ({:.0}% sure)", r.policy_confidence * 100.0)
        } else {
            format!(
                "not a privacy policy ({:.0}% sure it is one)",
                r.policy_confidence * 100.0
            )
        },
        policy_lens::language_name(r.language),
        r.stats.sentences,
        r.version
    );
    let p = &r.practices;
    let rows = [
        Row::of("Tracking", &p.tracking),
        Row::of("Sale", &p.sale),
        Row::of("Retention", &p.retention),
    ];
    for Row {
        name,
        verdict,
        level,
        headline,
        reason,
        evidence,
    } in rows
    {
        let mark = match level {
            policy_lens::Level::Good => "\u{2713} good",
            policy_lens::Level::Caution => "! caution",
            policy_lens::Level::Bad => "\u{2717} bad",
            policy_lens::Level::Unknown => "? unknown",
        };
        let _ = writeln!(s, "\n{name:<10} {verdict:<14} [{mark}]\n  {headline}");
        if let Some(reason) = reason {
            let _ = writeln!(s, "  {reason}");
        }
        for e in evidence {
            let _ = writeln!(s, "  > \u{201c}{}\u{201d}", one_line(&e.quote, 300));
        }
    }
    let d = &p.sale.details;
    let mut extra = Vec::new();
    if d.business_transfer && p.sale.verdict != policy_lens::SaleVerdict::NotAnalyzed {
        extra.push("your data may pass to a buyer in a merger or bankruptcy".to_string());
    }
    if !p.retention.details.periods.is_empty() {
        extra.push(format!(
            "periods named: {}",
            p.retention.details.periods.join(", ")
        ));
    }
    for f in &r.findings {
        extra.push(f.headline.to_string());
    }
    if !extra.is_empty() {
        let _ = writeln!(s, "\nAlso: {}.", extra.join("; "));
    }
    s
}

/// One practice, as the text report shows it.
struct Row<'a> {
    name: &'static str,
    verdict: String,
    level: policy_lens::Level,
    headline: &'a str,
    reason: &'a Option<String>,
    evidence: &'a [policy_lens::Evidence],
}

impl<'a> Row<'a> {
    fn of<V: serde::Serialize, D>(
        name: &'static str,
        p: &'a policy_lens::Practice<V, D>,
    ) -> Row<'a> {
        Row {
            name,
            verdict: verdict_name(&p.verdict),
            level: p.level,
            headline: &p.headline,
            reason: &p.reason,
            evidence: &p.evidence,
        }
    }
}

fn verdict_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Page text for the terminal: one line, at most `max` characters, and safe to print.
/// Control characters (an escape sequence in a policy could retitle, clear or rewrite the
/// user's terminal) and bidirectional overrides and isolates (which reorder what the rest of
/// the line shows) become U+FFFD; the JSON output keeps the text as it is, escaped.
fn one_line(s: &str, max: usize) -> String {
    let joined = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect::<String>();
    if joined.chars().count() <= max {
        return joined;
    }
    let cut: String = joined.chars().take(max).collect();
    format!("{cut}\u{2026}")
}
