/*
 * Polkuopas widget – the HTTP client of the chat API (the API's origin only; the session id
 * travels in the body / path, never in cookies).
 */

import { supported, t } from './strings.js';
import { str } from './text.js';
import { labelMaps, vocabularyPath } from './vocabulary.js';

const REQUEST_TIMEOUT_MS = 60000;
// the labels are waited for before a reply is shown: never long
const VOCABULARY_TIMEOUT_MS = 5000;

/** Accepts anything and returns {text, buttons, cards} with safe types. */
export function normaliseMessage(raw) {
  const m = raw && typeof raw === 'object' ? raw : {};
  const buttons = Array.isArray(m.buttons)
    ? m.buttons.filter(
        (b) => b && typeof b.title === 'string' && typeof b.payload === 'string' && b.payload !== ''
      )
    : [];
  const cards = Array.isArray(m.cards)
    ? m.cards.filter((c) => c && typeof c === 'object')
    : [];
  return { text: str(m.text), buttons, cards };
}

/** The server's retention period (days) from a chat or history response, or null. */
function retentionDays(data) {
  const days = data && data.retention_days;
  return Number.isInteger(days) && days > 0 ? days : null;
}
export class ApiError extends Error {
  /**
   * @param {'network'|'http'|'invalid'|'aborted'} kind
   * @param {number} status HTTP status (0 when there was no response)
   * @param {string|null} detail the server's `detail` when it was a string
   * @param {object|null} body the parsed JSON body of the error response
   */
  constructor(kind, status = 0, detail = null, body = null) {
    super(detail || kind);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
    this.body = body && typeof body === 'object' ? body : null;
  }
}

/** `?lang=xx` for the server's error texts, or nothing. */
const langQuery = (lang) => (supported(lang) ? `?lang=${supported(lang)}` : '');

/**
 * The chat API on `origin`; `municipality` (the embedding site's data-municipality) goes with
 * every message.
 */
export function createApi({ origin, municipality = null }) {
  async function request(method, path, { body, signal, timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
    const controller = new AbortController();
    const timer = window.setTimeout(() => controller.abort(), timeoutMs);
    const forwardAbort = () => controller.abort();
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener('abort', forwardAbort, { once: true });
    }

    try {
      const headers = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(origin + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        mode: 'cors',
        credentials: 'omit', // the session id travels in the body / path, never in cookies
        cache: 'no-store',
        signal: controller.signal,
      });

      let data = null;
      if (res.status !== 204) {
        const type = res.headers.get('content-type') || '';
        if (type.includes('json')) {
          try {
            data = await res.json();
          } catch {
            data = null;
          }
        }
      }

      if (!res.ok) {
        const detail = data && typeof data.detail === 'string' ? str(data.detail) : null;
        throw new ApiError('http', res.status, detail, data);
      }
      return data;
    } catch (err) {
      if (err instanceof ApiError) throw err;
      if (signal && signal.aborted) throw new ApiError('aborted');
      throw new ApiError('network'); // offline, DNS, timeout, …
    } finally {
      window.clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    /**
     * POST /api/chat -> {sessionId, messages, retentionDays, lang}; `lang` is the widget's
     * language, the answer's `lang` the conversation's (null when the server said none).
     */
    async sendMessage(sessionId, message, signal, lang = null) {
      const body = { message };
      if (sessionId) body.session_id = sessionId;
      if (municipality) body.municipality = municipality; // used when the user names none
      if (lang) body.lang = lang;
      const data = await request('POST', '/api/chat', { body, signal });
      if (!data || typeof data !== 'object' || !Array.isArray(data.messages)) {
        throw new ApiError('invalid', 200);
      }
      return {
        sessionId: str(data.session_id),
        messages: data.messages.map(normaliseMessage),
        retentionDays: retentionDays(data),
        lang: supported(data.lang),
      };
    },

    /** GET /api/chat/{id}/history -> {items: [{sender, text, buttons, cards}], retentionDays} */
    async getHistory(sessionId, signal, lang = null) {
      const data = await request('GET', `/api/chat/${encodeURIComponent(sessionId)}/history${langQuery(lang)}`, {
        signal,
      });
      if (!data || typeof data !== 'object' || !Array.isArray(data.messages)) {
        throw new ApiError('invalid', 200);
      }
      return {
        items: data.messages.map((m) => ({
          sender: m && m.sender === 'user' ? 'user' : 'bot',
          ...normaliseMessage(m),
        })),
        retentionDays: retentionDays(data),
      };
    },

    /** DELETE /api/chat/{id} */
    async deleteSession(sessionId, signal, lang = null) {
      await request('DELETE', `/api/chat/${encodeURIComponent(sessionId)}${langQuery(lang)}`, { signal });
    },

    /** GET /api/vocabulary -> Map(name -> Map(code -> label)); an empty Map when it fails. */
    async getVocabulary(lang, signal) {
      try {
        return labelMaps(await request('GET', vocabularyPath(lang), { signal, timeoutMs: VOCABULARY_TIMEOUT_MS }));
      } catch {
        return new Map(); // the labels are extras (the card's scope badge): the chat goes on
      }
    },
  };
}

/** The text for an ApiError in the widget's language (the server's own detail for 4xx/503: in the language asked). */
export function errorText(err) {
  if (!(err instanceof ApiError) || err.kind === 'network') return t('widget.errors.network');
  if (err.kind === 'http') {
    switch (err.status) {
      case 400:
      case 413:
      case 422:
        return err.detail || t('widget.errors.validation');
      case 429:
        return t('widget.errors.rate_limit');
      case 503:
        return err.detail || t('widget.errors.unavailable');
      default:
        return t('widget.errors.generic');
    }
  }
  return t('widget.errors.generic');
}