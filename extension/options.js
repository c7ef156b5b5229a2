// The options page: automatic badge or click-only mode, the opt-in background analysis of
// linked policies, and the cache. Click-only mode gives up host access (only activeTab is used
// then); going back to automatic asks the browser for host access again.
import { PAGE_TO_BACKGROUND as REQ } from "./protocol.js";
import { HOST_ORIGINS, loadSettings, saveSettings } from "./settings.js";

const $ = (id) => document.getElementById(id);
const t = (key, subs) => chrome.i18n.getMessage(key, subs === undefined ? undefined : [].concat(subs).map(String)) || key;

function say(text) {
  $("status").textContent = text;
}

async function showCache() {
  const info = await chrome.runtime.sendMessage({ kind: REQ.CACHE_INFO });
  const n = info?.reports ?? 0;
  $("cache-info").textContent = n === 0 ? t("options_cache_info_none") : n === 1 ? t("options_cache_info_one") : t("options_cache_info", String(n));
}

/** Background analysis needs the automatic mode's content script: say so in click-only mode. */
function showLinkedAvailability(mode) {
  $("linked").disabled = mode === "click";
  $("linked-needs-auto").hidden = mode !== "click";
}

async function setMode(mode) {
  if (mode === "auto") {
    // Must run in the click's user gesture: ask before anything is awaited.
    const granted = await chrome.permissions.request({ origins: [...HOST_ORIGINS] }).catch(() => false);
    if (!granted) {
      say(t("options_access_refused"));
      $("mode-click").checked = true;
      showLinkedAvailability("click");
      return;
    }
  }
  const settings = await saveSettings({ ...(await loadSettings()), mode });
  showLinkedAvailability(settings.mode);
  if (mode === "click") {
    // Give host access back; activeTab covers a click. Browsers that do not allow removing it
    // (required host permissions) keep it, but the content script is no longer registered.
    await chrome.permissions.remove({ origins: [...HOST_ORIGINS] }).catch(() => false);
  }
  await chrome.runtime.sendMessage({ kind: REQ.SETTINGS_CHANGED });
  let message = t(settings.mode === "auto" ? "options_saved_auto" : "options_saved_click");
  if (mode === "click" && (await chrome.permissions.contains({ origins: [...HOST_ORIGINS] }).catch(() => false))) {
    // Chrome keeps host access granted at install; say how to withhold it.
    message += ` ${t("options_access_kept")}`;
  }
  say(message);
}

async function main() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const [id, key] of [
    ["heading", "options_heading"],
    ["mode-legend", "options_mode_legend"],
    ["mode-auto-label", "options_mode_auto"],
    ["mode-auto-hint", "options_mode_auto_hint"],
    ["mode-click-label", "options_mode_click"],
    ["mode-click-hint", "options_mode_click_hint"],
    ["linked-legend", "options_linked_legend"],
    ["linked-label", "options_linked"],
    ["linked-hint", "options_linked_hint"],
    ["linked-needs-auto", "options_linked_needs_auto"],
    ["cache-heading", "options_cache_heading"],
    ["clear", "options_clear"],
    ["privacy", "options_privacy"],
  ]) {
    $(id).textContent = t(key);
  }
  document.title = t("options_heading");
  const settings = await loadSettings();
  $(settings.mode === "click" ? "mode-click" : "mode-auto").checked = true;
  $("linked").checked = settings.backgroundLinked;
  showLinkedAvailability(settings.mode);
  for (const radio of document.querySelectorAll("input[name=mode]")) {
    radio.addEventListener("change", () => radio.checked && setMode(radio.value));
  }
  $("linked").addEventListener("change", async () => {
    const s = await saveSettings({ ...(await loadSettings()), backgroundLinked: $("linked").checked });
    say(t(s.backgroundLinked ? "options_saved_linked_on" : "options_saved_linked_off"));
  });
  $("clear").addEventListener("click", async () => {
    await chrome.runtime.sendMessage({ kind: REQ.CLEAR_CACHE });
    await showCache();
    say(t("options_cleared"));
  });
  await showCache();
}

main();
