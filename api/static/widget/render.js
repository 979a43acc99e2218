/*
 * Polkuopas widget – the chat's messages and service cards as DOM (text via textContent).
 */

import { currentLanguage, supported, t } from './strings.js';
import { appendLinkified, el, externalLink, formatDate, hidden, linkifiedLines, richText, safeUrl, str } from './text.js';
import { labelOf } from './vocabulary.js';

function quickReplies(buttons) {
  const group = el('div', 'quick-replies');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('widget.quick_replies_label'));
  for (const b of buttons) {
    const btn = el('button', 'quick-reply', b.title || b.payload);
    btn.type = 'button';
    btn.dataset.payload = b.payload;
    btn.dataset.title = b.title || b.payload;
    btn.dataset.chosen = t('widget.chosen'); // CSS says it after the chosen reply
    group.append(btn);
  }
  return group;
}

/** A service card; `vocabulary` (GET /api/vocabulary's labels) names its scope. */
function serviceCard(card, vocabulary) {
  const title = str(card.title) || t('widget.card_fallback_title');
  const article = el('article', 'card');

  // the card's words are in Finnish when the service has no official text in the conversation's language
  const textLang = supported(card.lang) || 'fi';
  const foreign = textLang !== currentLanguage();

  const head = el('div', 'card-head');
  const heading = el('h3', 'card-title', title);
  if (foreign) heading.lang = textLang;
  head.append(heading);
  const scopeText = labelOf(vocabulary, 'scope', card.scope);
  if (scopeText) {
    const badge = el('span', `badge badge-${card.scope}`);
    badge.append(hidden(`${t('widget.scope_label')} `), document.createTextNode(scopeText));
    head.append(badge);
  }
  article.append(head);

  if (foreign) article.append(el('p', 'card-language', t(`widget.card_language.${textLang}`)));

  const summary = str(card.summary);
  if (summary) {
    const text = richText(el('div', 'card-summary'), summary, { linkify: false });
    if (foreign) text.lang = textLang;
    article.append(text);
  }

  const provider = str(card.provider);
  const contact = str(card.contact);
  if (provider || contact) {
    const dl = el('dl', 'card-meta');
    if (provider) {
      const row = el('div');
      row.append(el('dt', null, t('widget.provider')), el('dd', null, provider));
      dl.append(row);
    }
    if (contact) {
      const row = el('div');
      row.append(el('dt', null, t('widget.contact')), linkifiedLines(el('dd'), contact));
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
      const more = externalLink(moreUrl, t('widget.read_more'), `: ${title}`);
      more.classList.add('card-more');
      links.append(more);
    }
    const source = el('span', 'card-source');
    if (sourceUrl) {
      source.append(externalLink(sourceUrl, t('widget.source'), `: ${title}`));
      if (checked) source.append(document.createTextNode(`, ${t('widget.checked')} ${checked}`));
    } else if (checked) {
      // no usable source link: keep only the verification date, as text
      source.append(document.createTextNode(`${t('widget.checked_capital')} ${checked}`));
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
  wrap.append(hidden(t('widget.bot_says')));
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
  bubble.append(hidden(`${t('widget.user_says')} `), document.createTextNode(text));
  wrap.append(bubble);
  return wrap;
}

export function errorMessage(text) {
  const wrap = el('div', 'msg msg-error');
  const bubble = el('div', 'bubble');
  const icon = el('span', 'error-icon', '!');
  icon.setAttribute('aria-hidden', 'true');
  bubble.append(icon, hidden(`${t('widget.bot_says')} ${t('widget.error_prefix')} `));
  appendLinkified(bubble, text); // e.g. the Työmarkkinatori address when the bot is down
  wrap.append(bubble);
  return wrap;
}

export function typingContent() {
  const dots = el('span', 'typing-dots');
  dots.setAttribute('aria-hidden', 'true');
  dots.append(el('span'), el('span'), el('span'));
  const frag = document.createDocumentFragment();
  frag.append(dots, el('span', 'typing-text', t('widget.typing')));
  return frag;
}
