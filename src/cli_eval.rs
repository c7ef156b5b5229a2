//! `policy-lens eval`: accuracy against a labels file, scored the way `tools/score.py` does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;

use crate::{load, usage_error};

const PRACTICES: [&str; 3] = ["tracking", "sale", "retention"];

pub(crate) fn run(args: &[String]) -> ExitCode {
    let (mut labels, mut corpus, mut show_errors) = (None, None, false);
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--labels" => {
                i += 1;
                labels = args.get(i).cloned();
            }
            "--corpus" => {
                i += 1;
                corpus = args.get(i).cloned();
            }
            "--show-errors" => show_errors = true,
            other => return usage_error(&format!("eval: unknown argument `{other}`")),
        }
        i += 1;
    }
    let (Some(labels), Some(corpus)) = (labels, corpus) else {
        return usage_error("eval needs --labels FILE and --corpus DIR");
    };
    let text = match std::fs::read_to_string(&labels) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("policy-lens: {labels}: cannot read labels: {e}");
            return ExitCode::from(1);
        }
    };
    let all: BTreeMap<String, Value> = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("policy-lens: {labels}: not a labels file: {e}");
            return ExitCode::from(1);
        }
    };
    let mut got: BTreeMap<&str, Value> = BTreeMap::new();
    let mut missing = 0;
    for name in all.keys().filter(|k| !k.starts_with('_')) {
        let path = Path::new(&corpus).join(name);
        if !path.exists() {
            missing += 1;
            continue;
        }
        match load(&path.to_string_lossy()) {
            Ok(doc) => {
                let report = policy_lens::analyze_document(&doc, policy_lens::Options::default());
                got.insert(name, serde_json::to_value(&report).unwrap_or(Value::Null));
            }
            Err(msg) => eprintln!("policy-lens: {name}: {msg}"),
        }
    }
    let mut summary = Vec::new();
    let policy_pairs: Vec<(bool, Option<bool>)> = got
        .iter()
        .filter_map(|(name, rep)| {
            let gold = all[*name].get("is_policy")?.as_bool()?;
            Some((gold, rep.get("is_policy").and_then(Value::as_bool)))
        })
        .collect();
    if !policy_pairs.is_empty() {
        let acc = policy_pairs.iter().filter(|(g, p)| Some(*g) == *p).count() as f64
            / policy_pairs.len() as f64;
        let misses = policy_pairs
            .iter()
            .filter(|(g, p)| !g && *p != Some(false))
            .count();
        let alarms = policy_pairs
            .iter()
            .filter(|(g, p)| *g && *p != Some(true))
            .count();
        println!(
            "is_policy: accuracy {acc:.3} (n={}; non-policies called policies: {misses}, policies missed: {alarms})",
            policy_pairs.len()
        );
        summary.push(format!("is_policy={acc:.3}"));
    }
    for practice in PRACTICES {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut errors = Vec::new();
        for (name, rep) in &got {
            let label = &all[*name];
            let mut gold = label.get(practice).and_then(Value::as_str);
            if practice == "retention" && gold.is_none() {
                gold = label.get("retention_at_least").and_then(Value::as_str);
            }
            let Some(gold) = gold else { continue };
            let pred = rep["practices"][practice]["verdict"]
                .as_str()
                .unwrap_or("none")
                .to_string();
            if pred != gold {
                errors.push((name.to_string(), gold.to_string(), pred.clone()));
            }
            pairs.push((gold.to_string(), pred));
        }
        if pairs.is_empty() {
            continue;
        }
        let acc = pairs.iter().filter(|(g, p)| g == p).count() as f64 / pairs.len() as f64;
        let f1 = macro_f1(&pairs);
        println!(
            "{practice}: accuracy {acc:.3} macro-F1 {f1:.3} (n={})",
            pairs.len()
        );
        let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (g, p) in pairs.iter().filter(|(g, p)| g != p) {
            *confusion.entry((g.clone(), p.clone())).or_default() += 1;
        }
        let mut confusion: Vec<_> = confusion.into_iter().collect();
        confusion.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for ((g, p), n) in confusion {
            println!("    gold {g:<14} got {p:<14} x{n}");
        }
        if show_errors {
            for (f, g, p) in errors {
                println!("    {f}: gold {g} got {p}");
            }
        }
        summary.push(format!("{practice}={acc:.3} {practice}_f1={f1:.3}"));
    }
    if missing > 0 {
        println!("note: {missing} labelled files not found under {corpus}");
    }
    println!("score: {} n={}", summary.join(" "), got.len());
    ExitCode::SUCCESS
}

fn macro_f1(pairs: &[(String, String)]) -> f64 {
    let classes: BTreeSet<&str> = pairs
        .iter()
        .flat_map(|(g, p)| [g.as_str(), p.as_str()])
        .collect();
    let mut f1s = Vec::new();
    for c in classes {
        let tp = pairs.iter().filter(|(g, p)| g == c && p == c).count();
        let fp = pairs.iter().filter(|(g, p)| g != c && p == c).count();
        let fn_ = pairs.iter().filter(|(g, p)| g == c && p != c).count();
        if tp + fp + fn_ > 0 {
            f1s.push(2.0 * tp as f64 / (2 * tp + fp + fn_) as f64);
        }
    }
    if f1s.is_empty() {
        0.0
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    }
}
