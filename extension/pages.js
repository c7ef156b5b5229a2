// Which tabs the extension cannot read, and which addresses a page may make it fetch, by URL
// alone (pure; tested in Node).

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

/**
 * Is this host on a private or local network (or this machine)? Literal addresses only: the
 * URL parser has already turned "2130706433", "0x7f.1" and "[::ffff:127.0.0.1]" into their
 * canonical forms. Single-label names ("router", "intranet") and the special-use local domains
 * count as local too.
 */
export function hostIsPrivate(hostname) {
  const h = String(hostname).toLowerCase().replace(/\.$/, "");
  if (h === "" || h === "localhost" || !h.includes(".") && !h.startsWith("[")) return true;
  if (/(^|\.)(localhost|local|internal|intranet|lan|home|corp|home\.arpa)$/.test(h)) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 || a === 10 || a === 127 ||
      (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) || // benchmarking
      a >= 224 // multicast, reserved, broadcast
    );
  }
  if (h.startsWith("[")) {
    const v6 = h.slice(1, -1);
    if (v6 === "::" || v6 === "::1") return true;
    if (/^f[cd][0-9a-f]{0,2}:/.test(v6)) return true; // unique local fc00::/7
    if (/^fe[89ab][0-9a-f]?:/.test(v6)) return true; // link-local fe80::/10
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
    if (mapped) {
      const n = (parseInt(mapped[1], 16) << 16) | parseInt(mapped[2], 16);
      return hostIsPrivate([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."));
    }
    return false;
  }
  return false;
}

/**
 * May a page at `pageUrl` make the extension fetch `url`? Only http(s); a private-network or
 * local address only from a page on that same host (a public page cannot point the extension at
 * your router). A redirect is checked again on its final address.
 */
export function fetchAllowed(url, pageUrl) {
  let target;
  let page;
  try {
    target = new URL(url);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return false;
  if (target.username || target.password) return false;
  if (hostIsPrivate(target.hostname) && target.hostname !== page.hostname) return false;
  return true;
}
