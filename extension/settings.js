// The user's settings (chrome.storage.local "settings"), their defaults and the host patterns
// the automatic mode needs. Shared by the background and the options page.

/** Host access the automatic badge needs (content script on http(s) pages). */
export const HOST_ORIGINS = Object.freeze(["http://*/*", "https://*/*"]);

export const DEFAULTS = Object.freeze({
  /** "auto": badge policy pages by themselves; "click": do nothing until the icon is clicked. */
  mode: "auto",
  /** Opt-in: on any page, find its linked policy and analyze it without a click. */
  backgroundLinked: false,
});

/** The stored settings merged over the defaults; unknown or mistyped values are ignored. */
export function normalizeSettings(stored) {
  const s = stored && typeof stored === "object" ? stored : {};
  return {
    mode: s.mode === "click" ? "click" : DEFAULTS.mode,
    backgroundLinked: s.backgroundLinked === true,
  };
}

export async function loadSettings() {
  const { settings } = await chrome.storage.local.get("settings");
  return normalizeSettings(settings);
}

export async function saveSettings(next) {
  const settings = normalizeSettings(next);
  await chrome.storage.local.set({ settings });
  return settings;
}
