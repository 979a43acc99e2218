/*
 * Polkuopas – palveluhaku (service lookup for coaches). An ES module.
 *
 * The safe-text helpers are the chat widget's own (widget/text.js). The page's words come from
 * GET /api/ui (messages/<lang>/haku.yaml) and the labels of codes (categories, scope,
 * situations …) from GET /api/vocabulary, both in the page's language, at start-up.
 * The language: ?lang= (the header's switch links set it), else the browser's language when it
 * is Swedish or English, else Finnish. Searches ask the API in that language.
 * The URL query string is the single source of truth: q, municipality, audience,
 * category, page, id and lang.
 * Every server string is rendered with textContent / DOM APIs, never
 * innerHTML; only absolute http(s) URLs become links.
 */

import { browserLanguage, currentLanguage, loadStrings, supported, t, translateDocument } from './widget/strings.js';
import { el, externalLink, formatDate, hidden, linkifiedLines, richText, safeUrl, str } from './widget/text.js';
import { labelMaps, labelOf, vocabularyPath } from './widget/vocabulary.js';

const PAGE_SIZE = 20;
const MAX_OFFSET = 100000;
const REQUEST_TIMEOUT_MS = 20000;
// the language asked in the address (?lang=), kept in the links the page makes
const ASKED_LANGUAGE = supported(new URLSearchParams(window.location.search).get('lang'));
const PAGE_LANGUAGE = ASKED_LANGUAGE || browserLanguage() || 'fi';

const baseTitle = () => t('haku.document_title');

// ---------------------------------------------------------------------------
// Vocabulary labels (GET /api/vocabulary) and helpers
// ---------------------------------------------------------------------------

// Map(vocabulary name -> Map(code -> label)); stays empty when the labels cannot be loaded,
// and the page then shows codes and searches without a category filter
let vocabulary = new Map();

/** The label of a code, or the code itself (underscores as spaces) when it has none. */
function word(name, code) {
  return labelOf(vocabulary, name, code) || code.replace(/_/g, ' ');
}

/** The service categories as [code, label] pairs, in the vocabulary's order. */
function categories() {
  return Array.from(vocabulary.get('category') || []);
}

