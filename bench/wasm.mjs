#!/usr/bin/env node
// WebAssembly benchmark of policy-lens under Node: the module the extension ships (pkg/web,
// loaded with `initSync` as the extension's service worker does). See BENCHMARKS.md;
// `./bench.sh` runs it after the native benchmark.
//
//   node bench/wasm.mjs [--quick] [--corpus DIR] [--pkg DIR] [--reps N]
//
// Prints: cold start (module bytes in memory -> first report ready, in fresh Node processes),
// per-policy analyzeText time (median of --reps runs per file) as median, p95 and max over the
// corpus with throughput, wasm linear memory after the largest policy, scaling on synthetic
// concatenations (10 KB -> 10 MB, with the fitted exponent), and the size of the .wasm (raw and
// gzip -9) and of the extension zips in dist/ when they exist.
// --quick: a handful of files, one run each, sizes up to 1 MB, two cold starts (a CI smoke run).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage() {
  return 'usage: node bench/wasm.mjs [--quick] [--corpus DIR] [--pkg DIR] [--reps N]';
}

function parseArgs(argv) {
  const args = {
    quick: false,
    corpus: join(ROOT, '..', 'shared', 'corpus', 'policies'),
    pkg: join(ROOT, 'pkg', 'web'),
    reps: 0,
    coldChild: null,
    memoryChild: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value\n${usage()}`);
      return argv[++i];
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--corpus') args.corpus = resolve(value());
    else if (a === '--pkg') args.pkg = resolve(value());
    else if (a === '--reps') {
      const v = value();
      args.reps = Number(v);
      if (!Number.isInteger(args.reps) || args.reps < 1) fail(`--reps: \`${v}\` is not a positive number`);
    } else if (a === '--cold-child') args.coldChild = value();
    else if (a === '--memory-child') args.memoryChild = Number(value());
    else if (a === '-h' || a === '--help') {
      console.log(usage());
      process.exit(0);
    } else fail(`unknown argument \`${a}\`\n${usage()}`);
  }
  if (!args.reps) args.reps = args.quick ? 1 : 5;
  return args;
}

function fail(message) {
  console.error(`bench/wasm.mjs: ${message}`);
  process.exit(2);
}

const wasmPath = (pkg) => join(pkg, 'policy_lens_bg.wasm');
const jsPath = (pkg) => join(pkg, 'policy_lens.js');

async function loadModule(pkg) {
  if (!existsSync(jsPath(pkg)) || !existsSync(wasmPath(pkg))) {
    fail(`no wasm package in ${pkg}: run ./build.sh first`);
  }
  return import(pathToFileURL(jsPath(pkg)).href);
}

function loadCorpus(args) {
  let names;
  try {
    names = readdirSync(args.corpus).filter((n) => n.endsWith('.txt')).sort();
  } catch (e) {
    fail(`cannot read the corpus folder ${args.corpus}: ${e.message} (pass --corpus DIR)`);
  }
  if (names.length === 0) fail(`no .txt files in ${args.corpus}`);
  let files = names.map((name) => {
    const text = readFileSync(join(args.corpus, name), 'utf8');
    return { name, text, bytes: Buffer.byteLength(text) };
  });
  if (args.quick) {
    // The smallest, the largest and a few in between (the same files as the native --quick).
    files.sort((a, b) => a.bytes - b.bytes);
    const n = files.length;
    const keep = n <= 6 ? [...files.keys()] : [0, n >> 2, n >> 1, (3 * n) >> 2, n - 2, n - 1];
    files = keep.map((i) => files[i]);
  }
  return files;
}

const now = () => performance.now();

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

// Nearest-rank percentile.
function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * v.length);
  return v[Math.min(Math.max(rank, 1), v.length) - 1];
}

function timeMedian(reps, f) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const t = now();
    f();
    runs.push(now() - t);
  }
  return median(runs);
}

// Least-squares slope of log(time) against log(size).
function fittedExponent(points) {
  const xy = points.map(([s, t]) => [Math.log(s), Math.log(Math.max(t, 1e-9))]);
  const mx = xy.reduce((a, p) => a + p[0], 0) / xy.length;
  const my = xy.reduce((a, p) => a + p[1], 0) / xy.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of xy) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxy / sxx;
}

