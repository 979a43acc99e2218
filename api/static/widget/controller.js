/*
 * Polkuopas widget – the controller: the conversation's state, sending and receiving,
 * history, restart and delete, open / close, keyboard and the other tabs.
 */

import { ApiError, createApi, errorText } from './api.js';
import { botMessage, errorMessage, typingContent, userMessage } from './render.js';
import { MAX_MESSAGE_LENGTH, applyWords, buildShell } from './shell.js';
import { makeConversationStore, makeStore } from './storage.js';
import { currentLanguage, loadStrings, supported, t, translateDocument } from './strings.js';
import { str } from './text.js';

const CMD_GREET = '/greet';
const CMD_RESTART = '/restart';
// the panel's language switch (the gateway passes it to the assistant, which confirms in the new language)
const switchLanguageCommand = (lang) => `/switch_language{"language": "${lang}"}`; // lang: one of LANGUAGES

/** Does the bot's text ask for the municipality? (the catalogue's words for it, in the current language) */
function asksMunicipality(text) {
  const lower = text.toLocaleLowerCase();
  return t('widget.match.municipality_question')
    .split('|')
    .map((words) => words.trim().toLocaleLowerCase())
    .some((words) => words && lower.includes(words));
}

/** The language the conversation kept in this browser was in, or null (main.js, before the words load). */
export function storedLanguage(origin) {
  return supported(makeConversationStore(origin).getLang());
}

/**
 * Mounts the chat and runs it; the words of the starting language are loaded (strings.js).
 * config: {script, origin, mode: 'widget'|'page', municipality, targetId, lang} (main.js)
 */
