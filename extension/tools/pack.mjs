// Packs the extension (called by ./build.sh after it staged pkg/ and ui/ into extension/):
//   dist/policy-lens-chrome.zip   extension/ as it is (Chrome MV3, service worker)
//   dist/policy-lens-firefox.zip  the same files with the generated Firefox manifest
//   dist/firefox/                 that Firefox build unpacked (for `web-ext lint` and
//                                 about:debugging → "Load Temporary Add-on")
// extension/ itself stays loadable unpacked in Chromium. Zips are written with node:zlib only.
import { deflateRawSync } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "./png.mjs";

const EXT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = join(EXT, "..");
const DIST = join(ROOT, "dist");

/** Not part of the packaged extension: tooling, docs for developers, Node's package marker. */
const EXCLUDE = [/^tools\//, /^README\.md$/, /^package\.json$/, /(^|\/)\.[^/]+$/, /^pkg\/package\.json$/, /^ui\/package\.json$/, /^ui\/README/];
/** Chrome-only files (none: both browsers run the same files, only the manifest differs). */
const CHROME_ONLY = [];

export const GECKO_ID = "policy-lens@policy-lens.extension";

function fail(message) {
  console.error(`pack.mjs: ${message}`);
  process.exit(1);
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(relative(base, full).split(sep).join("/"));
  }
  return out;
}

/**
 * The Firefox manifest made from the Chrome one: Firefox wants background.scripts (an event
 * page running the same background.js as Chrome's service worker), a gecko id,
 * data_collection_permissions and strict_min_version 140.0 for a clean `web-ext lint`.
 */
export function firefoxManifest(chrome) {
  const m = structuredClone(chrome);
  m.background = { scripts: ["background.js"], type: "module" };
  // Chrome-only permissions never reach Firefox (the manifest asks for none today).
  m.permissions = (m.permissions ?? []).filter((p) => p !== "offscreen");
  delete m.minimum_chrome_version;
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: "140.0",
      data_collection_permissions: { required: ["none"] },
    },
    // data_collection_permissions needs Firefox for Android 142.
    gecko_android: { strict_min_version: "142.0" },
  };
  return m;
}

// --- a small, correct zip writer (deflate, no zip64: the extension is far below 4 GB) --------

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1; // 1980-01-01: reproducible zips

export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(0, 30); // extra, comment lengths
    central.writeUInt32LE(0, 34); // disk, internal attrs
    central.writeUInt32LE(0, 38); // external attrs
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main() {
  const manifestPath = join(EXT, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  for (const needed of ["pkg/policy_lens.js", "pkg/policy_lens_bg.wasm", "ui/report-view.js", "ui/report-view.css", "ui/_locales/en/messages.json"]) {
    if (!existsSync(join(EXT, needed))) fail(`extension/${needed} is missing: run ./build.sh (it stages pkg/ and ui/)`);
  }
  const files = listFiles(EXT).filter((f) => !EXCLUDE.some((re) => re.test(f)));
  for (const icon of Object.values(manifest.icons ?? {})) {
    if (!files.includes(icon)) fail(`manifest icon ${icon} is missing: run node extension/tools/make-icons.mjs`);
  }
  mkdirSync(DIST, { recursive: true });

  const chromeEntries = files.map((name) => ({ name, data: readFileSync(join(EXT, name)) }));
  const chromeZip = join(DIST, "policy-lens-chrome.zip");
  writeFileSync(chromeZip, zip(chromeEntries));

  const ff = firefoxManifest(manifest);
  const ffFiles = files.filter((f) => f !== "manifest.json" && !CHROME_ONLY.some((re) => re.test(f)));
  const ffEntries = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(ff, null, 2)}\n`) },
    ...ffFiles.map((name) => ({ name, data: readFileSync(join(EXT, name)) })),
  ];
  const ffZip = join(DIST, "policy-lens-firefox.zip");
  writeFileSync(ffZip, zip(ffEntries));
  const ffDir = join(DIST, "firefox");
  rmSync(ffDir, { recursive: true, force: true });
  for (const { name, data } of ffEntries) {
    mkdirSync(dirname(join(ffDir, name)), { recursive: true });
    writeFileSync(join(ffDir, name), data);
  }
  const wasm = statSync(join(EXT, "pkg", "policy_lens_bg.wasm")).size;
  console.log(`${relative(ROOT, chromeZip)}: ${kb(statSync(chromeZip).size)} (${chromeEntries.length} files)`);
  console.log(`${relative(ROOT, ffZip)}: ${kb(statSync(ffZip).size)} (${ffEntries.length} files; unpacked in ${relative(ROOT, ffDir)}/)`);
  console.log(`extension/ is ready to load unpacked; its wasm is ${kb(wasm)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
