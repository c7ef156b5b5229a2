//! Native benchmark of the analysis (see BENCHMARKS.md; `./bench.sh` runs it with the wasm one).
//!
//! ```text
//! cargo run --release --example bench -- [--quick] [--corpus DIR] [--reps N]
//! ```
//!
//! Prints, for every policy of the corpus (default `../shared/corpus/policies`):
//! - the first analysis of the process (it compiles the rule set), then per-policy analysis time
//!   (median of `--reps` runs per file) as median, p95 and max over the files, and throughput;
//! - the limit, in the same run and on the same files: one pass of a single `RegexSet` holding
//!   every rule's full pattern over the (lower-cased) text, and a plain `memchr` byte scan; our
//!   time is reported as a ratio to the `RegexSet` pass (ratios survive a shared, drifting machine);
//! - peak RSS;
//! - scaling: synthetic concatenations of corpus files from 10 KB to 10 MB, with the exponent `b`
//!   of the least-squares fit `time = a * size^b` (1.0 is linear).
//!
//! `--quick` takes a handful of files, one repetition and sizes up to 1 MB: a smoke run for CI.
//! `--profile` only analyzes every file `--reps` times (to run under `perf` or callgrind).

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use regex::bytes::RegexSetBuilder;

struct Args {
    quick: bool,
    corpus: PathBuf,
    reps: usize,
    profile: bool,
}

fn usage() -> &'static str {
    "usage: cargo run --release --example bench -- [--quick] [--corpus DIR] [--reps N] [--profile]"
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        quick: false,
        corpus: PathBuf::from("../shared/corpus/policies"),
        reps: 0,
        profile: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--quick" => args.quick = true,
            "--profile" => args.profile = true,
            "--corpus" => {
                args.corpus = it.next().ok_or("--corpus needs a folder")?.into();
            }
            "--reps" => {
                let n = it.next().ok_or("--reps needs a number")?;
                args.reps = n
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--reps: `{n}` is not a positive number"))?;
            }
            "-h" | "--help" => return Err(usage().to_string()),
            other => return Err(format!("unknown argument `{other}`\n{}", usage())),
        }
    }
    if args.reps == 0 {
        args.reps = if args.quick { 1 } else { 5 };
    }
    Ok(args)
}

