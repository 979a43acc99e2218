/*
 * Polkuopas – chat widget.
 *
 * One script for both uses:
 *   - embedded on a municipality's site with one line:
 *       <script src="https://HOST/static/widget.js" data-municipality="Tampere" async></script>
 *     → a launcher button and a chat panel (role="dialog") in the corner;
 *   - the chat page at / (data-mode="page", data-target="ELEMENT-ID")
 *     → the same panel inline, always open.
 *
 * Everything lives in a Shadow DOM with its own stylesheet (widget.css from the
 * script's origin), so the host page's CSS does not leak in and ours does not
 * leak out. The widget talks only to the origin it was loaded from.
 *
 * Plain ES2020, no dependencies, no globals (except window.PolkuopasText in library mode,
 * used by our own lookup page). Every server or user string goes
 * through textContent / DOM APIs, never innerHTML; only absolute http(s) URLs
 * become links.
 */
(() => {
  'use strict';

  const SCRIPT = document.currentScript;
  if (!SCRIPT || !SCRIPT.src) return;
  const ORIGIN = new URL(SCRIPT.src, document.baseURI).origin;
  // 'widget' (launcher + panel), 'page' (inline chat) or 'library' (no chat: the safe-text
  // helpers for our own lookup page, as window.PolkuopasText)
  const MODE = ['page', 'library'].includes(SCRIPT.dataset.mode) ? SCRIPT.dataset.mode : 'widget';
  const MUNICIPALITY = (SCRIPT.dataset.municipality || '').trim().slice(0, 100) || null;
  const TARGET_ID = SCRIPT.dataset.target || null;

  // ---------------------------------------------------------------------------
  // Constants and Finnish UI strings
  // ---------------------------------------------------------------------------

  const STORAGE_KEY = `polkuopas.sessionId@${ORIGIN}`;
  const OPEN_KEY = `polkuopas.widgetOpen@${ORIGIN}`;
  const MAX_MESSAGE_LENGTH = 1000;
  const REQUEST_TIMEOUT_MS = 60000;
  const DEFAULT_RETENTION_DAYS = 30;

  const CMD_GREET = '/greet';
  const CMD_RESTART = '/restart';

  // bot questions that ask for the municipality: offer data-municipality as a reply
  const MUNICIPALITY_QUESTION = /paikkakunnalla|Missä kunnassa/i;

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
    launcher: 'Kysy Polkuoppaalta',
    panelTitle: 'Polkuopas',
    pageTitle: 'Keskustelu Polkuoppaan kanssa',
    panelSubtitle: 'Työllisyyspalvelujen opas',
    municipalityPrefix: 'Kunta: ',
    close: 'Sulje keskustelu',
    restart: 'Aloita alusta',
    del: 'Poista keskustelu',
    conversation: 'Keskustelu',
    messages: 'Viestit',
    inputLabel: 'Viestisi',
    send: 'Lähetä',
    hint: 'Enter lähettää viestin, Shift + Enter vaihtaa riviä.',
    privacy: (days) =>
      'Keskustelu tallennetaan palvelimelle, jotta voit jatkaa sitä. Se poistetaan ' +
      `${days} päivän kuluttua tai heti, kun valitset Poista keskustelu. Älä kirjoita ` +
      'henkilötunnusta tai tarkkoja terveystietoja.',
    cardsAnnounced: (n) => (n === 1 ? '1 palvelu.' : `${n} palvelua.`),
    repliesAnnounced: 'Vastausvaihtoehdot:',
    errNetwork: 'Yhteys katkesi. Yritä hetken päästä uudelleen.',
    errValidation: 'Viestiä ei voitu lähettää. Viestin pituus voi olla 1–1000 merkkiä.',
    errRateLimit: 'Liian monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    errUnavailable: 'Palvelu ei ole juuri nyt käytettävissä. Yritä hetken päästä uudelleen.',
    errGeneric: 'Jotain meni vikaan. Yritä hetken päästä uudelleen.',
    errDelete: 'Keskustelun poistaminen ei onnistunut. Yritä hetken päästä uudelleen.',
    confirmDelete:
      'Haluatko varmasti poistaa keskustelun? Poistettua keskustelua ei voi palauttaa.',
    restarted: 'Keskustelu aloitettiin alusta.',
    deleted: 'Keskustelu poistettiin. Uusi keskustelu alkaa.',
    deletedElsewhere: 'Keskustelu poistettiin toisessa välilehdessä. Voit aloittaa uuden kirjoittamalla viestin.',
    waitForReply: 'Odota hetki, Polkuopas vastaa vielä edelliseen viestiin.',
    limitReached: 'Viestin enimmäispituus, 1000 merkkiä, on täynnä.',
  };

  // ---------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------

  /** localStorage: the conversation survives reloads and other tabs. */
  function makeStore(area, key) {
    return {
      get() {
        try {
          return window[area].getItem(key) || null;
        } catch {
          return null;
        }
      },
      set(value) {
        try {
          window[area].setItem(key, value);
        } catch {
          /* storage unavailable (private mode etc.): keep the value in memory only */
        }
      },
      clear() {
        try {
          window[area].removeItem(key);
        } catch {
          /* ignore */
        }
      },
    };
  }
  const storage = makeStore('localStorage', STORAGE_KEY);
  const openStore = makeStore('sessionStorage', OPEN_KEY);

  // ---------------------------------------------------------------------------
  // Shared helpers
  // ---------------------------------------------------------------------------

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

  /** The server's retention period (days) from a chat or history response, or null. */
  function retentionDays(data) {
    const days = data && data.retention_days;
    return Number.isInteger(days) && days > 0 ? days : null;
  }

  // ---------------------------------------------------------------------------
  // 1. API client
  // ---------------------------------------------------------------------------

  class ApiError extends Error {
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
        const res = await fetch(ORIGIN + path, {
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
        if (MUNICIPALITY) body.municipality = MUNICIPALITY; // used when the user names none
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
    };
  })();

  /** Finnish text for an ApiError (the server's own Finnish detail for 4xx/503). */
  function errorText(err) {
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
      const a = el('a', 'ext', text); // .ext: print layouts show the address after the link
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

    /** Lines of text (e.g. a contact) separated by <br>, addresses as links. */
    function linkifiedLines(container, text) {
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
          row.append(el('dt', null, T.contact), linkifiedLines(el('dd'), contact));
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
      bubble.append(icon, hidden(`${T.botSays} ${T.errorPrefix} `));
      appendLinkified(bubble, text); // e.g. the Työmarkkinatori address when the bot is down
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

    return {
      botMessage, userMessage, errorMessage, typingContent,
      safeText: Object.freeze({ el, hidden, externalLink, appendLinkified, linkifiedLines, richText, safeUrl, formatDate }),
    };
  })();


  // ---------------------------------------------------------------------------
  // 3. Shell: host element, Shadow DOM, launcher and panel
  // ---------------------------------------------------------------------------

  function h(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    node.append(...children);
    return node;
  }

  function chatIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '24');
    svg.setAttribute('height', '24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute(
      'd',
      'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z'
    );
    svg.append(path);
    return svg;
  }

  /** Creates the host element and the Shadow DOM; returns the element map. */
  function buildShell() {
    let host;
    if (MODE === 'page') {
      host = (TARGET_ID && document.getElementById(TARGET_ID)) || null;
      if (!host) {
        host = document.createElement('div');
        SCRIPT.after(host);
      }
    } else {
      host = document.createElement('polkuopas-widget');
      document.body.append(host);
    }
    if (host.shadowRoot) return null; // already mounted
    const shadow = host.attachShadow({ mode: 'open' });

    const root = h('div', { className: `po-root po-mode-${MODE}`, lang: 'fi', dir: 'ltr' });
    root.hidden = true; // shown once widget.css has loaded (no flash of unstyled content)
    // links, buttons and service cards are styled as on our pages; the widget's own styles after
    const sheets = ['components.css', 'widget.css'].map((name) =>
      h('link', { rel: 'stylesheet', href: `${ORIGIN}/static/${name}` })
    );
    let waiting = sheets.length;
    const reveal = () => {
      root.hidden = false;
    };
    for (const sheet of sheets) {
      const loaded = () => {
        waiting -= 1;
        if (waiting === 0) reveal();
      };
      sheet.addEventListener('load', loaded, { once: true });
      sheet.addEventListener('error', loaded, { once: true });
    }
    window.setTimeout(reveal, 3000);

    const titleText = MODE === 'page' ? T.pageTitle : T.panelTitle;
    const title = h('h2', { id: 'po-title', className: 'po-title', text: titleText });
    const subtitle = h('p', {
      className: 'po-subtitle',
      text: MUNICIPALITY || T.panelSubtitle,
    });
    if (MUNICIPALITY) subtitle.prepend(h('span', { className: 'visually-hidden', text: T.municipalityPrefix }));
    const headText = h('div', { className: 'po-head-text' }, [title, subtitle]);
    const close =
      MODE === 'widget'
        ? h('button', { type: 'button', className: 'po-close', 'aria-label': T.close }, [
            h('span', { 'aria-hidden': 'true', text: '×' }),
          ])
        : null;
    const head = h('div', { className: 'po-head' }, close ? [headText, close] : [headText]);

    const restart = h('button', { type: 'button', className: 'btn btn-secondary', text: T.restart });
    const del = h('button', { type: 'button', className: 'btn btn-secondary', text: T.del });
    const toolbar = h('div', { className: 'po-toolbar' }, [restart, del]);

    // role="log" with aria-live off: new bot messages are announced once through `status`
    const log = h('div', { className: 'po-log', role: 'log', 'aria-live': 'off', 'aria-label': T.messages });
    const typing = h('div', { className: 'typing', 'aria-hidden': 'true' });
    const scroller = h('div', { className: 'po-scroller', role: 'region', 'aria-label': T.conversation }, [
      log,
      typing,
    ]);

    const input = h('textarea', {
      id: 'po-input',
      name: 'message',
      rows: '2',
      maxlength: String(MAX_MESSAGE_LENGTH),
      required: true,
      'aria-describedby': 'po-hint',
      spellcheck: 'true',
      autocomplete: 'off',
    });
    const send = h('button', { type: 'submit', className: 'btn btn-primary', text: T.send });
    const count = h('p', { className: 'hint char-count', text: `0/${MAX_MESSAGE_LENGTH}` });
    const form = h('form', { className: 'po-composer', autocomplete: 'off', novalidate: true }, [
      h('label', { for: 'po-input', className: 'po-label', text: T.inputLabel }),
      h('div', { className: 'po-composer-row' }, [input, send]),
      h('div', { className: 'po-composer-meta' }, [h('p', { id: 'po-hint', className: 'hint', text: T.hint }), count]),
    ]);
    // the server's retention period replaces the default once the first reply tells it
    const privacy = h('p', { className: 'po-privacy', text: T.privacy(DEFAULT_RETENTION_DAYS) });
    const status = h('div', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    const busyStatus = h('div', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

    const panelAttrs =
      MODE === 'widget'
        ? { id: 'po-panel', className: 'po-panel', role: 'dialog', 'aria-labelledby': 'po-title' }
        : { id: 'po-panel', className: 'po-panel', role: 'region', 'aria-labelledby': 'po-title' };
    const panel = h('section', panelAttrs, [head, toolbar, scroller, form, privacy, status, busyStatus]);

    let launcher = null;
    if (MODE === 'widget') {
      panel.hidden = true;
      launcher = h(
        'button',
        { type: 'button', className: 'po-launcher', 'aria-expanded': 'false', 'aria-controls': 'po-panel' },
        [chatIcon(), h('span', { className: 'po-launcher-text', text: T.launcher })]
      );
      root.append(launcher, panel);
    } else {
      root.append(panel);
    }
    shadow.append(...sheets, root);

    return {
      host, shadow, root, panel, launcher, close, scroller, log, typing, form, input, count,
      restart, del, status, busyStatus, privacy,
    };
  }

  // ---------------------------------------------------------------------------
  // 4. App / controller
  // ---------------------------------------------------------------------------

  function start() {
    if (MODE === 'widget' && document.querySelector('polkuopas-widget')) return; // included twice
    const els = buildShell();
    if (!els) return;

    const state = {
      sessionId: storage.get(),
      busy: false,
      started: false, // history / greeting loaded
      generation: 0, // bumped on restart/delete; stale responses are dropped
      abort: null, // AbortController of the running request
    };

    // ----- view helpers -----

    function setSession(id) {
      state.sessionId = id || null;
      if (id) storage.set(id);
      else storage.clear();
    }

    let announceTimer = 0;
    function announce(text) {
      window.clearTimeout(announceTimer);
      els.status.textContent = '';
      announceTimer = window.setTimeout(() => {
        els.status.textContent = text;
      }, 50);
    }

    /** Plain-text summary of new bot messages for the live region. */
    function spoken(messages) {
      const parts = [];
      for (const msg of messages) {
        if (msg.text) parts.push(msg.text.replace(/\s+/g, ' ').trim());
        if (msg.cards.length) parts.push(T.cardsAnnounced(msg.cards.length));
        if (msg.buttons.length) {
          parts.push(`${T.repliesAnnounced} ${msg.buttons.map((b) => b.title || b.payload).join(', ')}.`);
        }
      }
      return parts.join(' ');
    }

    function setTyping(on) {
      els.typing.replaceChildren();
      els.busyStatus.textContent = on ? T.typing : '';
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

    /** data-municipality as an extra quick reply when the bot asks for the municipality. */
    function withMunicipality(msg) {
      if (!MUNICIPALITY || !msg.text || !MUNICIPALITY_QUESTION.test(msg.text)) return msg;
      const lower = MUNICIPALITY.toLocaleLowerCase('fi');
      if (msg.buttons.some((b) => (b.title || '').toLocaleLowerCase('fi') === lower)) return msg;
      return { ...msg, buttons: [{ title: MUNICIPALITY, payload: MUNICIPALITY }, ...msg.buttons] };
    }

    /** Appends bot messages; returns how many were shown. */
    function appendBotMessages(messages) {
      let first = null;
      let count = 0;
      const shown = [];
      const frag = document.createDocumentFragment();
      for (const raw of messages) {
        const msg = withMunicipality(raw);
        const node = render.botMessage(msg);
        if (!node) continue;
        frag.append(node);
        shown.push(msg);
        first = first || node;
        count += 1;
      }
      els.log.append(frag);
      if (count) announce(spoken(shown)); // each new reply once, not the whole log
      scrollToNode(first);
      return count;
    }

    function appendUser(text) {
      els.log.append(render.userMessage(text));
      scrollToBottom();
    }

    function appendError(text) {
      const node = render.errorMessage(text);
      els.log.append(node);
      announce(`${T.errorPrefix} ${text}`);
      scrollToNode(node);
    }

    /** Disables all active quick replies; returns them so they can be re-enabled. */
    function disableQuickReplies(chosen) {
      const active = Array.from(els.log.querySelectorAll('button.quick-reply:not(:disabled)'));
      for (const btn of active) btn.disabled = true;
      if (chosen) chosen.classList.add('is-chosen'); // "(valittu)" comes from CSS
      return active;
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
        if (result.retentionDays) els.privacy.textContent = T.privacy(result.retentionDays);
        finish();
        const shown = appendBotMessages(result.messages);
        return { status: 'ok', shown };
      } catch (err) {
        if (generation !== state.generation || (err instanceof ApiError && err.kind === 'aborted')) {
          return { status: 'cancelled', shown: 0 };
        }
        // 503: the message was stored under this session even though the bot is down
        if (err instanceof ApiError && err.status === 503 && err.body && str(err.body.session_id)) {
          setSession(err.body.session_id);
        }
        finish();
        restoreQuickReplies(disabled);
        appendError(errorText(err));
        return { status: 'failed', shown: 0 };
      }
    }

    /** Renders a stored conversation without announcing the old messages. */
    function renderHistory(items) {
      let lastButtons = new Map(); // payload -> button element of the latest bot message
      for (const item of items) {
        if (item.sender === 'bot') {
          const node = render.botMessage(withMunicipality(item));
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
    }

    async function greet() {
      await send(CMD_GREET, { silent: true });
    }

    /** Loads the stored conversation (or greets); runs once, when the panel is first shown. */
    async function init() {
      if (state.started) return;
      state.started = true;
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
        const { items, retentionDays: days } = await api.getHistory(id, controller.signal);
        if (generation !== state.generation) return;
        if (days) els.privacy.textContent = T.privacy(days);
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
          state.started = false; // try again next time the panel opens
          appendError(errorText(err));
          return;
        }
      }
      await greet();
    }

    async function restart() {
      cancelPending();
      state.started = true;
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
      state.started = true;
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

    // ----- open / close (widget mode) -----

    function isOpen() {
      return MODE === 'page' || !els.panel.hidden;
    }

    function open({ focus = true } = {}) {
      if (MODE === 'page') return;
      els.panel.hidden = false;
      els.launcher.setAttribute('aria-expanded', 'true');
      els.root.classList.add('is-open');
      openStore.set('1');
      if (focus) focusInput();
      updateScrollerFocusable();
      init();
    }

    function close({ focus = true } = {}) {
      if (MODE === 'page' || els.panel.hidden) return;
      els.panel.hidden = true;
      els.launcher.setAttribute('aria-expanded', 'false');
      els.root.classList.remove('is-open');
      openStore.clear();
      if (focus) els.launcher.focus();
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

    function onInputKeyDown(event) {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      if (typeof els.form.requestSubmit === 'function') els.form.requestSubmit();
      else els.form.dispatchEvent(new Event('submit', { cancelable: true }));
    }

    function onRootKeyDown(event) {
      if (event.key !== 'Escape' || event.isComposing || MODE !== 'widget' || !isOpen()) return;
      event.preventDefault();
      event.stopPropagation();
      close();
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

    /** Another tab deleted or replaced the conversation: follow it. */
    function onStorage(event) {
      if (event.key !== STORAGE_KEY || event.newValue === state.sessionId) return;
      cancelPending();
      clearView();
      state.sessionId = event.newValue || null;
      if (!state.sessionId) {
        // deleted in another tab: say so, and start anew only when the user writes
        state.started = true;
        appendBotMessages([{ text: T.deletedElsewhere, buttons: [], cards: [] }]);
        return;
      }
      state.started = false;
      if (isOpen()) init();
    }

    els.form.addEventListener('submit', onSubmit);
    els.input.addEventListener('keydown', onInputKeyDown);
    els.input.addEventListener('input', () => {
      updateCount();
      autoGrow();
    });
    els.log.addEventListener('pointerdown', onLogPointerDown);
    els.log.addEventListener('click', onLogClick);
    els.restart.addEventListener('click', restart);
    els.del.addEventListener('click', deleteConversation);
    els.root.addEventListener('keydown', onRootKeyDown);
    window.addEventListener('resize', updateScrollerFocusable);
    window.addEventListener('storage', onStorage);

    if (MODE === 'widget') {
      els.launcher.addEventListener('click', () => (isOpen() ? close() : open()));
      els.close.addEventListener('click', () => close());
      if (openStore.get()) open({ focus: false }); // stays open across reloads in this tab
    } else {
      // "skip to the chat" links point at the host element: move on to the input
      if (!els.host.hasAttribute('tabindex')) els.host.tabIndex = -1;
      els.host.addEventListener('focus', (event) => {
        if (event.target === els.host) focusInput();
      });
      init();
    }
    updateCount();
  }

  if (MODE === 'library') {
    // our lookup page (/haku) renders server text with the same code as the chat
    if (!window.PolkuopasText) window.PolkuopasText = render.safeText;
    return;
  }
  if (document.readyState === 'loading' || !document.body) {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
})();
