/*
 * Polkuopas – safe text: every server or user string becomes DOM text (textContent /
 * DOM APIs, never innerHTML); only absolute http(s) URLs become links.
 *
 * Shared by the chat widget and the lookup page (/haku imports this module directly).
 */

import { currentLanguage, t } from './strings.js';

/** The string when it has visible content, else null. */
export const str = (value) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Returns a normalised absolute http(s) URL, or null for anything else. */
export function safeUrl(raw) {
  if (typeof raw !== 'string') return null;
  const candidate = raw.trim();
  if (!candidate) return null;
  let url;
  try {
    url = new URL(candidate); // absolute URLs only; relative ones throw
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

// The locales the server formats dates with (messages: Babel's fi_FI, sv_FI, en_IE)
const DATE_LOCALES = Object.freeze({ fi: 'fi-FI', sv: 'sv-FI', en: 'en-IE' });

/**
 * "2026-11-23" as the page's language writes a date (CLDR's medium format, as the server's
 * messages do): "23.11.2026", "23 nov. 2026", "23 Nov 2026". Anything else is returned unchanged.
 */
export function formatDate(raw) {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return str(raw);
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return str(raw);
  const locale = DATE_LOCALES[currentLanguage()] || DATE_LOCALES.fi;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}


// http(s) URLs inside running text
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function hidden(text) {
  return el('span', 'visually-hidden', text);
}

/** <a> to an already validated URL, opened in a new tab. */
export function externalLink(href, text, srExtra = '') {
  const a = el('a', 'ext', text); // .ext: print layouts show the address after the link
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  const mark = el('span', 'external-mark', '↗');
  mark.setAttribute('aria-hidden', 'true');
  a.append(mark, hidden(`${srExtra} ${t('widget.new_tab')}`));
  return a;
}

/** Drop sentence punctuation that was glued to the end of a URL. */
function trimUrlMatch(match) {
  let url = match;
  for (;;) {
    const last = url.slice(-1);
    if ('.,;:!?\'"'.includes(last)) {
      url = url.slice(0, -1);
    } else if (last === ')' && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
      url = url.slice(0, -1);
    } else if (last === ']' && !url.includes('[')) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

/** Appends one line of text; valid http(s) URLs become links. */
export function appendLinkified(parent, line) {
  let pos = 0;
  URL_IN_TEXT.lastIndex = 0;
  let m;
  while ((m = URL_IN_TEXT.exec(line)) !== null) {
    const raw = trimUrlMatch(m[0]);
    const href = safeUrl(raw);
    if (!href) continue;
    if (m.index > pos) parent.append(document.createTextNode(line.slice(pos, m.index)));
    parent.append(externalLink(href, raw));
    pos = m.index + raw.length;
    URL_IN_TEXT.lastIndex = pos;
  }
  if (pos < line.length) parent.append(document.createTextNode(line.slice(pos)));
}

/** Lines of text (e.g. a contact) separated by <br>, addresses as links. */
export function linkifiedLines(container, text) {
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) container.append(el('br'));
      appendLinkified(container, line);
    });
  return container;
}

/**
 * Multi-line text: blank lines separate paragraphs, single line breaks
 * become <br>. linkify=false keeps everything as plain text.
 */
export function richText(container, text, { linkify = true } = {}) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  for (const para of paragraphs) {
    const p = el('p');
    para.split('\n').forEach((line, i) => {
      if (i > 0) p.append(el('br'));
      if (linkify) appendLinkified(p, line);
      else p.append(document.createTextNode(line));
    });
    container.append(p);
  }
  return container;
}
/** The helpers as one frozen object (window.PolkuopasText in the loader's library mode). */
export const safeText = Object.freeze({
  el,
  hidden,
  externalLink,
  appendLinkified,
  linkifiedLines,
  richText,
  safeUrl,
  formatDate,
});
