// Which tabs the extension cannot read, by URL alone (pure; tested in Node).

/** Why a URL cannot be analyzed: "internal", "pdf", "file", or null when it can be tried. */
export function unsupportedReason(url) {
  if (typeof url !== "string" || url === "") return "internal";
  let u;
  try {
    u = new URL(url);
  } catch {
    return "internal";
  }
  if (u.protocol === "file:") return "file";
  if (u.protocol !== "http:" && u.protocol !== "https:") return "internal";
  // Extension galleries refuse every extension's scripts.
  if (u.hostname === "chromewebstore.google.com" || (u.hostname === "chrome.google.com" && u.pathname.startsWith("/webstore"))) return "internal";
  if (u.hostname === "addons.mozilla.org") return "internal";
  if (/\.pdf$/i.test(u.pathname)) return "pdf";
  return null;
}
