/*
 * Polkuopas widget – the chat's messages and service cards as DOM (text via textContent).
 */

import { T } from './strings.js';
import { appendLinkified, el, externalLink, formatDate, hidden, linkifiedLines, richText, safeUrl, str } from './text.js';
import { labelOf } from './vocabulary.js';

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

/** A service card; `vocabulary` (GET /api/vocabulary's labels) names its scope. */
function serviceCard(card, vocabulary) {
  const title = str(card.title) || T.cardFallbackTitle;
  const article = el('article', 'card');

  const head = el('div', 'card-head');
  head.append(el('h3', 'card-title', title));
  const scopeText = labelOf(vocabulary, 'scope', card.scope);
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
export function botMessage(msg, vocabulary = null) {
  if (!msg.text && !msg.cards.length && !msg.buttons.length) return null;
  const wrap = el('div', 'msg msg-bot');
  wrap.append(hidden(T.botSays));
  if (msg.text) wrap.append(richText(el('div', 'bubble'), msg.text));
  if (msg.cards.length) {
    const list = el('ul', 'cards');
    for (const card of msg.cards) {
      const li = el('li');
      li.append(serviceCard(card, vocabulary));
      list.append(li);
    }
    wrap.append(list);
  }
  if (msg.buttons.length) wrap.append(quickReplies(msg.buttons));
  return wrap;
}

export function userMessage(text) {
  const wrap = el('div', 'msg msg-user');
  const bubble = el('div', 'bubble');
  bubble.append(hidden(T.userSays + ' '), document.createTextNode(text));
  wrap.append(bubble);
  return wrap;
}

export function errorMessage(text) {
  const wrap = el('div', 'msg msg-error');
  const bubble = el('div', 'bubble');
  const icon = el('span', 'error-icon', '!');
  icon.setAttribute('aria-hidden', 'true');
  bubble.append(icon, hidden(`${T.botSays} ${T.errorPrefix} `));
  appendLinkified(bubble, text); // e.g. the Työmarkkinatori address when the bot is down
  wrap.append(bubble);
  return wrap;
}

export function typingContent() {
  const dots = el('span', 'typing-dots');
  dots.setAttribute('aria-hidden', 'true');
  dots.append(el('span'), el('span'), el('span'));
  const frag = document.createDocumentFragment();
  frag.append(dots, el('span', 'typing-text', T.typing));
  return frag;
}
