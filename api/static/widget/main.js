/*
 * Polkuopas widget – entry point, imported by the classic loader static/widget.js:
 *
 *   import(new URL('./widget/main.js', script.src)).then((main) => main.boot(script))
 *
 * Modules:
 *   strings.js     the words of the chat in its language (GET /api/ui, from the message catalogues)
 *   text.js        safe text: el, hidden, externalLink, linkifiedLines, richText, safeUrl, formatDate
 *   vocabulary.js  the labels of codes from GET /api/vocabulary
 *   api.js         the HTTP client of the chat API
 *   render.js      messages and service cards
 *   shell.js       host element, Shadow DOM, launcher and panel
 *   storage.js     localStorage / sessionStorage keys
 *   controller.js  the conversation
 */

import { start, storedLanguage } from './controller.js';
import { browserLanguage, loadStrings, supported } from './strings.js';
import { safeText } from './text.js';

const MODES = ['page', 'library'];

/**
 * The embedding <script>'s settings:
 *   data-mode          'widget' (default: launcher + panel), 'page' (the chat inline, always
 *                      open) or 'library' (no chat: window.PolkuopasText, the safe-text helpers)
 *   data-municipality  the site's municipality, offered when the bot asks for one
 *   data-target        page mode: id of the element that gets the chat
 *   data-lang          'fi', 'sv' or 'en': the chat's language when the conversation has none yet
 * The widget talks only to the origin it was loaded from.
 *
 * The language: the one the conversation kept in this browser was in (the panel's switch, or
 * the language the user wrote in); else data-lang; on our own chat page (page mode) ?lang=;
 * else the browser's language when it is Swedish or English; else Finnish.
 */
export function readConfig(script) {
  const data = script.dataset;
  const mode = MODES.includes(data.mode) ? data.mode : 'widget';
  const pageLang = mode === 'page' ? supported(new URLSearchParams(window.location.search).get('lang')) : null;
  return Object.freeze({
    script,
    origin: new URL(script.src, document.baseURI).origin,
    mode,
    municipality: (data.municipality || '').trim().slice(0, 100) || null,
    targetId: data.target || null,
    lang: supported(data.lang) || pageLang || browserLanguage() || 'fi',
  });
}

/**
 * Loads the words of the chat's language, then mounts it. Without the words (the server does not
 * answer) nothing is drawn: the chat could not work either, and no words are written in this code.
 * Our chat page then shows its own notice (an element with data-polkuopas-unavailable).
 */
async function startInLanguage(config) {
  const lang = storedLanguage(config.origin) || config.lang;
  try {
    await loadStrings(config.origin, lang);
  } catch (error) {
    console.error('Polkuopas: the chat widget could not load its words (GET /api/ui).', error);
    if (config.mode === 'page') {
      const notice = document.querySelector('[data-polkuopas-unavailable]');
      if (notice) notice.hidden = false;
    }
    return;
  }
  start(config);
}

/** Starts the widget for its <script> element; in library mode resolves to the safe-text helpers. */
export function boot(script) {
  const config = readConfig(script);
  if (config.mode === 'library') {
    // the helpers' own words (" (opens in a new tab)") in the page's language first
    return loadStrings(config.origin, config.lang)
      .catch((error) => console.error('Polkuopas: the words could not be loaded (GET /api/ui).', error))
      .then(() => {
        if (!window.PolkuopasText) window.PolkuopasText = safeText;
        return window.PolkuopasText;
      });
  }
  if (document.readyState === 'loading' || !document.body) {
    document.addEventListener('DOMContentLoaded', () => startInLanguage(config), { once: true });
  } else {
    startInLanguage(config);
  }
  return null;
}
