/*
 * Polkuopas widget – the shell: the host element, its Shadow DOM (with the widget's own
 * stylesheets, so the host page's CSS does not leak in and ours does not leak out), the
 * launcher button and the chat panel.
 */

import { T } from './strings.js';

export const MAX_MESSAGE_LENGTH = 1000;
// shown until the server's first reply tells its retention period
const DEFAULT_RETENTION_DAYS = 30;

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

/**
 * Creates the host element and the Shadow DOM; returns the element map, or null when the
 * widget is already there.
 * config: {script, mode: 'widget'|'page', municipality, targetId} (main.js)
 */
export function buildShell({ script, mode, municipality, targetId }) {
  let host;
  if (mode === 'page') {
    host = (targetId && document.getElementById(targetId)) || null;
    if (!host) {
      host = document.createElement('div');
      script.after(host);
    }
  } else {
    host = document.createElement('polkuopas-widget');
    document.body.append(host);
  }
  if (host.shadowRoot) return null; // already mounted
  const shadow = host.attachShadow({ mode: 'open' });

  const root = h('div', { className: `po-root po-mode-${mode}`, lang: 'fi', dir: 'ltr' });
  root.hidden = true; // shown once widget.css has loaded (no flash of unstyled content)
  // links, buttons and service cards are styled as on our pages; the widget's own styles after
  // (static/widget/shell.js -> static/components.css, static/widget.css)
  const sheets = ['components.css', 'widget.css'].map((name) =>
    h('link', { rel: 'stylesheet', href: new URL(`../${name}`, import.meta.url).href })
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

  const titleText = mode === 'page' ? T.pageTitle : T.panelTitle;
  const title = h('h2', { id: 'po-title', className: 'po-title', text: titleText });
  const subtitle = h('p', {
    className: 'po-subtitle',
    text: municipality || T.panelSubtitle,
  });
  if (municipality) subtitle.prepend(h('span', { className: 'visually-hidden', text: T.municipalityPrefix }));
  const headText = h('div', { className: 'po-head-text' }, [title, subtitle]);
  const close =
    mode === 'widget'
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
    mode === 'widget'
      ? { id: 'po-panel', className: 'po-panel', role: 'dialog', 'aria-labelledby': 'po-title' }
      : { id: 'po-panel', className: 'po-panel', role: 'region', 'aria-labelledby': 'po-title' };
  const panel = h('section', panelAttrs, [head, toolbar, scroller, form, privacy, status, busyStatus]);

  let launcher = null;
  if (mode === 'widget') {
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