/*
 * Polkuopas widget – the shell: the host element, its Shadow DOM (with the widget's own
 * stylesheets, so the host page's CSS does not leak in and ours does not leak out), the
 * launcher button and the chat panel.
 */

import { LANGUAGES, currentLanguage, t } from './strings.js';

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

  const title = h('h2', { id: 'po-title', className: 'po-title' });
  const subtitle = h('p', { className: 'po-subtitle' });
  const headText = h('div', { className: 'po-head-text' }, [title, subtitle]);
  const close =
    mode === 'widget'
      ? h('button', { type: 'button', className: 'po-close' }, [h('span', { 'aria-hidden': 'true', text: '×' })])
      : null;
  // the language switch: each language named in itself (and marked so for screen readers); in the
  // panel's head in the corner (room for the messages), in the toolbar on the chat page (whose
  // head is for screen readers only)
  const languageButtons = LANGUAGES.map((code) =>
    h('button', { type: 'button', className: 'po-lang', lang: code, 'data-lang': code, 'aria-pressed': 'false' })
  );
  const languages = h('div', { className: 'po-languages', role: 'group' }, languageButtons);
  const head = h('div', { className: 'po-head' }, close ? [headText, languages, close] : [headText]);
  const restart = h('button', { type: 'button', className: 'btn btn-secondary' });
  const del = h('button', { type: 'button', className: 'btn btn-secondary' });
  const toolbar = h('div', { className: 'po-toolbar' }, close ? [restart, del] : [languages, restart, del]);

  // role="log" with aria-live off: new bot messages are announced once through `status`
  const log = h('div', { className: 'po-log', role: 'log', 'aria-live': 'off' });
  const typing = h('div', { className: 'typing', 'aria-hidden': 'true' });
  const scroller = h('div', { className: 'po-scroller', role: 'region' }, [log, typing]);

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
  const send = h('button', { type: 'submit', className: 'btn btn-primary' });
  const count = h('p', { className: 'hint char-count', text: `0/${MAX_MESSAGE_LENGTH}` });
  const inputLabel = h('label', { for: 'po-input', className: 'po-label' });
  const hint = h('p', { id: 'po-hint', className: 'hint' });
  const form = h('form', { className: 'po-composer', autocomplete: 'off', novalidate: true }, [
    inputLabel,
    h('div', { className: 'po-composer-row' }, [input, send]),
    h('div', { className: 'po-composer-meta' }, [hint, count]),
  ]);
  const privacy = h('p', { className: 'po-privacy' });
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
      [chatIcon(), h('span', { className: 'po-launcher-text' })]
    );
    root.append(launcher, panel);
  } else {
    root.append(panel);
  }
  shadow.append(...sheets, root);

  const els = {
    host, shadow, root, panel, launcher, close, scroller, log, typing, form, input, count,
    restart, del, status, busyStatus, privacy, title, subtitle, languages, languageButtons, send,
    inputLabel, hint, retentionDays: DEFAULT_RETENTION_DAYS,
  };
  applyWords(els, { mode, municipality });
  return els;
}

/**
 * Writes the panel's own words in the current language (strings.js) and marks the language on
 * the panel's root element; called again whenever the conversation's language changes.
 */
export function applyWords(els, { mode, municipality }) {
  const lang = currentLanguage();
  els.root.lang = lang;
  els.title.textContent = mode === 'page' ? t('widget.page_title') : t('widget.panel_title');
  els.subtitle.textContent = municipality || t('widget.panel_subtitle');
  if (municipality) {
    els.subtitle.prepend(h('span', { className: 'visually-hidden', text: `${t('widget.municipality_prefix')} ` }));
  }
  if (els.close) els.close.setAttribute('aria-label', t('widget.close'));
  if (els.launcher) els.launcher.querySelector('.po-launcher-text').textContent = t('widget.launcher');
  els.languages.setAttribute('aria-label', t('widget.language.label'));
  for (const button of els.languageButtons) {
    button.textContent = t(`widget.language.${button.dataset.lang}`);
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  els.restart.textContent = t('widget.restart');
  els.del.textContent = t('widget.delete');
  els.log.setAttribute('aria-label', t('widget.messages'));
  els.scroller.setAttribute('aria-label', t('widget.conversation'));
  els.inputLabel.textContent = t('widget.input_label');
  els.send.textContent = t('widget.send');
  els.hint.textContent = t('widget.hint');
  // the server's retention period replaces the default once the first reply tells it
  els.privacy.textContent = t('widget.privacy', { days: els.retentionDays });
  for (const button of els.log.querySelectorAll('button.quick-reply')) button.dataset.chosen = t('widget.chosen');
}