/*
 * Polkuopas widget – the HTTP client of the chat API (the API's origin only; the session id
 * travels in the body / path, never in cookies).
 */

import { T } from './strings.js';
import { str } from './text.js';
import { VOCABULARY_PATH, labelMaps } from './vocabulary.js';

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
    /** POST /api/chat -> {sessionId, messages} */
    async sendMessage(sessionId, message, signal) {
      const body = { message };
      if (sessionId) body.session_id = sessionId;
      if (municipality) body.municipality = municipality; // used when the user names none
      const data = await request('POST', '/api/chat', { body, signal });
      if (!data || typeof data !== 'object' || !Array.isArray(data.messages)) {
        throw new ApiError('invalid', 200);
      }
      return {
        sessionId: str(data.session_id),
        messages: data.messages.map(normaliseMessage),
        retentionDays: retentionDays(data),
      };
    },

    /** GET /api/chat/{id}/history -> {items: [{sender, text, buttons, cards}], retentionDays} */
    async getHistory(sessionId, signal) {
      const data = await request(
        'GET',
        `/api/chat/${encodeURIComponent(sessionId)}/history`,
        { signal }
      );
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
    async deleteSession(sessionId, signal) {
      await request('DELETE', `/api/chat/${encodeURIComponent(sessionId)}`, { signal });
    },

    /** GET /api/vocabulary -> Map(name -> Map(code -> label)); an empty Map when it fails. */
    async getVocabulary(signal) {
      try {
        return labelMaps(await request('GET', VOCABULARY_PATH, { signal, timeoutMs: VOCABULARY_TIMEOUT_MS }));
      } catch {
        return new Map(); // the labels are extras (the card's scope badge): the chat goes on
      }
    },
  };
}

/** Finnish text for an ApiError (the server's own Finnish detail for 4xx/503). */
export function errorText(err) {
  if (!(err instanceof ApiError) || err.kind === 'network') return T.errNetwork;
  if (err.kind === 'http') {
    switch (err.status) {
      case 400:
      case 413:
      case 422:
        return err.detail || T.errValidation;
      case 429:
        return T.errRateLimit;
      case 503:
        return err.detail || T.errUnavailable;
      default:
        return T.errGeneric;
    }
  }
  return T.errGeneric;
}