/// The corpus: every `.txt` file, sorted by name. `--quick` keeps a handful across all sizes.
fn load_corpus(args: &Args) -> Result<Vec<(String, String)>, String> {
    let dir = &args.corpus;
    let entries = fs::read_dir(dir).map_err(|e| {
        format!(
            "cannot read the corpus folder {}: {e} (pass --corpus DIR)",
            dir.display()
        )
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for p in paths {
        let bytes = fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        files.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    if files.is_empty() {
        return Err(format!("no .txt files in {}", dir.display()));
    }
    if args.quick {
        // The smallest, the largest and a few in between.
        files.sort_by_key(|(_, t)| t.len());
        let n = files.len();
        let keep: Vec<usize> = if n <= 6 {
            (0..n).collect()
        } else {
            vec![0, n / 4, n / 2, 3 * n / 4, n - 2, n - 1]
        };
        files = keep.into_iter().map(|i| files[i].clone()).collect();
    }
    Ok(files)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median of `reps` timed runs of `f`.
fn time_median<R>(reps: usize, mut f: impl FnMut() -> R) -> Duration {
    let mut runs: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    runs.sort();
    runs[runs.len() / 2]
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

struct Summary {
    median: f64,
    p95: f64,
    max: f64,
    total: f64,
}

fn summarize(values: &[f64]) -> Summary {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    Summary {
        median: percentile(&v, 50.0),
        p95: percentile(&v, 95.0),
        max: *v.last().unwrap(),
        total: v.iter().sum(),
    }
}

/// Peak resident set size of this process, in MB (Linux; `None` elsewhere).
fn peak_rss_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Least-squares slope of log(time) against log(size).
fn fitted_exponent(points: &[(usize, f64)]) -> f64 {
    let xy: Vec<(f64, f64)> = points
        .iter()
        .map(|&(s, t)| ((s as f64).ln(), t.max(1e-9).ln()))
        .collect();
    let n = xy.len() as f64;
    let mx = xy.iter().map(|p| p.0).sum::<f64>() / n;
    let my = xy.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = xy.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let sxx: f64 = xy.iter().map(|p| (p.0 - mx).powi(2)).sum();
    sxy / sxx
}

/// Corpus files joined by blank lines until `size` bytes, cut at a character boundary.
fn synthetic(files: &[(String, String)], size: usize) -> String {
    let mut s = String::with_capacity(size + 4);
    'fill: loop {
        for (_, t) in files {
            if s.len() >= size {
                break 'fill;
            }
            s.push_str(t);
            s.push_str("\n\n");
        }
    }
    let mut cut = size;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::from(2);
        }
    };
    let files = match load_corpus(&args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let (smallest, largest) = files.iter().fold((usize::MAX, 0), |(lo, hi), (_, t)| {
        (lo.min(t.len()), hi.max(t.len()))
    });
    println!(
        "native benchmark: {} files, {:.1} MB ({:.1} KB .. {:.1} KB), median of {} run(s) per file{}",
        files.len(),
        bytes as f64 / 1e6,
        smallest as f64 / 1e3,
        largest as f64 / 1e3,
        args.reps,
        if args.quick { " [--quick]" } else { "" }
    );

    if args.profile {
        let t = Instant::now();
        for _ in 0..args.reps {
            for (_, text) in &files {
                black_box(policy_lens::analyze(text));
            }
        }
        let total = t.elapsed();
        policy_lens::rules_in_sentence("__prof_dump__");
        println!(
            "analyzed the corpus {} time(s) in {:.1} ms ({:.1} MB/s); peak RSS {:.1} MB",
            args.reps,
            ms(total),
            (bytes * args.reps) as f64 / 1e6 / total.as_secs_f64(),
            peak_rss_mb().unwrap_or(f64::NAN)
        );
        return ExitCode::SUCCESS;
    }

    // Cold: the first analysis of the process compiles the rules.
    let (_, first_text) = files.iter().max_by_key(|(_, t)| t.len()).unwrap();
    let t = Instant::now();
    let first = policy_lens::analyze(&files[0].1);
    let cold_small = t.elapsed();
    black_box(first);
    let t = Instant::now();
    black_box(policy_lens::analyze(first_text));
    let after_cold_large = t.elapsed();

    // The limit: one RegexSet of every rule's full pattern, compiled once, over the same text
    // (lower-cased once beforehand, as the patterns are written for lower-case text).
    let patterns: Vec<&str> = policy_lens::RULES.iter().map(|r| r.pattern).collect();
    let t = Instant::now();
    let set = RegexSetBuilder::new(&patterns)
        .unicode(false)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("the rule patterns compile as one set");
    let set_compile = t.elapsed();
    // Our first stage for comparison: one RegexSet of every rule's cheap gate.
    let gates: Vec<&str> = policy_lens::RULES
        .iter()
        .map(|r| r.needs.unwrap_or(r.pattern))
        .collect();
    let gate_set = RegexSetBuilder::new(&gates)
        .unicode(false)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("the rule gates compile as one set");

    let mut ours = Vec::with_capacity(files.len());
    let mut limit = Vec::with_capacity(files.len());
    let mut scan = Vec::with_capacity(files.len());
    let mut gate = Vec::with_capacity(files.len());
    let mut worst: (f64, &str) = (0.0, "");
    for (name, text) in &files {
        let lower = text.to_ascii_lowercase();
        // Warm-up run of each measure (page cache, lazy DFA states). The full-pattern set is so
        // slow (its lazy DFA gives up) that it runs once per file.
        black_box(policy_lens::analyze(text));
        black_box(gate_set.matches(lower.as_bytes()));
        let a = ms(time_median(args.reps, || policy_lens::analyze(text)));
        let l = ms(time_median(1, || set.matches(lower.as_bytes())));
        let g = ms(time_median(args.reps, || {
            gate_set.matches(lower.as_bytes())
        }));
        let m = ms(time_median(args.reps, || {
            memchr::memchr_iter(b'.', text.as_bytes()).count()
        }));
        if a > worst.0 {
            worst = (a, name);
        }
        ours.push(a);
        limit.push(l);
        scan.push(m);
        gate.push(g);
    }
    let rss_corpus = peak_rss_mb();

    let mb = bytes as f64 / 1e6;
    let o = summarize(&ours);
    let l = summarize(&limit);
    let m = summarize(&scan);
    let g = summarize(&gate);
    println!();
    println!("| per policy (ms)           | median |    p95 |    max | throughput |");
    println!("|---------------------------|-------:|-------:|-------:|-----------:|");
    for (label, s) in [
        ("policy-lens analyze", &o),
        ("limit: one RegexSet pass", &l),
        ("RegexSet of the gates", &g),
        ("memchr byte scan", &m),
    ] {
        println!(
            "| {label:<25} | {:>6.3} | {:>6.3} | {:>6.3} | {:>6.1} MB/s |",
            s.median,
            s.p95,
            s.max,
            mb / (s.total / 1e3)
        );
    }
    for (label, reference) in [
        ("ratio analyze / limit", &limit),
        ("ratio analyze / gates", &gate),
    ] {
        let r: Vec<f64> = ours
            .iter()
            .zip(reference.iter())
            .map(|(a, b)| a / b.max(1e-6))
            .collect();
        let r = summarize(&r);
        let total: f64 = reference.iter().sum();
        println!(
            "| {label:<25} | {:>5.2}x | {:>5.2}x | {:>5.2}x | {:>8.2}x  |",
            r.median,
            r.p95,
            r.max,
            o.total / total
        );
    }
    println!();
    println!("slowest policy: {} ({:.3} ms)", worst.1, worst.0);
    println!(
        "cold: first analysis in the process (compiles the rule gates) {:.2} ms on {:.1} KB; \
         largest policy right after {:.2} ms",
        ms(cold_small),
        files[0].1.len() as f64 / 1e3,
        ms(after_cold_large)
    );
    println!(
        "limit RegexSet: {} patterns, compiled in {:.1} ms",
        patterns.len(),
        ms(set_compile)
    );
    if let Some(rss) = rss_corpus {
        println!(
            "peak RSS after the corpus: {rss:.1} MB (with the corpus text and the two reference \
             sets' caches; `--profile` gives it for the analysis alone)"
        );
    }

    // Scaling on synthetic concatenations.
    let sizes: &[usize] = if args.quick {
        &[10_000, 100_000, 1_000_000]
    } else {
        &[
            10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000,
        ]
    };
    println!();
    println!("| scaling: input | analyze (ms) |    MB/s | RegexSet (ms) | ratio |");
    println!("|---------------:|-------------:|--------:|--------------:|------:|");
    let mut points = Vec::new();
    for &size in sizes {
        let text = synthetic(&files, size);
        let lower = text.to_ascii_lowercase();
        let reps = if size >= 3_000_000 {
            1.max(args.reps / 2)
        } else {
            args.reps
        };
        black_box(policy_lens::analyze(&text));
        let a = ms(time_median(reps, || policy_lens::analyze(&text)));
        points.push((text.len(), a));
        // The full-pattern set runs at well under 1 MB/s: measured up to 1 MB only.
        let (l, ratio) = if size <= 1_000_000 {
            let l = ms(time_median(1, || set.matches(lower.as_bytes())));
            (format!("{l:.2}"), format!("{:.2}x", a / l.max(1e-6)))
        } else {
            ("-".to_string(), "-".to_string())
        };
        println!(
            "| {:>11.0} KB | {:>12.2} | {:>7.1} | {:>13} | {:>5} |",
            text.len() as f64 / 1e3,
            a,
            text.len() as f64 / 1e6 / (a / 1e3),
            l,
            ratio
        );
    }
    println!(
        "fitted exponent (time ~ size^b): b = {:.3}",
        fitted_exponent(&points)
    );
    if let Some(rss) = peak_rss_mb() {
        println!("peak RSS after scaling: {rss:.1} MB");
    }
    ExitCode::SUCCESS
}