// Corpus files joined by blank lines until `size` bytes (UTF-8), cut at a character boundary.
function synthetic(files, size) {
  const parts = [];
  let bytes = 0;
  outer: for (;;) {
    for (const f of files) {
      if (bytes >= size) break outer;
      parts.push(f.text, '\n\n');
      bytes += f.bytes + 2;
    }
  }
  const buf = Buffer.from(parts.join(''));
  let cut = size;
  while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
  return buf.subarray(0, cut).toString('utf8');
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const fmt = (x, w = 7, d = 2) => x.toFixed(d).padStart(w);

// One cold start, in this (fresh) process: module bytes are read first (not timed), then
// compile + instantiate + the first analysis. Prints one JSON line for the parent.
async function coldChild(args) {
  const m = await loadModule(args.pkg);
  const bytes = readFileSync(wasmPath(args.pkg));
  const text = readFileSync(args.coldChild, 'utf8');
  const t0 = now();
  const module = new WebAssembly.Module(bytes);
  const t1 = now();
  const wasm = m.initSync({ module });
  const t2 = now();
  const report = m.analyzeText(text);
  const t3 = now();
  const second = timeMedian(3, () => m.analyzeText(text));
  if (!report || !report.practices) throw new Error('no report');
  console.log(
    JSON.stringify({
      compile: t1 - t0,
      instantiate: t2 - t1,
      first: t3 - t2,
      total: t3 - t0,
      warm: second,
      memory: wasm.memory.buffer.byteLength,
    }),
  );
}

// A fresh instance analyzes one synthetic text of `args.memoryChild` bytes (built from the
// corpus before the module is loaded): its time and the linear memory it leaves.
async function memoryChild(args) {
  const text = synthetic(loadCorpus({ ...args, quick: false }), args.memoryChild);
  const m = await loadModule(args.pkg);
  const wasm = m.initSync({ module: readFileSync(wasmPath(args.pkg)) });
  const t = now();
  m.analyzeText(text);
  const ms = now() - t;
  console.log(JSON.stringify({ bytes: Buffer.byteLength(text), ms, memory: wasm.memory.buffer.byteLength }));
}

function freshRun(args, bytes) {
  const out = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--pkg', args.pkg, '--corpus', args.corpus, '--memory-child', String(bytes)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (out.status !== 0) fail(`fresh-instance run failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

function coldStarts(args, file, n, v8flags = []) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const out = spawnSync(
      process.execPath,
      [...v8flags, fileURLToPath(import.meta.url), '--pkg', args.pkg, '--cold-child', join(args.corpus, file.name)],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) fail(`cold-start run failed:\n${out.stderr}`);
    runs.push(JSON.parse(out.stdout.trim().split('\n').pop()));
  }
  const med = (k) => median(runs.map((r) => r[k]));
  return {
    compile: med('compile'),
    instantiate: med('instantiate'),
    first: med('first'),
    total: med('total'),
    warm: med('warm'),
    memory: Math.max(...runs.map((r) => r.memory)),
  };
}