export function start(config) {
  const { origin, mode, municipality } = config;
  if (mode === 'widget' && document.querySelector('polkuopas-widget')) return; // included twice
  const els = buildShell(config);
  if (!els) return;

  const api = createApi({ origin, municipality });
  // the conversation (and its language) survives reloads and other tabs; the open panel survives
  // reloads in this tab
  const conversationStore = makeConversationStore(origin);
  const STORAGE_KEY = conversationStore.sessionKey;
  const openStore = makeStore('sessionStorage', `polkuopas.widgetOpen@${origin}`);

  // the labels of codes on service cards (GET /api/vocabulary), fetched when a card first arrives
  let vocabulary = null;
  let vocabularyLoading = null;
  function loadVocabulary() {
    if (!vocabularyLoading) {
      const lang = currentLanguage();
      const loading = api.getVocabulary(lang).then((maps) => {
        if (vocabularyLoading === loading) vocabulary = maps; // not when the language changed meanwhile
      });
      vocabularyLoading = loading;
    }
    return vocabularyLoading;
  }
  const withCards = (messages) => messages.some((m) => m.cards.length);

  const state = {
    sessionId: conversationStore.getSession(),
    lang: currentLanguage(), // the conversation's language: sent with every message
    busy: false,
    started: false, // history / greeting loaded
    generation: 0, // bumped on restart/delete; stale responses are dropped
    abort: null, // AbortController of the running request
  };

  // ----- view helpers -----

  function setSession(id) {
    state.sessionId = id || null;
    conversationStore.set(state.sessionId, state.lang);
  }

  /** The server's retention period (days), said in the privacy line. */
  function setRetention(days) {
    els.retentionDays = days;
    els.privacy.textContent = t('widget.privacy', { days });
  }

  /** Our own page (the chat page /, not a municipality's site): its <html lang> and words follow. */
  function applyPageLanguage() {
    if (mode !== 'page') return;
    document.documentElement.lang = currentLanguage();
    translateDocument(document);
  }

  /**
   * The conversation is now in `lang` (the server's answer or the panel's switch): keep it and
   * redraw the panel's own words in it. Messages already shown stay as they were.
   */
  async function adoptLanguage(lang) {
    const code = supported(lang);
    if (!code) return;
    state.lang = code;
    conversationStore.setLang(code);
    if (code === currentLanguage()) return;
    try {
      await loadStrings(origin, code);
    } catch {
      return; // the words stay in the old language; the conversation goes on in the new one
    }
    vocabulary = null; // the labels of codes in the new language, when a card next needs them
    vocabularyLoading = null;
    applyWords(els, config);
    applyPageLanguage();
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
      if (msg.cards.length) parts.push(t.count('widget.cards_announced', msg.cards.length));
      if (msg.buttons.length) {
        parts.push(`${t('widget.replies_announced')} ${msg.buttons.map((b) => b.title || b.payload).join(', ')}.`);
      }
    }
    return parts.join(' ');
  }

  function setTyping(on) {
    els.typing.replaceChildren();
    els.busyStatus.textContent = on ? t('widget.typing') : '';
    if (on) {
      els.typing.append(typingContent());
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
    if (!municipality || !msg.text || !asksMunicipality(msg.text)) return msg;
    const lower = municipality.toLocaleLowerCase('fi');
    if (msg.buttons.some((b) => (b.title || '').toLocaleLowerCase('fi') === lower)) return msg;
    return { ...msg, buttons: [{ title: municipality, payload: municipality }, ...msg.buttons] };
  }

  /** Appends bot messages; returns how many were shown. */
  function appendBotMessages(messages) {
    let first = null;
    let count = 0;
    const shown = [];
    const frag = document.createDocumentFragment();
    for (const raw of messages) {
      const msg = withMunicipality(raw);
      const node = botMessage(msg, vocabulary);
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
    els.log.append(userMessage(text));
    scrollToBottom();
  }

  function appendError(text) {
    const node = errorMessage(text);
    els.log.append(node);
    announce(`${t('widget.error_prefix')} ${text}`);
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
    if (full && !els.count.classList.contains('is-full')) announce(t('widget.limit_reached'));
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
   * The conversation's language goes with it; the answer's language is adopted before its
   * messages are shown.
   * Resolves to {status: 'ok'|'failed'|'cancelled', shown: number}.
   */
  async function send(message, { display = null, silent = false, chosen = null } = {}) {
    if (state.busy) {
      announce(t('widget.wait_for_reply'));
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
        result = await api.sendMessage(state.sessionId, message, controller.signal, state.lang);
      } catch (err) {
        // Unknown / expired session: start a fresh one and try once more.
        if (err instanceof ApiError && err.status === 404 && state.sessionId && generation === state.generation) {
          setSession(null);
          result = await api.sendMessage(null, message, controller.signal, state.lang);
        } else {
          throw err;
        }
      }
      if (generation !== state.generation) return { status: 'cancelled', shown: 0 };
      if (result.sessionId) setSession(result.sessionId);
      if (result.lang) await adoptLanguage(result.lang);
      if (withCards(result.messages)) await loadVocabulary();
      if (generation !== state.generation) return { status: 'cancelled', shown: 0 };
      if (result.retentionDays) setRetention(result.retentionDays);
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
        const node = botMessage(withMunicipality(item), vocabulary);
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
      if (clicked) els.log.append(userMessage(clicked.dataset.title));
      else if (text && !text.startsWith('/')) els.log.append(userMessage(text));
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
      const { items, retentionDays: days } = await api.getHistory(id, controller.signal, state.lang);
      if (withCards(items)) await loadVocabulary();
      if (generation !== state.generation) return;
      if (days) setRetention(days);
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
    announce(t('widget.restarted'));
    focusInput();
    const result = await send(CMD_RESTART, { silent: true });
    // If the restart produced no visible reply, fetch the greeting instead.
    if (result.status === 'ok' && result.shown === 0) await greet();
  }

  async function deleteConversation() {
    if (!window.confirm(t('widget.confirm_delete'))) return;
    cancelPending();
    state.started = true;
    const id = state.sessionId;
    if (id) {
      const generation = state.generation;
      const controller = new AbortController();
      state.busy = true;
      state.abort = controller;
      try {
        await api.deleteSession(id, controller.signal, state.lang);
      } catch (err) {
        if (generation !== state.generation) return;
        state.busy = false;
        state.abort = null;
        if (!(err instanceof ApiError && err.status === 404)) {
          const msg =
            err instanceof ApiError && err.kind === 'network' ? t('widget.errors.network') : t('widget.errors.delete');
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
    announce(t('widget.deleted'));
    focusInput();
    await greet();
  }

  // ----- open / close (widget mode) -----

  function isOpen() {
    return mode === 'page' || !els.panel.hidden;
  }

  function open({ focus = true } = {}) {
    if (mode === 'page') return;
    els.panel.hidden = false;
    els.launcher.setAttribute('aria-expanded', 'true');
    els.root.classList.add('is-open');
    openStore.set('1');
    if (focus) focusInput();
    updateScrollerFocusable();
    init();
  }

  function close({ focus = true } = {}) {
    if (mode === 'page' || els.panel.hidden) return;
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
      announce(t('widget.wait_for_reply'));
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
    if (event.key !== 'Escape' || event.isComposing || mode !== 'widget' || !isOpen()) return;
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
      announce(t('widget.wait_for_reply'));
      return;
    }
    const byTouch = lastPointerType === 'touch' && event.detail > 0;
    lastPointerType = '';
    if (!byTouch) focusInput();
    send(btn.dataset.payload, { display: btn.dataset.title, chosen: btn });
  }

  /** The panel's language switch: the assistant is told silently and answers in the new language. */
  async function onLanguageClick(event) {
    const btn = event.currentTarget;
    const lang = supported(btn.dataset.lang);
    if (!lang || lang === state.lang) return;
    if (state.busy) {
      announce(t('widget.wait_for_reply'));
      return;
    }
    await adoptLanguage(lang); // the panel's words change at once, also if the assistant is down
    state.started = true;
    await send(switchLanguageCommand(lang), { silent: true });
  }

  /** Another tab deleted or replaced the conversation, or changed its language: follow it. */
  function onStorage(event) {
    if (event.key === conversationStore.langKey) {
      if (supported(event.newValue) && event.newValue !== state.lang && state.sessionId) adoptLanguage(event.newValue);
      return;
    }
    if (event.key !== STORAGE_KEY || event.newValue === state.sessionId) return;
    cancelPending();
    clearView();
    state.sessionId = event.newValue || null;
    if (!state.sessionId) {
      // deleted in another tab: say so, and start anew only when the user writes
      state.started = true;
      appendBotMessages([{ text: t('widget.deleted_elsewhere'), buttons: [], cards: [] }]);
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
  for (const button of els.languageButtons) button.addEventListener('click', onLanguageClick);
  els.root.addEventListener('keydown', onRootKeyDown);
  window.addEventListener('resize', updateScrollerFocusable);
  window.addEventListener('storage', onStorage);

  if (mode === 'widget') {
    els.launcher.addEventListener('click', () => (isOpen() ? close() : open()));
    els.close.addEventListener('click', () => close());
    if (openStore.get()) open({ focus: false }); // stays open across reloads in this tab
  } else {
    applyPageLanguage();
    // "skip to the chat" links point at the host element: move on to the input
    if (!els.host.hasAttribute('tabindex')) els.host.tabIndex = -1;
    els.host.addEventListener('focus', (event) => {
      if (event.target === els.host) focusInput();
    });
    init();
  }
  updateCount();
}
