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
