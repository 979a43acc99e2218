/*
 * Polkuopas – chat widget (loader).
 *
 * One script for every use:
 *   - embedded on a municipality's site with one line:
 *       <script src="https://HOST/static/widget.js" data-municipality="Tampere" async></script>
 *     → a launcher button and a chat panel (role="dialog") in the corner;
 *   - the chat page at / (data-mode="page", data-target="ELEMENT-ID")
 *     → the same panel inline, always open;
 *   - data-mode="library" → no chat, window.PolkuopasText (the safe-text helpers) once
 *     window.PolkuopasTextReady has resolved. (Our lookup page imports widget/text.js instead.)
 *
 * This classic script only finds its own <script> element (document.currentScript exists only
 * here) and imports the widget's ES modules from widget/ next to it: widget/main.js says
 * which module does what. Everything lives in a Shadow DOM with its own stylesheets;
 * every server or user string goes through textContent / DOM APIs, never innerHTML.
 *
 * The modules come from this script's origin: a site on another origin needs to be in
 * POLKUOPAS_ALLOWED_ORIGINS (CORS), as for the chat requests themselves.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  if (!script || !script.src) return;
  const loaded = import(new URL('./widget/main.js', script.src).href).then((main) => main.boot(script));
  if (script.dataset.mode === 'library' && !window.PolkuopasTextReady) {
    window.PolkuopasTextReady = loaded;
  }
  loaded.catch((error) => {
    // e.g. an old browser, or a host page whose Content-Security-Policy blocks our origin
    console.error('Polkuopas: the chat widget could not be loaded.', error);
  });
})();