/** 6 -> "6", 1.5 -> "1,5" (Finnish, Swedish) or "1.5" (English). */
function formatNumber(n) {
  const locale = currentLanguage() === 'en' ? 'en-GB' : `${currentLanguage()}-FI`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

function countText(n) {
  return t.count('haku.results.count', n);
}

/** `text` with the `lang` of the words it is in, when they are not in the page's language. */
function markLanguage(node, lang) {
  const code = supported(lang) || 'fi';
  if (code !== currentLanguage()) node.lang = code;
  return node;
}

/** "Texten finns bara på finska." for a service whose words are in another language, else null. */
function languageNote(item) {
  const code = supported(item.lang) || 'fi';
  return code === currentLanguage() ? null : el('p', 'card-language', t(`widget.card_language.${code}`));
}

// ---------------------------------------------------------------------------
// URL state
// ---------------------------------------------------------------------------

const SEARCH_KEYS = ['q', 'municipality', 'audience', 'category', 'page'];

function readState() {
  const p = new URLSearchParams(window.location.search);
  const get = (k, max) => (p.get(k) || '').trim().slice(0, max);
  let audience = get('audience', 20);
  if (!isAudience(audience)) audience = '';
  let category = get('category', 40);
  if (!isCategory(category)) category = ''; // unknown, or the labels could not be loaded
  let page = parseInt(p.get('page') || '1', 10);
  if (!Number.isFinite(page) || page < 1) page = 1;
  page = Math.min(page, Math.floor(MAX_OFFSET / PAGE_SIZE) + 1);
  return {
    q: get('q', 200),
    municipality: get('municipality', 100),
    audience,
    category,
    page,
    id: get('id', 100),
    lang: ASKED_LANGUAGE,
    hasSearch: SEARCH_KEYS.some((k) => p.has(k)),
  };
}

/** Query string for a state; q is always kept so "Hae" with empty fields lists all. */
function buildQuery(s, { withId = true } = {}) {
  const p = new URLSearchParams();
  p.set('q', s.q || '');
  if (s.municipality) p.set('municipality', s.municipality);
  if (s.audience) p.set('audience', s.audience);
  if (s.category) p.set('category', s.category);
  if (s.page > 1) p.set('page', String(s.page));
  if (withId && s.id) p.set('id', s.id);
  if (s.lang) p.set('lang', s.lang);
  return `?${p.toString()}`;
}

/** The header's links to this page in each language, for the current search or service. */
function updateLanguageLinks() {
  const s = readState();
  for (const a of document.querySelectorAll('.lang-switch a[data-lang]')) {
    const lang = a.dataset.lang;
    const query = s.hasSearch || s.id ? buildQuery({ ...s, lang }) : `?lang=${lang}`;
    a.href = window.location.pathname + query;
    if (lang === currentLanguage()) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

/** A query string of the API with the page's language added. */
function withLanguage(params) {
  const p = new URLSearchParams(params);
  p.set('lang', currentLanguage());
  return p.toString();
}

function navigate(state, { replace = false, historyState = null } = {}) {
  const url = window.location.pathname + buildQuery(state);
  if (replace) window.history.replaceState(historyState, '', url);
  else window.history.pushState(historyState, '', url);
}

// ---------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------

class ApiError extends Error {
  constructor(kind, status = 0, detail = null) {
    super(detail || kind);
    this.kind = kind; // network | http | invalid | aborted
    this.status = status;
    this.detail = detail;
  }
}

let currentRequest = null;

/** GET path as JSON; an exclusive request (the default) cancels the previous exclusive one. */
async function getJson(path, { exclusive = true } = {}) {
  const controller = new AbortController();
  if (exclusive) {
    if (currentRequest) currentRequest.abort();
    currentRequest = controller;
  }
  let timedOut = false;
  const timer = window.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(path, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    let data = null;
    if ((res.headers.get('content-type') || '').includes('json')) {
      try {
        data = await res.json();
      } catch {
        data = null;
      }
    }
    if (!res.ok) {
      throw new ApiError('http', res.status, data && str(data.detail) ? data.detail : null);
    }
    if (!data || typeof data !== 'object') throw new ApiError('invalid', res.status);
    return data;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (controller.signal.aborted && !timedOut) throw new ApiError('aborted');
    throw new ApiError('network');
  } finally {
    window.clearTimeout(timer);
    if (currentRequest === controller) currentRequest = null;
  }
}

function errorText(err) {
  if (!(err instanceof ApiError) || err.kind === 'network') return t('haku.errors.network');
  if (err.kind === 'invalid') return t('haku.errors.invalid');
  if (err.status === 422 || err.status === 400) return err.detail || t('haku.errors.validation');
  if (err.status === 404) return err.detail || t('haku.errors.not_found');
  return t('haku.errors.generic');
}

// ---------------------------------------------------------------------------
// DOM references
// ---------------------------------------------------------------------------

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const fields = {
  q: $('f-q'),
  municipality: $('f-municipality'),
  audience: $('f-audience'),
  category: $('f-category'),
};
const statusBox = $('status');
const results = $('results');
const resultsHeading = $('results-heading');
const list = $('result-list');
const areaBox = $('area-contact');
const pager = $('pager');
const prevButton = $('prev-button');
const nextButton = $('next-button');
const pageInfo = $('page-info');
const detail = $('detail');
const detailBody = $('detail-body');
const backButton = $('back-button');

// the audiences are the form's own options (their labels say "for jobseekers", not the vocabulary's)
const isAudience = (value) => value !== '' && Array.from(fields.audience.options).some((o) => o.value === value);
const isCategory = (value) => labelOf(vocabulary, 'category', value) !== null;

/** The category filter's options from the vocabulary; without labels there is no filter. */
function fillCategories() {
  for (const [value, label] of categories()) {
    const opt = el('option', null, label.charAt(0).toUpperCase() + label.slice(1));
    opt.value = value;
    fields.category.append(opt);
  }
  fields.category.disabled = fields.category.options.length <= 1;
}

function setStatus(text, { error = false, busy = false } = {}) {
  statusBox.classList.toggle('is-error', error);
  statusBox.classList.toggle('is-busy', busy);
  statusBox.textContent = '';
  if (!text) return;
  if (error) {
    const prefix = el('strong', 'status-prefix', `${t('haku.error_prefix')} `);
    statusBox.append(prefix);
  }
  statusBox.append(document.createTextNode(text));
}

function syncForm(s) {
  fields.q.value = s.q;
  fields.municipality.value = s.municipality;
  fields.audience.value = s.audience;
  fields.category.value = s.category;
}

function formState() {
  return {
    q: fields.q.value.trim().slice(0, 200),
    municipality: fields.municipality.value.trim().slice(0, 100),
    audience: isAudience(fields.audience.value) ? fields.audience.value : '',
    category: isCategory(fields.category.value) ? fields.category.value : '',
    page: 1,
    id: '',
    lang: ASKED_LANGUAGE,
  };
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

function scopeBadge(scope) {
  if (!str(scope)) return null;
  const badge = el('span', /^[a-z_]+$/.test(scope) ? `badge badge-${scope}` : 'badge');
  badge.append(hidden(`${t('haku.scope_label')} `), document.createTextNode(word('scope', scope)));
  return badge;
}

function metaRow(dl, label, value) {
  const row = el('div');
  const dd = value instanceof Node ? value : el('dd', null, value);
  row.append(el('dt', null, label), dd);
  dl.append(row);
}

function contactDd(contact) {
  return linkifiedLines(el('dd'), contact);
}

/** An area contact ({name, url, phone, hours, email, address}) as lines of text. */
function contactLines(contact) {
  const c = contact && typeof contact === 'object' ? contact : {};
  const phone =
    str(c.phone) &&
    (str(c.hours) ? t('haku.phone_hours', { phone: c.phone, hours: c.hours }) : t('haku.phone', { phone: c.phone }));
  return [str(c.name), str(c.url), phone, str(c.email), str(c.address)].filter(Boolean).join('\n');
}

/** "Lähde ↗ · tarkistettu 23.11.2026" */
function sourceLine(item, className) {
  const p = el('p', className);
  const sourceUrl = safeUrl(item.source_url);
  const checked = formatDate(item.last_verified);
  if (sourceUrl) p.append(externalLink(sourceUrl, t('haku.source')));
  if (checked) {
    if (sourceUrl) p.append(document.createTextNode(', '));
    p.append(el('span', 'checked', `${t('haku.checked')} ${checked}`));
  }
  return p.childNodes.length ? p : null;
}

function detailHref(id) {
  const s = readState();
  return window.location.pathname + buildQuery({ ...s, id });
}

function resultCard(item) {
  const li = el('li');
  const article = el('article', 'card');
  const id = str(item.id);

  const head = el('div', 'card-head');
  const h3 = markLanguage(el('h3', 'card-title'), item.lang);
  const title = str(item.title) || t('haku.fallback_title');
  if (id) {
    const a = el('a', 'card-open', title);
    a.href = detailHref(id);
    a.dataset.id = id;
    h3.append(a);
  } else {
    h3.textContent = title;
  }
  head.append(h3);
  const badge = scopeBadge(item.scope);
  if (badge) head.append(badge);
  article.append(head);

  const dl = el('dl', 'card-meta');
  const provider = str(item.provider);
  if (provider) metaRow(dl, t('haku.provider'), provider);
  if (str(item.category)) metaRow(dl, t('haku.category'), word('category', item.category));
  if (dl.childNodes.length) article.append(dl);

  const note = languageNote(item);
  if (note) article.append(note);
  const summary = str(item.summary);
  if (summary) {
    article.append(markLanguage(richText(el('div', 'card-summary'), summary, { linkify: false }), item.lang));
  }

  const contact = str(item.contact);
  if (contact) {
    const cdl = el('dl', 'card-meta');
    metaRow(cdl, t('haku.contact'), contactDd(contact));
    article.append(cdl);
  }

  const links = el('div', 'card-links');
  const url = safeUrl(item.url);
  if (url) links.append(externalLink(url, t('haku.service_site')));
  const src = sourceLine(item, 'card-source');
  if (src) links.append(src);
  if (links.childNodes.length) article.append(links);

  li.append(article);
  return li;
}

function renderResults(data, s) {
  list.textContent = '';
  const total = Number.isInteger(data.total) && data.total >= 0 ? data.total : 0;
  const items = Array.isArray(data.items) ? data.items.filter((x) => x && typeof x === 'object') : [];
  for (const item of items) list.append(resultCard(item));

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (s.page - 1) * PAGE_SIZE + 1;
  const last = first + items.length - 1;

  let text = countText(total);
  if (total === 0) text += `. ${t('haku.no_results')}`;
  else if (items.length === 0) text += `. ${t('haku.page_empty')}`;
  else if (total > PAGE_SIZE) text += ` ${t('haku.results.showing', { first, last, page: s.page, pages })}`;
  if (s.municipality && s.page === 1 && items.length && items.every((x) => x.scope === 'national')) {
    text += `. ${t('haku.only_national')}`;
  }
  setStatus(text);

  pager.hidden = total <= PAGE_SIZE && s.page === 1;
  prevButton.disabled = s.page <= 1;
  nextButton.disabled = s.page >= pages;
  pageInfo.textContent = t('haku.results.page_info', { page: Math.min(s.page, Math.max(pages, s.page)), pages });
  results.hidden = false;
}

function eligibilityList(elig) {
  const D = (key, params) => t(`haku.detail.${key}`, params);
  const dl = el('dl', 'detail-meta');
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const words = (arr, name) =>
    Array.isArray(arr) ? arr.filter((v) => typeof v === 'string' && v).map((v) => word(name, v)) : [];

  const minAge = num(elig.min_age);
  const maxAge = num(elig.max_age);
  if (minAge !== null && maxAge !== null) metaRow(dl, D('age'), D('age_range', { min: minAge, max: maxAge }));
  else if (minAge !== null) metaRow(dl, D('age'), D('age_min', { min: minAge }));
  else if (maxAge !== null) metaRow(dl, D('age'), D('age_max', { max: maxAge }));

  const months = num(elig.min_unemployed_months);
  if (months !== null && months > 0) {
    metaRow(dl, D('unemployed'), D('unemployed_months', { months: formatNumber(months) }));
  }

  const groups = words(elig.target_groups, 'target_group');
  if (groups.length) metaRow(dl, D('target_groups'), groups.join(', '));
  const situations = words(elig.situations, 'situation');
  if (situations.length) metaRow(dl, D('situations'), situations.join(', '));
  const employers = words(elig.employer_types, 'employer_type');
  if (employers.length) metaRow(dl, D('employer_types'), employers.join(', '));

  return dl.childNodes.length ? dl : el('p', null, D('no_eligibility'));
}

function channelItem(ch) {
  const kind = str(ch.kind) || 'other';
  // an unknown kind is "Muu kanava"; the code itself only when there are no labels at all
  const kindLabel =
    labelOf(vocabulary, 'channel_kind', kind) ||
    labelOf(vocabulary, 'channel_kind', 'other') ||
    word('channel_kind', kind);
  const label = str(ch.label) || kindLabel;
  const value = str(ch.value);
  const li = el('li');
  const href = safeUrl(value);
  if (href) {
    li.append(externalLink(href, label));
  } else if (value) {
    li.append(el('span', 'channel-label', `${label}: `), document.createTextNode(value));
  } else {
    return null;
  }
  return li;
}

function renderDetail(d) {
  const D = (key) => t(`haku.detail.${key}`);
  detailBody.textContent = '';
  const title = str(d.title) || t('haku.fallback_title');

  const head = el('header', 'detail-head');
  const h2 = markLanguage(el('h2', 'detail-title', title), d.lang);
  h2.id = 'detail-heading';
  h2.tabIndex = -1;
  head.append(h2);
  const badges = el('p', 'detail-badges');
  const badge = scopeBadge(d.scope);
  if (badge) badges.append(badge);
  if (str(d.category)) {
    const c = el('span', 'badge badge-category');
    c.append(hidden(`${t('haku.category')}: `), document.createTextNode(word('category', d.category)));
    badges.append(c);
  }
  if (badges.childNodes.length) head.append(badges);
  const note = languageNote(d);
  if (note) head.append(note);
  const meta = el('dl', 'detail-meta');
  if (str(d.provider)) metaRow(meta, t('haku.provider'), d.provider);
  if (str(d.contact)) metaRow(meta, t('haku.contact'), contactDd(d.contact));
  if (meta.childNodes.length) head.append(meta);
  detailBody.append(head);

  const section = (heading) => {
    const s = el('section', 'detail-section');
    s.append(el('h3', null, heading));
    detailBody.append(s);
    return s;
  };

  // the service's own words (description, rules, how to apply) are in d.lang
  const ownWords = (heading) => {
    const s = section(heading);
    const body = markLanguage(el('div', 'detail-text'), d.lang);
    s.append(body);
    return body;
  };

  const description = str(d.description) || str(d.summary);
  if (description) richText(ownWords(D('description')), description);

  const rules = Array.isArray(d.key_rules) ? d.key_rules.filter((r) => str(r)) : [];
  if (rules.length) {
    const ul = markLanguage(el('ul', 'rule-list'), d.lang);
    for (const r of rules) ul.append(el('li', null, r));
    section(D('rules')).append(ul);
  }

  const elig = d.eligibility && typeof d.eligibility === 'object' && !Array.isArray(d.eligibility)
    ? d.eligibility
    : {};
  section(D('eligibility')).append(eligibilityList(elig));

  const how = str(d.how_to_apply);
  if (how) richText(ownWords(D('how_to_apply')), how);

  const channels = Array.isArray(d.channels)
    ? d.channels.filter((c) => c && typeof c === 'object').map(channelItem).filter(Boolean)
    : [];
  const url = safeUrl(d.url);
  if (channels.length || url) {
    const ul = el('ul', 'channel-list');
    if (url && !channels.some((li) => li.querySelector('a') && li.querySelector('a').href === url)) {
      const li = el('li');
      li.append(externalLink(url, t('haku.service_site')));
      ul.append(li);
    }
    channels.forEach((li) => ul.append(li));
    section(D('channels')).append(ul);
  }

  const src = sourceLine(d, 'detail-source');
  if (src) section(D('source')).append(src);

  document.title = `${title} – ${baseTitle()}`;
}

// ---------------------------------------------------------------------------
// Controller
// ---------------------------------------------------------------------------

let lastResultsKey = null; // query string of the results currently in the list
let lastCountText = ''; // status text of those results
let returnFocusId = null; // card to focus when the detail view closes
let pendingFocus = null; // card to focus after history.back()

function focusCard(id) {
  const links = list.querySelectorAll('a.card-open');
  for (const a of links) {
    if (a.dataset.id === id) {
      a.focus();
      return true;
    }
  }
  return false;
}

/** "Kuopio kuuluu Kuopion työllisyysalueeseen": whom a coach contacts there. */
async function showAreaContact(municipality) {
  areaBox.hidden = true;
  areaBox.textContent = '';
  areaBox.removeAttribute('aria-labelledby');
  if (!municipality) return;
  let data;
  try {
    data = await getJson(`/api/municipalities/resolve?${withLanguage({ q: municipality })}`);
  } catch {
    return; // the results are shown anyway
  }
  const contacts = data && data.contacts;
  if (!contacts || !str(data.name_fi)) return;
  const name = (currentLanguage() === 'sv' && str(data.name_sv)) || data.name_fi;
  const area = data.employment_area && str(data.employment_area.name);
  const heading = el('h3', null, area ? `${name}: ${area}` : name);
  heading.id = 'area-contact-heading';
  areaBox.append(heading);
  areaBox.setAttribute('aria-labelledby', heading.id);
  if (!area) areaBox.append(el('p', null, t('haku.area_unknown')));
  const dl = el('dl', 'card-meta');
  metaRow(dl, t('haku.for_jobseekers'), contactDd(contactLines(contacts.jobseeker)));
  if (contacts.employer && contacts.employer.name !== contacts.jobseeker.name) {
    metaRow(dl, t('haku.for_employers'), contactDd(contactLines(contacts.employer)));
  }
  areaBox.append(dl);
  const fresh = data.freshness;
  if (fresh && formatDate(fresh.oldest) && formatDate(fresh.newest)) {
    // how fresh the area's own data is (oldest and newest check against the official pages)
    const line = t('haku.area_freshness', { oldest: formatDate(fresh.oldest), newest: formatDate(fresh.newest) });
    const extra = fresh.to_check > 0 ? ` ${t('haku.area_to_check', { count: fresh.to_check })}` : '';
    areaBox.append(el('p', 'area-freshness', line + extra));
  }
  areaBox.hidden = false;
}

async function showResults(s, { focus = null } = {}) {
  detail.hidden = true;
  document.title = baseTitle();
  const key = buildQuery(s, { withId: false });

  if (!s.hasSearch) {
    results.hidden = true;
    list.textContent = '';
    lastResultsKey = null;
    setStatus(t('haku.prompt'));
    return;
  }

  if (key !== lastResultsKey) {
    setStatus(t('haku.loading'), { busy: true });
    form.setAttribute('aria-busy', 'true');
    const p = new URLSearchParams({
      q: s.q,
      limit: String(PAGE_SIZE),
      offset: String(Math.min((s.page - 1) * PAGE_SIZE, MAX_OFFSET)),
    });
    if (s.municipality) p.set('municipality', s.municipality);
    if (s.audience) p.set('audience', s.audience);
    if (s.category) p.set('category', s.category);
    try {
      const data = await getJson(`/api/services?${withLanguage(p)}`);
      renderResults(data, s);
      lastResultsKey = key;
      await showAreaContact(s.municipality);
    } catch (err) {
      if (err.kind === 'aborted') return;
      results.hidden = true;
      list.textContent = '';
      lastResultsKey = null;
      setStatus(errorText(err), { error: true });
      if (err.status === 422 && s.municipality) fields.municipality.setAttribute('aria-invalid', 'true');
      return;
    } finally {
      form.removeAttribute('aria-busy');
    }
    lastCountText = statusBox.textContent;
  } else {
    // Same search as before (e.g. back from the detail view): reuse the list.
    results.hidden = false;
    setStatus(lastCountText);
  }

  if (focus === 'heading') resultsHeading.focus();
  else if (focus && !focusCard(focus)) resultsHeading.focus();
}

async function showDetail(s) {
  results.hidden = true;
  detail.hidden = false;
  detailBody.textContent = '';
  setStatus(t('haku.loading_detail'), { busy: true });
  try {
    const data = await getJson(`/api/services/${encodeURIComponent(s.id)}?${withLanguage({})}`);
    renderDetail(data);
    setStatus('');
    const h = $('detail-heading');
    if (h) h.focus();
  } catch (err) {
    if (err.kind === 'aborted') return;
    const h2 = el('h2', 'detail-title', t('haku.errors.not_found'));
    h2.id = 'detail-heading';
    h2.tabIndex = -1;
    if (err.status !== 404) h2.textContent = t('haku.errors.not_loaded');
    detailBody.append(h2);
    setStatus(errorText(err), { error: true });
    h2.focus();
  }
}

/** Render whatever the URL says. */
function route({ focus = null } = {}) {
  const s = readState();
  syncForm(s);
  updateLanguageLinks();
  fields.municipality.removeAttribute('aria-invalid');
  if (s.id) {
    returnFocusId = s.id;
    return showDetail(s);
  }
  return showResults(s, { focus });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const s = formState();
  lastResultsKey = null; // a new "Hae" always fetches fresh results
  navigate(s);
  route();
});

prevButton.addEventListener('click', () => {
  const s = readState();
  if (s.page <= 1) return;
  navigate({ ...s, id: '', page: s.page - 1 });
  route({ focus: 'heading' });
});

nextButton.addEventListener('click', () => {
  const s = readState();
  navigate({ ...s, id: '', page: s.page + 1 });
  route({ focus: 'heading' });
});

list.addEventListener('click', (e) => {
  const a = e.target instanceof Element ? e.target.closest('a.card-open') : null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
    return;
  }
  e.preventDefault();
  const s = readState();
  navigate({ ...s, id: a.dataset.id }, { historyState: { fromResults: true } });
  route();
});

backButton.addEventListener('click', () => {
  const id = returnFocusId;
  if (window.history.state && window.history.state.fromResults) {
    // The results are the previous history entry: go back so the
    // browser's own back button stays in step.
    pendingFocus = id;
    window.history.back();
    return;
  }
  const s = readState();
  navigate({ ...s, id: '' });
  route({ focus: id || 'heading' });
});

window.addEventListener('popstate', () => {
  const focus = pendingFocus || (detail.hidden ? null : returnFocusId);
  pendingFocus = null;
  route({ focus });
});

// Keep the detail view's Escape key consistent with the back control.
detail.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !detail.hidden) {
    e.preventDefault();
    backButton.click();
  }
});

fields.municipality.addEventListener('input', () => {
  fields.municipality.removeAttribute('aria-invalid');
});

/**
 * The page's words and the labels first (the category filter and a category in the URL need
 * them), then the page. Without the words the page keeps its Finnish HTML and says nothing more:
 * the same server answers the searches, so they could not work either.
 */
async function startUp() {
  try {
    await loadStrings('', PAGE_LANGUAGE);
  } catch (error) {
    console.error('Polkuopas: the page could not load its words (GET /api/ui).', error);
    return;
  }
  document.documentElement.lang = currentLanguage();
  translateDocument(document);
  try {
    vocabulary = labelMaps(await getJson(vocabularyPath(currentLanguage()), { exclusive: false }));
  } catch {
    vocabulary = new Map(); // the page still works: codes instead of labels, no category filter
  }
  fillCategories();
  route();
}

startUp();
