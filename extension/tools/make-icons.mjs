// Writes extension/icons/icon-{16,32,48,128}.png: the idle icon of icon.js (three lines of
// text in the brand colour), rasterized in Node. Run after changing icon.js:
//   node extension/tools/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { iconShapes } from "../icon.js";
import { encodePng, rasterize } from "./png.mjs";

const EXT = join(dirname(fileURLToPath(import.meta.url)), "..");
mkdirSync(join(EXT, "icons"), { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const file = join(EXT, "icons", `icon-${size}.png`);
  writeFileSync(file, encodePng(size, rasterize(size, iconShapes(size, null))));
  console.log(`wrote ${file}`);
}
