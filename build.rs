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
//! For speed, every pattern and guard also gets a *relaxed* form (`RELAXED` in `rules.rs`): each
//! bounded repetition of one byte class with a large bound, such as `[^.;:]{0,60}?`, becomes an
//! unbounded one (`[^.;:]*?`). Counted gaps make automata explode (a lazy DFA must remember
//! every place a gap may have started), the relaxed forms are small and fast. The relaxed form
//! matches whenever the exact one does, and exactly when it does on a sentence whose longest run
//! of that class is within the bound; the matcher runs the exact pattern only otherwise.
use std::fmt::Write as _;
use std::{env, fs, path::Path};

use regex_syntax::hir::{Class, Hir, HirKind, Repetition};

/// Bounded repetitions of a single class with at least this upper bound are relaxed.
const RELAX_FROM: u32 = 10;

/// A pattern with its large bounded class repetitions made unbounded; `bounds` lists each
/// relaxed class (as byte ranges) with its upper bound.
struct Relaxed {
    pattern: String,
    bounds: Vec<(Vec<(u8, u8)>, u32)>,
}

fn relax(pattern: &str) -> Option<Relaxed> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .unwrap_or_else(|e| panic!("pattern does not parse: {e}\n{pattern}"));
    let mut bounds = Vec::new();
    let relaxed = relax_hir(&hir, &mut bounds);
    if bounds.is_empty() {
        return None;
    }
    Some(Relaxed {
        pattern: relaxed.to_string(),
        bounds,
    })
}

fn relax_hir(hir: &Hir, bounds: &mut Vec<(Vec<(u8, u8)>, u32)>) -> Hir {
    match hir.kind() {
        HirKind::Repetition(rep) => {
            let sub = relax_hir(&rep.sub, bounds);
            let class = match rep.sub.kind() {
                HirKind::Class(Class::Bytes(c)) => Some(
                    c.ranges()
                        .iter()
                        .map(|r| (r.start(), r.end()))
                        .collect::<Vec<_>>(),
                ),
                HirKind::Class(Class::Unicode(c)) => c
                    .ranges()
                    .iter()
                    .map(|r| Some((u8::try_from(r.start()).ok()?, u8::try_from(r.end()).ok()?)))
                    .collect(),
                _ => None,
            };
            match (class, rep.max) {
                (Some(class), Some(max)) if max >= RELAX_FROM => {
                    if !bounds.contains(&(class.clone(), max)) {
                        bounds.push((class, max));
                    }
                    Hir::repetition(Repetition {
                        min: rep.min,
                        max: None,
                        greedy: rep.greedy,
                        sub: Box::new(sub),
                    })
                }
                _ => Hir::repetition(Repetition {
                    sub: Box::new(sub),
                    ..rep.clone()
                }),
            }
        }
        HirKind::Capture(c) => {
            let mut c = c.clone();
            c.sub = Box::new(relax_hir(&c.sub, bounds));
            Hir::capture(c)
        }
        HirKind::Concat(v) => Hir::concat(v.iter().map(|h| relax_hir(h, bounds)).collect()),
        HirKind::Alternation(v) => {
            Hir::alternation(v.iter().map(|h| relax_hir(h, bounds)).collect())
        }
        _ => hir.clone(),
    }
}

/// `Some(Relaxed { .. })` as Rust source.
fn relaxed_source(r: Option<Relaxed>) -> String {
    match r {
        None => "None".to_string(),
        Some(r) => {
            let bounds: Vec<String> = r
                .bounds
                .iter()
                .map(|(class, max)| format!("(&{class:?}, {max})"))
                .collect();
            format!(
                "Some(Relaxed {{ pattern: {:?}, bounds: &[{}] }})",
                r.pattern,
                bounds.join(", ")
            )
        }
    }
}

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
        let unless = if r.unless.is_empty() {
            "None".to_string()
        } else {
            format!("Some({:?})", alternatives(&r.unless))
        };
        writeln!(
            out,
            "    Rule {{ id: {:?}, cue: Cue::{cue}, means: {:?}, pattern: {:?}, unless: {unless}, needs: {needs}, section: {section}, yes: &{:?}, no: &{:?} }},",
            r.id,
            r.means,
            alternatives(&r.patterns),
            r.yes,
            r.no
        )
        .unwrap();
    }
    out.push_str("];\n");
    out.push_str(
        "/// The relaxed pattern and guard of each rule of [`RULES`] (`None`: nothing to relax).\n\
         pub(crate) static RELAXED: &[(Option<Relaxed>, Option<Relaxed>)] = &[\n",
    );
    for r in &rules {
        let pattern = relax(&alternatives(&r.patterns));
        let unless = if r.unless.is_empty() {
            None
        } else {
            relax(&alternatives(&r.unless))
        };
        writeln!(
            out,
            "    ({}, {}),",
            relaxed_source(pattern),
            relaxed_source(unless)
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
