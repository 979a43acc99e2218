/*
 * Polkuopas widget – one key of localStorage / sessionStorage, failing quietly where
 * storage is unavailable (private mode, blocked cookies …).
 */

/** area: 'localStorage' or 'sessionStorage'. */
export function makeStore(area, key) {
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

/**
 * The conversation as the widget keeps it: its session id (localStorage, so it survives reloads
 * and other tabs) and, beside it, its language (the panel's choice or the server's answer).
 * The language goes with the session: clearing the session clears it too.
 */
export function makeConversationStore(origin) {
  const sessionKey = `polkuopas.sessionId@${origin}`;
  const langKey = `polkuopas.lang@${origin}`;
  const session = makeStore('localStorage', sessionKey);
  const lang = makeStore('localStorage', langKey);
  return {
    sessionKey,
    langKey,
    getSession: () => session.get(),
    getLang: () => lang.get(),
    /** Keeps the session id and its language; null forgets both. */
    set(id, language = null) {
      if (!id) {
        session.clear();
        lang.clear();
        return;
      }
      session.set(id);
      if (language) lang.set(language);
    },
    setLang(language) {
      if (session.get() && language) lang.set(language);
    },
  };
}
