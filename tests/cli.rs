//! The command-line tool as a user runs it: output formats, and bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_policy-lens"))
}

fn sample(name: &str) -> String {
    format!(
        "{}/tests/fixtures/samples/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn text_report_names_the_three_practices() {
    let out = cli()
        .args(["analyze", &sample("mirantis")])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Tracking",
        "first_party",
        "Sale",
        "no_sale",
        "Retention",
        "indefinite",
        "archival databases",
    ] {
        assert!(s.contains(needle), "missing {needle:?} in:\n{s}");
    }
}

#[test]
fn json_lines_carry_the_file_as_given() {
    let (a, b) = (sample("percona"), sample("pingcap"));
    let out = cli()
        .args(["analyze", "--format", "json", &a, &b])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], a.as_str());
    assert_eq!(lines[1]["file"], b.as_str());
    assert_eq!(lines[1]["practices"]["retention"]["verdict"], "as_needed");
    assert_eq!(lines[0]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = cli()
        .args(["analyze", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read_to_string(sample("percona")).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["file"], "-");
    assert_eq!(v["practices"]["tracking"]["verdict"], "third_party");
}

#[test]
fn bad_inputs_get_one_line_each_and_the_rest_still_runs() {
    let dir = std::env::temp_dir().join(format!("policy-lens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("image.png");
    std::fs::write(
        &binary,
        [
            0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 0, 0, 0, 0, 4, 5, 6, 7, 0,
        ],
    )
    .unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Privacy Policy\n\nWe do not sell your donn\xe9es.\n",
    )
    .unwrap();
    let huge = dir.join("huge.txt");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(70 * 1024 * 1024).unwrap();
    let good = sample("percona");
    let missing = dir.join("missing.txt");
    let args = [
        missing.to_str().unwrap(),
        dir.to_str().unwrap(),
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        latin1.to_str().unwrap(),
        huge.to_str().unwrap(),
        good.as_str(),
    ];
    let out = cli()
        .arg("analyze")
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit status 1"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 6, "one line per bad file:\n{stderr}");
    for (line, want) in lines.iter().zip([
        "no such file",
        "is a directory",
        "file is empty",
        "binary",
        "not valid UTF-8",
        "limit is",
    ]) {
        assert!(line.starts_with("policy-lens: "), "{line}");
        assert!(line.contains(want), "expected {want:?} in {line:?}");
    }
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "the good file is still analyzed");
    assert!(stdout.contains("percona"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_large_text_file_is_analyzed() {
    let dir = std::env::temp_dir().join(format!("policy-lens-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    let text = std::fs::read_to_string(sample("pingcap")).unwrap();
    let mut body = String::new();
    while body.len() < 5 * 1024 * 1024 {
        body.push_str(&text);
        body.push_str("\n\n");
    }
    std::fs::write(&big, &body).unwrap();
    let out = cli()
        .args(["analyze", "--format", "json", big.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["practices"]["sale"]["verdict"], "no_sale");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2_with_help() {
    for args in [
        &["analyze"][..],
        &["frobnicate"],
        &["analyze", "--format", "xml", "x"],
        &[],
    ] {
        let out = cli().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8(out.stderr).unwrap().contains("Usage:"));
    }
}

#[test]
fn html_files_are_read_as_pages() {
    let path = format!(
        "{}/tests/fixtures/html/policy_page.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = cli()
        .args(["analyze", "--format", "json", &path])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["is_policy"], true);
}
