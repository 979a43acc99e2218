/*
 * Polkuopas – chat page.
 *
 * Plain ES2020, no dependencies, no globals. Three parts:
 *   1. api     – talks to the same-origin JSON API (/api/chat …)
 *   2. render  – builds DOM nodes; every server or user string goes through
 *                textContent / DOM APIs, never innerHTML
 *   3. app     – controller: session handling, events, state
 */
(() => {
  'use strict';

  // ---------------------------------------------------------------------------
  // Constants and Finnish UI strings
  // ---------------------------------------------------------------------------

  const STORAGE_KEY = 'polkuopas.sessionId';
  const MAX_MESSAGE_LENGTH = 1000;
  const REQUEST_TIMEOUT_MS = 60000;

  const CMD_GREET = '/greet';
  const CMD_RESTART = '/restart';

  const T = {
    botName: 'Polkuopas',
    botSays: 'Polkuopas:',
    userSays: 'Sinä:',
    errorPrefix: 'Virhe:',
    typing: 'Polkuopas kirjoittaa…',
    newTab: ' (avautuu uuteen välilehteen)',
    quickRepliesLabel: 'Vastausvaihtoehdot',
    readMore: 'Lue lisää',
    source: 'Lähde',
    checked: 'tarkistettu',
    checkedCapital: 'Tarkistettu',
    provider: 'Palveluntarjoaja',
    contact: 'Yhteystiedot',
    scopeLabel: 'Palvelun alue: ',
    scope: {
      national: 'valtakunnallinen',
      regional: 'alueellinen',
      municipal: 'kunnan',
    },
    cardFallbackTitle: 'Palvelu',
    errNetwork: 'Yhteys katkesi. Yritä hetken päästä uudelleen.',
    errValidation: 'Viestiä ei voitu lähettää. Viestin pituus voi olla 1–1000 merkkiä.',
    errRateLimit: 'Olet lähettänyt monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    errUnavailable: 'Palvelu ei ole juuri nyt käytettävissä. Yritä hetken päästä uudelleen.',
    errGeneric: 'Jotain meni vikaan. Yritä hetken päästä uudelleen.',
    errDelete: 'Keskustelun poistaminen ei onnistunut. Yritä hetken päästä uudelleen.',
    confirmDelete:
      'Haluatko varmasti poistaa keskustelun? Poistettua keskustelua ei voi palauttaa.',
    restarted: 'Keskustelu aloitettiin alusta.',
    deleted: 'Keskustelu poistettiin. Uusi keskustelu alkaa.',
    waitForReply: 'Odota hetki, Polkuopas vastaa vielä edelliseen viestiin.',
    limitReached: 'Viestin enimmäispituus, 1000 merkkiä, on täynnä.',
  };

  // ---------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------

  const storage = {
    get() {
      try {
        return window.sessionStorage.getItem(STORAGE_KEY) || null;
      } catch {
        return null;
      }
    },
    set(value) {
      try {
        window.sessionStorage.setItem(STORAGE_KEY, value);
      } catch {
        /* storage unavailable (private mode etc.): keep the id in memory only */
      }
    },
    clear() {
      try {
        window.sessionStorage.removeItem(STORAGE_KEY);
      } catch {
        /* ignore */
      }
    },
  };

  const str = (value) => (typeof value === 'string' && value.trim() !== '' ? value : null);

  /** Returns a normalised absolute http(s) URL, or null for anything else. */
  function safeUrl(raw) {
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

  /** "2026-11-23" -> "23.11.2026"; anything else is returned unchanged. */
  function formatDate(raw) {
    if (typeof raw !== 'string') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
    if (!m) return str(raw);
    return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
  }

  /** Accepts anything and returns {text, buttons, cards} with safe types. */
  function normaliseMessage(raw) {
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

  // ---------------------------------------------------------------------------
  // 1. API client
  // ---------------------------------------------------------------------------

  class ApiError extends Error {
    /**
     * @param {'network'|'http'|'invalid'|'aborted'} kind
     * @param {number} status HTTP status (0 when there was no response)
     * @param {string|null} detail the server's `detail` when it was a string
     */
    constructor(kind, status = 0, detail = null) {
      super(detail || kind);
      this.name = 'ApiError';
      this.kind = kind;
      this.status = status;
      this.detail = detail;
    }
  }

  const api = (() => {
    async function request(method, path, { body, signal } = {}) {
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
      const forwardAbort = () => controller.abort();
      if (signal) {
        if (signal.aborted) controller.abort();
        else signal.addEventListener('abort', forwardAbort, { once: true });
      }

      try {
        const headers = { Accept: 'application/json' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const res = await fetch(path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: 'same-origin',
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
          throw new ApiError('http', res.status, detail);
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
        const data = await request('POST', '/api/chat', { body, signal });
        if (!data || typeof data !== 'object' || !Array.isArray(data.messages)) {
          throw new ApiError('invalid', 200);
        }
        return {
          sessionId: str(data.session_id),
          messages: data.messages.map(normaliseMessage),
        };
      },

      /** GET /api/chat/{id}/history -> [{sender, text, buttons, cards}] */
      async getHistory(sessionId, signal) {
        const data = await request(
          'GET',
          `/api/chat/${encodeURIComponent(sessionId)}/history`,
          { signal }
        );
        if (!data || typeof data !== 'object' || !Array.isArray(data.messages)) {
          throw new ApiError('invalid', 200);
        }
        return data.messages.map((m) => ({
          sender: m && m.sender === 'user' ? 'user' : 'bot',
          ...normaliseMessage(m),
        }));
      },

      /** DELETE /api/chat/{id} */
      async deleteSession(sessionId, signal) {
        await request('DELETE', `/api/chat/${encodeURIComponent(sessionId)}`, { signal });
      },
    };
  })();

  /** Finnish text for an ApiError (server's own Finnish detail when given). */
  function errorText(err) {
    if (!(err instanceof ApiError) || err.kind === 'network') return T.errNetwork;
    if (err.kind === 'http') {
      switch (err.status) {
        case 400:
        case 413:
        case 422:
          return err.detail || T.errValidation;
        case 429:
          return err.detail || T.errRateLimit;
        case 503:
          return err.detail || T.errUnavailable;
        default:
          return T.errGeneric;
      }
    }
    return T.errGeneric;
  }

  // ---------------------------------------------------------------------------
  // 2. Rendering (DOM only, text via textContent)
  // ---------------------------------------------------------------------------

  const render = (() => {
    // http(s) URLs inside running text
    const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;

    function el(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text != null) node.textContent = text;
      return node;
    }

    function hidden(text) {
      return el('span', 'visually-hidden', text);
    }

    /** <a> to an already validated URL, opened in a new tab. */
    function externalLink(href, text, srExtra = '') {
      const a = el('a', null, text);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      const mark = el('span', 'external-mark', '↗');
      mark.setAttribute('aria-hidden', 'true');
      a.append(mark, hidden(srExtra + T.newTab));
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
    function appendLinkified(parent, line) {
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

    /**
     * Multi-line text: blank lines separate paragraphs, single line breaks
     * become <br>. linkify=false keeps everything as plain text.
     */
    function richText(container, text, { linkify = true } = {}) {
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

    function quickReplies(buttons) {
      const group = el('div', 'quick-replies');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', T.quickRepliesLabel);
      for (const b of buttons) {
        const btn = el('button', 'quick-reply', b.title || b.payload);
        btn.type = 'button';
        btn.dataset.payload = b.payload;
        btn.dataset.title = b.title || b.payload;
        group.append(btn);
      }
      return group;
    }

    function serviceCard(card) {
      const title = str(card.title) || T.cardFallbackTitle;
      const article = el('article', 'card');

      const head = el('div', 'card-head');
      head.append(el('h3', 'card-title', title));
      const scopeText =
        typeof card.scope === 'string' && Object.prototype.hasOwnProperty.call(T.scope, card.scope)
          ? T.scope[card.scope]
          : null;
      if (scopeText) {
        const badge = el('span', `badge badge-${card.scope}`);
        badge.append(hidden(T.scopeLabel), document.createTextNode(scopeText));
        head.append(badge);
      }
      article.append(head);

      const summary = str(card.summary);
      if (summary) article.append(richText(el('div', 'card-summary'), summary, { linkify: false }));

      const provider = str(card.provider);
      const contact = str(card.contact);
      if (provider || contact) {
        const dl = el('dl', 'card-meta');
        if (provider) {
          const row = el('div');
          row.append(el('dt', null, T.provider), el('dd', null, provider));
          dl.append(row);
        }
        if (contact) {
          const row = el('div');
          const dd = el('dd');
          contact
            .replace(/\r\n?/g, '\n')
            .split('\n')
            .forEach((line, i) => {
              if (i > 0) dd.append(el('br'));
              appendLinkified(dd, line);
            });
          row.append(el('dt', null, T.contact), dd);
          dl.append(row);
        }
        article.append(dl);
      }

      const moreUrl = safeUrl(card.url);
      const sourceUrl = safeUrl(card.source_url);
      const checked = formatDate(card.last_verified);
      if (moreUrl || sourceUrl || checked) {
        const links = el('p', 'card-links');
        if (moreUrl) {
          const more = externalLink(moreUrl, T.readMore, `: ${title}`);
          more.classList.add('card-more');
          links.append(more);
        }
        const source = el('span', 'card-source');
        if (sourceUrl) {
          source.append(externalLink(sourceUrl, T.source, `: ${title}`));
          if (checked) source.append(document.createTextNode(`, ${T.checked} ${checked}`));
        } else if (checked) {
          // no usable source link: keep only the verification date, as text
          source.append(document.createTextNode(`${T.checkedCapital} ${checked}`));
        }
        if (source.childNodes.length) links.append(source);
        article.append(links);
      }

      return article;
    }

    /** One bot message (text + cards + buttons) or null if it is empty. */
    function botMessage(msg) {
      if (!msg.text && !msg.cards.length && !msg.buttons.length) return null;
      const wrap = el('div', 'msg msg-bot');
      wrap.append(hidden(T.botSays));
      if (msg.text) wrap.append(richText(el('div', 'bubble'), msg.text));
      if (msg.cards.length) {
        const list = el('ul', 'cards');
        for (const card of msg.cards) {
          const li = el('li');
          li.append(serviceCard(card));
          list.append(li);
        }
        wrap.append(list);
      }
      if (msg.buttons.length) wrap.append(quickReplies(msg.buttons));
      return wrap;
    }

    function userMessage(text) {
      const wrap = el('div', 'msg msg-user');
      const bubble = el('div', 'bubble');
      bubble.append(hidden(T.userSays + ' '), document.createTextNode(text));
      wrap.append(bubble);
      return wrap;
    }

    function errorMessage(text) {
      const wrap = el('div', 'msg msg-error');
      const bubble = el('div', 'bubble');
      const icon = el('span', 'error-icon', '!');
      icon.setAttribute('aria-hidden', 'true');
      bubble.append(icon, hidden(`${T.botSays} ${T.errorPrefix} `), document.createTextNode(text));
      wrap.append(bubble);
      return wrap;
    }

    function typingContent() {
      const dots = el('span', 'typing-dots');
      dots.setAttribute('aria-hidden', 'true');
      dots.append(el('span'), el('span'), el('span'));
      const frag = document.createDocumentFragment();
      frag.append(dots, el('span', 'typing-text', T.typing));
      return frag;
    }

    return { botMessage, userMessage, errorMessage, typingContent };
  })();

  // ---------------------------------------------------------------------------
  // 3. App / controller
  // ---------------------------------------------------------------------------

  function start() {
    const els = {
      scroller: document.getElementById('chat-scroller'),
      log: document.getElementById('chat-log'),
      typing: document.getElementById('typing-indicator'),
      form: document.getElementById('composer'),
      input: document.getElementById('message-input'),
      count: document.getElementById('char-count'),
      restart: document.getElementById('restart-button'),
      del: document.getElementById('delete-button'),
      status: document.getElementById('sr-status'),
    };
    if (Object.values(els).some((node) => !node)) return;

    const state = {
      sessionId: storage.get(),
      busy: false,
      generation: 0, // bumped on restart/delete; stale responses are dropped
      abort: null, // AbortController of the running request
    };

    // ----- view helpers -----

    function setSession(id) {
      state.sessionId = id || null;
      if (id) storage.set(id);
      else storage.clear();
    }

    function announce(text) {
      els.status.textContent = '';
      window.setTimeout(() => {
        els.status.textContent = text;
      }, 50);
    }

    function setTyping(on) {
      els.typing.replaceChildren();
      if (on) {
        els.typing.append(render.typingContent());
        scrollToBottom();
      }
    }

    function isScrollable() {
      return els.scroller.scrollHeight > els.scroller.clientHeight + 1;
    }

    /** The message area gets a tab stop only when it actually scrolls. */
    function updateScrollerFocusable() {
      if (isScrollable()) els.scroller.tabIndex = 0;
      else els.scroller.removeAttribute('tabindex');
    }

    function scrollToBottom() {
      updateScrollerFocusable();
      if (isScrollable()) els.scroller.scrollTop = els.scroller.scrollHeight;
    }

    /** Show the start of `node` (long answers are read from the top). */
    function scrollToNode(node) {
      updateScrollerFocusable();
      if (!node || !isScrollable()) return;
      els.scroller.scrollTop = Math.max(0, node.offsetTop - 12);
    }

    function clearView() {
      els.log.replaceChildren();
      setTyping(false);
      els.scroller.scrollTop = 0;
      updateScrollerFocusable();
    }

    /** Appends bot messages; returns how many were shown. */
    function appendBotMessages(messages) {
      let first = null;
      let count = 0;
      const frag = document.createDocumentFragment();
      for (const msg of messages) {
        const node = render.botMessage(msg);
        if (!node) continue;
        frag.append(node);
        first = first || node;
        count += 1;
      }
      els.log.append(frag); // one insertion: announced once by the live log
      scrollToNode(first);
      return count;
    }

    function appendUser(text) {
      const node = render.userMessage(text);
      els.log.append(node);
      scrollToBottom();
    }

    function appendError(text) {
      const node = render.errorMessage(text);
      els.log.append(node);
      scrollToNode(node);
    }

    /** Disables all active quick replies; returns them so they can be re-enabled. */
    function disableQuickReplies(chosen) {
      const active = Array.from(els.log.querySelectorAll('button.quick-reply:not(:disabled)'));
      for (const btn of active) btn.disabled = true;
      if (chosen) markChosen(chosen);
      return active;
    }

    /* "(valittu)" comes from CSS (.is-chosen::after): a class change is not an
       addition to the live log, so it is not announced as a new message. */
    function markChosen(btn) {
      btn.classList.add('is-chosen');
    }

    function restoreQuickReplies(buttons) {
      for (const btn of buttons) {
        if (!btn.isConnected) continue;
        btn.disabled = false;
        btn.classList.remove('is-chosen');
      }
    }

    function updateCount() {
      const len = els.input.value.length;
      els.count.textContent = `${len}/${MAX_MESSAGE_LENGTH}`;
      const full = len >= MAX_MESSAGE_LENGTH;
      if (full && !els.count.classList.contains('is-full')) announce(T.limitReached);
      els.count.classList.toggle('is-full', full);
    }

    function autoGrow() {
      const ta = els.input;
      ta.style.height = 'auto';
      // border-box: content height + 2 × 2px border; CSS max-height caps it
      ta.style.height = `${ta.scrollHeight + 4}px`;
    }

    function focusInput() {
      els.input.focus();
    }

    // ----- request handling -----

    /** Cancels whatever is running and invalidates its result. */
    function cancelPending() {
      state.generation += 1;
      if (state.abort) state.abort.abort();
      state.abort = null;
      state.busy = false;
      setTyping(false);
    }

    /**
     * Sends a message to the bot.
     * options.display: text for the user's bubble (default: message)
     * options.silent:  don't show a user bubble (commands like /greet)
     * options.chosen:  the quick-reply button that was clicked
     * Resolves to {status: 'ok'|'failed'|'cancelled', shown: number}.
     */
    async function send(message, { display = null, silent = false, chosen = null } = {}) {
      if (state.busy) {
        announce(T.waitForReply);
        return { status: 'cancelled', shown: 0 };
      }
      const generation = state.generation;
      const controller = new AbortController();
      state.busy = true;
      state.abort = controller;

      const disabled = disableQuickReplies(chosen);
      if (!silent) appendUser(display || message);
      setTyping(true);

      const finish = () => {
        state.busy = false;
        state.abort = null;
        setTyping(false);
      };

      try {
        let result;
        try {
          result = await api.sendMessage(state.sessionId, message, controller.signal);
        } catch (err) {
          // Unknown / expired session: start a fresh one and try once more.
          if (err instanceof ApiError && err.status === 404 && state.sessionId && generation === state.generation) {
            setSession(null);
            result = await api.sendMessage(null, message, controller.signal);
          } else {
            throw err;
          }
        }
        if (generation !== state.generation) return { status: 'cancelled', shown: 0 };
        if (result.sessionId) setSession(result.sessionId);
        finish();
        const shown = appendBotMessages(result.messages);
        return { status: 'ok', shown };
      } catch (err) {
        if (generation !== state.generation || (err instanceof ApiError && err.kind === 'aborted')) {
          return { status: 'cancelled', shown: 0 };
        }
        finish();
        restoreQuickReplies(disabled);
        appendError(errorText(err));
        return { status: 'failed', shown: 0 };
      }
    }

    /** Renders a stored conversation without announcing every old message. */
    function renderHistory(items) {
      els.log.setAttribute('aria-live', 'off');
      let lastButtons = new Map(); // payload -> button element of the latest bot message
      for (const item of items) {
        if (item.sender === 'bot') {
          const node = render.botMessage(item);
          if (!node) continue;
          els.log.append(node);
          const buttons = node.querySelectorAll('button.quick-reply');
          if (buttons.length) {
            lastButtons = new Map(Array.from(buttons, (b) => [b.dataset.payload, b]));
          }
          continue;
        }
        const text = item.text || '';
        if (text === CMD_RESTART) {
          // what the user saw after "Aloita alusta" was an empty view
          els.log.replaceChildren();
          lastButtons = new Map();
          continue;
        }
        const clicked = lastButtons.get(text);
        disableQuickReplies(clicked || null);
        lastButtons = new Map();
        if (clicked) els.log.append(render.userMessage(clicked.dataset.title));
        else if (text && !text.startsWith('/')) els.log.append(render.userMessage(text));
        // other slash commands (/greet, intents) were sent silently
      }
      scrollToBottom();
      window.setTimeout(() => els.log.setAttribute('aria-live', 'polite'), 500);
    }

    async function greet() {
      await send(CMD_GREET, { silent: true });
    }

    async function init() {
      const id = state.sessionId;
      if (!id) {
        await greet();
        return;
      }

      const generation = state.generation;
      const controller = new AbortController();
      state.busy = true;
      state.abort = controller;
      try {
        const items = await api.getHistory(id, controller.signal);
        if (generation !== state.generation) return;
        state.busy = false;
        state.abort = null;
        if (items.length) {
          renderHistory(items);
          return;
        }
      } catch (err) {
        if (generation !== state.generation) return;
        state.busy = false;
        state.abort = null;
        if (err instanceof ApiError && err.status === 404) {
          setSession(null); // expired or deleted on the server
        } else {
          appendError(errorText(err));
          return;
        }
      }
      await greet();
    }

    async function restart() {
      cancelPending();
      clearView();
      announce(T.restarted);
      focusInput();
      const result = await send(CMD_RESTART, { silent: true });
      // If the restart produced no visible reply, fetch the greeting instead.
      if (result.status === 'ok' && result.shown === 0) await greet();
    }

    async function deleteConversation() {
      if (!window.confirm(T.confirmDelete)) return;
      cancelPending();
      const id = state.sessionId;
      if (id) {
        const generation = state.generation;
        const controller = new AbortController();
        state.busy = true;
        state.abort = controller;
        try {
          await api.deleteSession(id, controller.signal);
        } catch (err) {
          if (generation !== state.generation) return;
          state.busy = false;
          state.abort = null;
          if (!(err instanceof ApiError && err.status === 404)) {
            const msg = err instanceof ApiError && err.kind === 'network' ? T.errNetwork : T.errDelete;
            appendError(msg);
            return;
          }
        }
        if (generation !== state.generation) return;
        state.busy = false;
        state.abort = null;
      }
      setSession(null);
      clearView();
      announce(T.deleted);
      focusInput();
      await greet();
    }

    // ----- event handlers -----

    async function onSubmit(event) {
      event.preventDefault();
      const text = els.input.value.trim();
      focusInput();
      if (!text) return;
      if (state.busy) {
        announce(T.waitForReply);
        return;
      }
      els.input.value = '';
      updateCount();
      autoGrow();
      const result = await send(text.slice(0, MAX_MESSAGE_LENGTH));
      // Give the text back so "try again" is one key press away.
      if (result.status === 'failed' && els.input.value === '') {
        els.input.value = text;
        updateCount();
        autoGrow();
      }
    }

    function onKeyDown(event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (typeof els.form.requestSubmit === 'function') els.form.requestSubmit();
      else els.form.dispatchEvent(new Event('submit', { cancelable: true }));
    }

    // Touch taps on quick replies should not pop up the on-screen keyboard.
    let lastPointerType = '';
    function onLogPointerDown(event) {
      lastPointerType = event.pointerType || '';
    }

    function onLogClick(event) {
      const btn = event.target instanceof Element ? event.target.closest('button.quick-reply') : null;
      if (!btn || btn.disabled || !els.log.contains(btn)) return;
      if (state.busy) {
        announce(T.waitForReply);
        return;
      }
      const byTouch = lastPointerType === 'touch' && event.detail > 0;
      lastPointerType = '';
      if (!byTouch) focusInput();
      send(btn.dataset.payload, { display: btn.dataset.title, chosen: btn });
    }

    els.form.addEventListener('submit', onSubmit);
    els.input.addEventListener('keydown', onKeyDown);
    els.input.addEventListener('input', () => {
      updateCount();
      autoGrow();
    });
    els.log.addEventListener('pointerdown', onLogPointerDown);
    els.log.addEventListener('click', onLogClick);
    els.restart.addEventListener('click', restart);
    els.del.addEventListener('click', deleteConversation);
    window.addEventListener('resize', updateScrollerFocusable);

    updateCount();
    init();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
})();
