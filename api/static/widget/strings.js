/*
 * Polkuopas – the words of our pages (the chat widget and /haku) in the page's language.
 *
 * No words are written here: they live in the server's message catalogues
 * (messages/<lang>/widget.yaml and haku.yaml) and come from GET /api/ui?lang=… before anything
 * is drawn. A key is the catalogue's dotted name, e.g. t('widget.send'),
 * t('widget.privacy', { days: 30 }); t.count('widget.cards_announced', n) picks `.one` / `.many`.
 * The labels of codes (service scope etc.) come from GET /api/vocabulary instead.
 */

export const LANGUAGES = Object.freeze(['fi', 'sv', 'en']);
export const DEFAULT_LANGUAGE = 'fi';
const UI_PATH = '/api/ui';
const UI_TIMEOUT_MS = 15000;

let words = new Map();
let language = DEFAULT_LANGUAGE;

/** 'sv', 'sv-FI', 'SV' -> 'sv'; anything else -> null. */
export function supported(value) {
  const code = typeof value === 'string' ? value.trim().slice(0, 2).toLowerCase() : '';
  return LANGUAGES.includes(code) ? code : null;
}

/** The browser's preferred language when it is Swedish or English, else null (then Finnish). */
export function browserLanguage() {
  const preferred = Array.isArray(navigator.languages) && navigator.languages.length
    ? navigator.languages
    : [navigator.language];
  for (const tag of preferred) {
    const code = supported(tag);
    if (code) return code === DEFAULT_LANGUAGE ? null : code;
  }
  return null;
}

/** The language whose words are in use. */
export function currentLanguage() {
  return language;
}

/** The wording of `key`, its {placeholders} filled from `params`; the key itself if it is unknown. */
export function t(key, params = null) {
  const wording = words.get(key);
  if (typeof wording !== 'string') {
    console.error(`Polkuopas: no words for ${key}`);
    return key;
  }
  if (!params) return wording;
  return wording.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  );
}

/** A count: `key.one` for 1, `key.many` (with {n}) for anything else. */
t.count = (key, n) => (n === 1 ? t(`${key}.one`, { n }) : t(`${key}.many`, { n }));

/** Does the catalogue have `key`? */
export function hasWords(key) {
  return words.has(key);
}

/** Takes an answer of GET /api/ui into use; false when it is not usable. */
export function useStrings(data) {
  const lang = data && supported(data.lang);
  const strings = data && data.strings;
  if (!lang || !strings || typeof strings !== 'object' || Array.isArray(strings)) return false;
  const found = new Map();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') found.set(key, value);
  }
  if (!found.size) return false;
  words = found;
  language = lang;
  return true;
}

// answers already fetched, per origin and language (switching back and forth costs nothing)
const fetched = new Map();

/**
 * Fetches the words of `lang` from `origin` (GET /api/ui) and takes them into use.
 * Resolves to the language the server answered in; rejects when there is no usable answer.
 */
export async function loadStrings(origin, lang) {
  const url = `${origin}${UI_PATH}?lang=${encodeURIComponent(supported(lang) || DEFAULT_LANGUAGE)}`;
  if (!fetched.has(url)) {
    const request = (async () => {
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), UI_TIMEOUT_MS);
      try {
        const res = await fetch(url, {
          headers: { Accept: 'application/json' },
          mode: 'cors',
          credentials: 'omit',
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(`GET ${UI_PATH}: HTTP ${res.status}`);
        return await res.json();
      } finally {
        window.clearTimeout(timer);
      }
    })();
    fetched.set(url, request);
    request.catch(() => fetched.delete(url)); // a failure is retried next time
  }
  const data = await fetched.get(url);
  if (!useStrings(data)) throw new Error(`GET ${UI_PATH}: unusable answer`);
  return language;
}

/**
 * Our own pages' static HTML: each element with data-i18n="key" gets the key's words as its
 * text, data-i18n-attr="content:key; aria-label:key" sets attributes. The Finnish words in the
 * HTML are only what shows before the catalogue has loaded (a unit test keeps them equal to it).
 */
export function translateDocument(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const key = node.getAttribute('data-i18n');
    if (hasWords(key)) node.textContent = t(key);
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.getAttribute('data-i18n-attr').split(';')) {
      const [attr, key] = pair.split(':').map((part) => part.trim());
      if (attr && key && hasWords(key)) node.setAttribute(attr, t(key));
    }
  }
}