function sizes(args) {
  const wasm = readFileSync(wasmPath(args.pkg));
  const lines = [`| ${'pkg/web/policy_lens_bg.wasm'.padEnd(34)} | ${String(wasm.length).padStart(9)} | ${String(gzipSync(wasm, { level: 9 }).length).padStart(9)} |`];
  const dist = join(ROOT, 'dist');
  if (existsSync(dist)) {
    for (const name of readdirSync(dist).filter((n) => n.endsWith('.zip')).sort()) {
      const size = statSync(join(dist, name)).size;
      lines.push(`| ${`dist/${name}`.padEnd(34)} | ${String(size).padStart(9)} | ${'(zip)'.padStart(9)} |`);
    }
  } else {
    lines.push(`| ${'dist/*.zip'.padEnd(34)} | ${'not built'.padStart(9)} | ${''.padStart(9)} |`);
  }
  return lines;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.coldChild) return coldChild(args);
  if (args.memoryChild) return memoryChild(args);
  const files = loadCorpus(args);
  const total = files.reduce((a, f) => a + f.bytes, 0);
  const bySize = [...files].sort((a, b) => a.bytes - b.bytes);
  const typical = bySize[Math.floor(bySize.length / 2)];
  const largest = bySize[bySize.length - 1];
  console.log(
    `wasm benchmark (Node ${process.version}, ${args.pkg.startsWith(ROOT) ? args.pkg.slice(ROOT.length + 1) : args.pkg}): ` +
      `${files.length} files, ${(total / 1e6).toFixed(1)} MB, median of ${args.reps} run(s) per file${args.quick ? ' [--quick]' : ''}`,
  );

  // Cold start in fresh processes: a median-size policy (the usual wake-up) and the largest.
  const coldN = args.quick ? 2 : 7;
  console.log('');
  console.log(`| cold start (ms, median of ${coldN})    | compile | instantiate | first report |   total |   warm | memory (MiB) |`);
  console.log('|---------------------------------|--------:|------------:|-------------:|--------:|-------:|-------------:|');
  // V8 compiles wasm with its baseline compiler (Liftoff) and re-compiles hot functions with
  // TurboFan on background threads. On a loaded 2-core machine those compiles compete with the
  // analysis; `--liftoff-only` shows the work on the main thread alone.
  for (const [label, f, flags] of [
    [`typical policy (${kb(typical.bytes)})`, typical, []],
    [`  same, Liftoff only`, typical, ['--liftoff-only']],
    [`largest policy (${kb(largest.bytes)})`, largest, []],
  ]) {
    const c = coldStarts(args, f, coldN, flags);
    console.log(
      `| ${label.padEnd(31)} | ${fmt(c.compile)} | ${fmt(c.instantiate, 11)} | ${fmt(c.first, 12)} | ${fmt(c.total)} | ${fmt(c.warm, 6)} | ${fmt(c.memory / 2 ** 20, 12, 1)} |`,
    );
  }

  // Warm per-policy times, in this process.
  const m = await loadModule(args.pkg);
  const wasm = m.initSync({ module: readFileSync(wasmPath(args.pkg)) });
  const memory = () => wasm.memory.buffer.byteLength;
  const times = [];
  let worst = { ms: 0, name: '' };
  let memAfterLargest = 0;
  for (const f of files) {
    m.analyzeText(f.text); // warm-up
    const t = timeMedian(args.reps, () => m.analyzeText(f.text));
    times.push(t);
    if (t > worst.ms) worst = { ms: t, name: f.name };
  }
  memAfterLargest = memory();
  const sum = times.reduce((a, b) => a + b, 0);
  console.log('');
  console.log('| per policy (ms)           | median |    p95 |    max | throughput |');
  console.log('|---------------------------|-------:|-------:|-------:|-----------:|');
  console.log(
    `| wasm analyzeText          | ${fmt(median(times), 6, 3)} | ${fmt(percentile(times, 95), 6, 3)} | ${fmt(Math.max(...times), 6, 3)} | ${fmt(total / 1e6 / (sum / 1e3), 6, 1)} MB/s |`,
  );
  console.log('');
  console.log(`slowest policy: ${worst.name} (${worst.ms.toFixed(3)} ms)`);
  console.log(`wasm linear memory after the whole corpus: ${(memAfterLargest / 2 ** 20).toFixed(1)} MiB (a fresh instance after the largest policy: see "memory" above)`);

  // Scaling.
  const steps = args.quick ? [1e4, 1e5, 1e6] : [1e4, 3e4, 1e5, 3e5, 1e6, 3e6, 1e7];
  console.log('');
  console.log('| scaling: input | analyzeText (ms) |    MB/s | memory after (MiB) |');
  console.log('|---------------:|-----------------:|--------:|-------------------:|');
  const points = [];
  for (const size of steps) {
    const text = synthetic(files, size);
    const bytes = Buffer.byteLength(text);
    const reps = size >= 3e6 ? Math.max(1, args.reps >> 1) : args.reps;
    m.analyzeText(text);
    const t = timeMedian(reps, () => m.analyzeText(text));
    points.push([bytes, t]);
    console.log(
      `| ${kb(bytes).padStart(14)} | ${fmt(t, 16)} | ${fmt(bytes / 1e6 / (t / 1e3), 7, 1)} | ${fmt(memory() / 2 ** 20, 18, 1)} |`,
    );
  }
  console.log(`fitted exponent (time ~ size^b): b = ${fittedExponent(points).toFixed(3)}`);
  const big = args.quick ? 1e6 : 1e7;
  const fresh = freshRun(args, big);
  console.log(
    `fresh instance, one ${kb(fresh.bytes)} text: ${fresh.ms.toFixed(1)} ms (first analysis, patterns compiled), ` +
      `linear memory ${(fresh.memory / 2 ** 20).toFixed(1)} MiB`,
  );

  console.log('');
  console.log(`| size                               |     bytes |   gzip -9 |`);
  console.log(`|------------------------------------|----------:|----------:|`);
  for (const line of sizes(args)) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
