/*
 * Polkuopas widget – entry point, imported by the classic loader static/widget.js:
 *
 *   import(new URL('./widget/main.js', script.src)).then((main) => main.boot(script))
 *
 * Modules:
 *   strings.js     the Finnish words of the chat
 *   text.js        safe text: el, hidden, externalLink, linkifiedLines, richText, safeUrl, formatDate
 *   vocabulary.js  the labels of codes from GET /api/vocabulary
 *   api.js         the HTTP client of the chat API
 *   render.js      messages and service cards
 *   shell.js       host element, Shadow DOM, launcher and panel
 *   storage.js     localStorage / sessionStorage keys
 *   controller.js  the conversation
 */

import { start } from './controller.js';
import { safeText } from './text.js';

const MODES = ['page', 'library'];

/**
 * The embedding <script>'s settings:
 *   data-mode          'widget' (default: launcher + panel), 'page' (the chat inline, always
 *                      open) or 'library' (no chat: window.PolkuopasText, the safe-text helpers)
 *   data-municipality  the site's municipality, offered when the bot asks for one
 *   data-target        page mode: id of the element that gets the chat
 * The widget talks only to the origin it was loaded from.
 */
export function readConfig(script) {
  const data = script.dataset;
  return Object.freeze({
    script,
    origin: new URL(script.src, document.baseURI).origin,
    mode: MODES.includes(data.mode) ? data.mode : 'widget',
    municipality: (data.municipality || '').trim().slice(0, 100) || null,
    targetId: data.target || null,
  });
}

/** Starts the widget for its <script> element; in library mode returns the safe-text helpers. */
export function boot(script) {
  const config = readConfig(script);
  if (config.mode === 'library') {
    if (!window.PolkuopasText) window.PolkuopasText = safeText;
    return window.PolkuopasText;
  }
  if (document.readyState === 'loading' || !document.body) {
    document.addEventListener('DOMContentLoaded', () => start(config), { once: true });
  } else {
    start(config);
  }
  return null;
}
