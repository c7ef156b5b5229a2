//! Compiles the rule files in `rules/` into Rust: a static table of rules (`rules.rs`) and one
//! `#[test]` per rule that checks the rule's own examples (`rule_tests.rs`).
//!
//! A rule file is a list of entries:
//!
//! ```text
//! [sale.denial]                 # id: <practice>.<name>
//! cue = denial                  # what the rule supports; becomes `Cue::SaleDenial`
//! means = One sentence that says what a match means.
//! pattern = regex               # several `pattern` lines are alternatives
//! unless = regex                # optional; a match anywhere in the sentence cancels the rule
//! section = retention           # optional; only inside a section whose heading has that topic
//! needs = sell|rent|sold        # optional cheap gate: the full pattern runs only where it matches
//! yes = A sentence the rule must accept.
//! no = A sentence the rule must reject (a guardrail).
//! ```
//!
//! `@name = regex` (outside an entry, in any file) defines `{name}` for later patterns; files are
//! read in name order, so shared definitions live in `rules/0-common.rules`.
//!
//! Patterns are matched against a normalised sentence: lower case, ASCII quotes and dashes,
//! single spaces, zero-width characters removed (see `src/normalize.rs`).
//!
//! Every pattern, guard and gate is compiled here once with the crate's own engine
//! (`src/pattern.rs`), so a rule that the engine cannot read fails the build with its file and
//! line. In a WebAssembly build the rules' examples are left out of the table (they are only
//! read by tests).
use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/pattern.rs"]
mod pattern;

#[derive(Default)]
struct Rule {
    id: String,
    cue: String,
    means: String,
    patterns: Vec<String>,
    unless: Vec<String>,
    section: Option<String>,
    needs: Option<String>,
    yes: Vec<String>,
    no: Vec<String>,
    line: usize,
    file: String,
}

fn camel(s: &str) -> String {
    s.split(['_', '.', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            let first = c.next().unwrap().to_ascii_uppercase();
            std::iter::once(first).chain(c).collect::<String>()
        })
        .collect()
}

fn alternatives(parts: &[String]) -> String {
    if parts.len() == 1 {
        return parts[0].clone();
    }
    parts
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

fn main() {
    let dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/pattern.rs");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("rules/ folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rules"))
        .collect();
    files.sort();
    let mut rules: Vec<Rule> = Vec::new();
    let mut macros: Vec<(String, String)> = Vec::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).expect("rule file is UTF-8");
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(def) = line.strip_prefix('@') {
                let (name, value) = def
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{file}:{}: expected `@name = regex`", n + 1));
                macros.push((
                    format!("{{{}}}", name.trim()),
                    format!("(?:{})", value.trim()),
                ));
                continue;
            }
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                rules.push(Rule {
                    id: id.trim().to_string(),
                    line: n + 1,
                    file: file.clone(),
                    ..Rule::default()
                });
                continue;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("{file}:{}: expected `key = value`", n + 1));
            let (key, value) = (key.trim(), value.trim().to_string());
            let rule = rules
                .last_mut()
                .unwrap_or_else(|| panic!("{file}:{}: entry before the first [id]", n + 1));
            match key {
                "cue" => rule.cue = value,
                "means" => rule.means = value,
                "pattern" => rule.patterns.push(value),
                "unless" => rule.unless.push(value),
                "section" => rule.section = Some(value),
                "needs" => rule.needs = Some(value),
                "yes" => rule.yes.push(value),
                "no" => rule.no.push(value),
                other => panic!("{file}:{}: unknown key `{other}`", n + 1),
            }
        }
    }

    // Expand macros (a macro may use macros defined before it).
    for i in 0..macros.len() {
        let (done, rest) = macros.split_at_mut(i);
        for (name, value) in done.iter() {
            rest[0].1 = rest[0].1.replace(name.as_str(), value);
        }
    }
    let expand = |s: &String| {
        let mut s = s.clone();
        for (name, value) in macros.iter().rev() {
            s = s.replace(name.as_str(), value);
        }
        let unknown = s
            .split('{')
            .skip(1)
            .any(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()));
        assert!(!unknown, "unknown macro in {s}");
        s
    };
    for r in &mut rules {
        r.patterns = r.patterns.iter().map(expand).collect();
        r.unless = r.unless.iter().map(expand).collect();
    }
    let mut ids = std::collections::HashSet::new();
    for r in &rules {
        assert!(
            ids.insert(r.id.clone()),
            "{}:{}: duplicate rule id {}",
            r.file,
            r.line,
            r.id
        );
    }

    let wasm = env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let mut out = String::from("// NOTE: generated by build.rs from rules/*.rules; do not edit.\n");
    out.push_str(
        "/// Every rule of `rules/*.rules`, in file order.\npub static RULES: &[Rule] = &[\n",
    );
    for r in &rules {
        let (practice, _) =
            r.id.split_once('.')
                .unwrap_or_else(|| panic!("{}:{}: id must be <practice>.<name>", r.file, r.line));
        for (missing, what) in [
            (r.cue.is_empty(), "a cue"),
            (r.patterns.is_empty(), "a pattern"),
            (r.means.is_empty(), "`means`"),
            (r.yes.is_empty(), "a `yes` example"),
        ] {
            assert!(
                !missing,
                "{}:{}: rule {} has no {what}",
                r.file, r.line, r.id
            );
        }
        let cue = camel(&format!("{practice}_{}", r.cue));
        let section = match &r.section {
            Some(s) => format!("Some(Section::{})", camel(s)),
            None => "None".to_string(),
        };
        let needs = match &r.needs {
            Some(n) => format!("Some({n:?})"),
            None => "None".to_string(),
        };
        let pattern = alternatives(&r.patterns);
        let guard = alternatives(&r.unless);
        for p in [
            Some(&pattern),
            (!r.unless.is_empty()).then_some(&guard),
            r.needs.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            if let Err(e) = pattern::Pattern::new(p) {
                panic!("{}:{}: rule {}: {e}\n{p}", r.file, r.line, r.id);
            }
        }
        let unless = if r.unless.is_empty() {
            "None".to_string()
        } else {
            format!("Some({guard:?})")
        };
        let (yes, no): (&[String], &[String]) = if wasm { (&[], &[]) } else { (&r.yes, &r.no) };
        writeln!(
            out,
            "    Rule {{ id: {:?}, cue: Cue::{cue}, means: {:?}, pattern: {pattern:?}, unless: {unless}, needs: {needs}, section: {section}, yes: &{yes:?}, no: &{no:?} }},",
            r.id,
            r.means,
        )
        .unwrap();
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").unwrap();
    fs::write(Path::new(&out_dir).join("rules.rs"), out).unwrap();

    let mut tests =
        String::from("// NOTE: generated by build.rs from rules/*.rules; do not edit.\n");
    for r in &rules {
        let name = r.id.replace(['.', '-'], "_");
        writeln!(
            tests,
            "#[test]\nfn rule_{name}() {{\n    check_rule_examples({:?});\n}}",
            r.id
        )
        .unwrap();
    }
    fs::write(Path::new(&out_dir).join("rule_tests.rs"), tests).unwrap();
}
