// The page of `slant serve`: three views (Classify, Model, Archive) over the JSON API. Rules kept throughout:
// text from the server or the user enters the DOM only as text (el() below, textContent, setAttribute); no
// innerHTML, no inline handlers, no eval (the Content-Security-Policy forbids them anyway); every colour comes
// with a mark or a number.
import { stackedShares, pairBars, confusion, reliability, legend } from './charts.js';

const $ = (id) => document.getElementById(id);

/** An element with attributes (never on* handlers) and children, each a node or text (never markup). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (/^on/i.test(k)) throw new Error('no event handler attributes: ' + k);
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

const MINUS = '\u2212';
const pct = (p) => (p * 100).toFixed(1) + '%';
const f3 = (x) => (x < 0 ? MINUS : '') + Math.abs(x).toFixed(3);
const signed = (x) => (x < 0 ? MINUS : '+') + Math.abs(x).toFixed(3);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Calls the API (paths are relative, so the page also works under a proxy's prefix); throws its error text. */
async function api(path, { method = 'GET', json, body, type } = {}) {
  const init = { method, headers: {} };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
    init.headers['Content-Type'] = type || 'application/octet-stream';
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new Error('the server did not answer (' + e.message + ')');
  }
  const isJson = (res.headers.get('Content-Type') || '').includes('json');
  const data = isJson ? await res.json() : await res.text();
  if (!res.ok) throw new Error((isJson && data.error) || `HTTP ${res.status}`);
  return data;
}

function status(node, text, isError) {
  node.textContent = text;
  node.classList.toggle('error', Boolean(isError));
}

function options(select, values, chosen, label = (v) => v) {
  select.replaceChildren(...values.map((v) => el('option', { value: v, selected: v === chosen }, label(v))));
}

// ---- routing ------------------------------------------------------------------------------------------------

const VIEWS = ['classify', 'model', 'archive'];
let model = null;

function route(moveFocus) {
  const hash = location.hash.slice(1);
  const name = VIEWS.includes(hash) ? hash : 'classify';
  for (const v of VIEWS) {
    $('view-' + v).hidden = v !== name;
    if (v === name) $('nav-' + v).setAttribute('aria-current', 'page');
    else $('nav-' + v).removeAttribute('aria-current');
  }
  document.title = `Slant: ${name}`;
  if (name === 'model' && model) drawModel();
  if (name === 'archive' && archive) drawArchive();
  if (moveFocus) $('h-' + name).focus();
}

// ---- classify -----------------------------------------------------------------------------------------------

let article = null; // the article last classified, explained again when the target or label changes

async function classify(event) {
  event.preventDefault();
  const text = $('f-text').value;
  if (!text.trim()) {
    status($('classify-status'), 'Enter the article’s text first.', true);
    $('f-text').focus();
    return;
  }
  article = { title: $('f-title').value, text };
  const outlet = $('f-outlet').value.trim();
  if (outlet) article.meta = { outlet };
  await explain($('x-target').value || model.targets[0].name, null);
}

async function explain(target, label) {
  const button = $('classify-button');
  button.disabled = true;
  status($('classify-status'), 'Classifying…');
  try {
    const q = new URLSearchParams({ target, ngrams: '10' });
    if (label) q.set('label', label);
    const r = await api('v1/explain?' + q, { method: 'POST', json: article });
    drawPrediction(r.prediction);
    drawExplanation(r);
    $('classify-result').hidden = false;
    status($('classify-status'), 'Done.');
  } catch (e) {
    status($('classify-status'), 'Could not classify: ' + e.message, true);
  } finally {
    button.disabled = false;
  }
}

function drawPrediction(prediction) {
  $('targets').replaceChildren(...model.targets.map((t) => targetCard(t, prediction[t.name])));
}

function targetCard(t, p) {
  const card = el('section', { class: 'card', 'data-target': t.name, 'aria-labelledby': 'card-' + t.name },
    el('h3', { id: 'card-' + t.name }, t.name));
  if (p.abstained) {
    card.append(el('p', { class: 'verdict abstained', 'data-label': '' },
      el('span', { class: 'icon', 'aria-hidden': 'true' }, '⊘'), ' Abstained: no label'),
    el('p', { class: 'help' }, `The model knows none of this article’s ${p.features} n-grams, so it gives no answer.`));
    return card;
  }
  card.append(el('p', { class: 'verdict', 'data-label': p.label },
    el('span', { class: 'label' }, p.label), ' ', el('span', { class: 'prob' }, pct(p.probability))));
  let entries = Object.entries(p.probabilities);
  const many = entries.length > 6;
  if (many) entries = entries.sort((a, b) => b[1] - a[1]);
  card.append(bars(entries.slice(0, 6), p.label, t.name));
  if (many) {
    card.append(el('details', {}, el('summary', {}, `All ${entries.length} labels`), bars(entries.slice(6), p.label, t.name)));
  }
  card.append(el('p', { class: 'help' }, `${p.knownFeatures} of ${p.features} n-grams known to the model.`));
  return card;
}

function bars(entries, predicted, target) {
  return el('ul', { class: 'probs', 'aria-label': `${target}: probability of each label` }, entries.map(([label, v]) => {
    const bar = el('span', { class: 'bar' });
    bar.style.width = (v * 100).toFixed(1) + '%'; // CSSOM: allowed under style-src 'self', unlike a style attribute
    const mine = label === predicted;
    return el('li', { class: mine ? 'predicted' : null, 'data-label': label },
      el('span', { class: 'name' }, mine ? el('span', { 'aria-hidden': 'true' }, '◆ ') : null, label,
        mine ? el('span', { class: 'visually-hidden' }, ' (predicted)') : null),
      el('span', { class: 'track', 'aria-hidden': 'true' }, bar),
      el('span', { class: 'value' }, pct(v)));
  }));
}

function drawExplanation(r) {
  const t = model.targets.find((x) => x.name === r.target);
  const x = r.explanation;
  const p = r.prediction[r.target];
  options($('x-target'), model.targets.map((m) => m.name), r.target);
  options($('x-label'), t.labels, x ? x.label : p.label,
    (l) => (l === p.label ? `${l} (predicted)` : l));
  $('x-label').disabled = !x;
  if (!x) {
    $('x-summary').textContent = `${r.target} abstained: there is nothing to explain.`;
    $('article').replaceChildren();
    $('ngrams').replaceChildren();
    return;
  }
  $('x-summary').textContent = `Towards “${x.label}”${x.predicted ? ' (the predicted label)' : ''}: decision value `
    + `${f3(x.decisionValue)} = bias ${f3(x.bias)} ${signed(x.decisionValue - x.bias).replace(/^(.)/, '$1 ')} from the n-grams.`;
  const max = Math.max(1e-12, ...x.sentences.map((s) => Math.abs(s.contribution)));
  const sentence = (s) => {
    const share = Math.abs(s.contribution) / max;
    const level = share < 0.05 ? 0 : Math.ceil(share * 4);
    const dir = s.contribution > 0 ? 'pos' : 'neg';
    return el('span', { class: `s ${dir} l${level}`, 'data-field': s.field, 'data-index': s.index, 'data-contribution': s.contribution },
      el('span', { class: 't' }, s.text),
      level ? el('span', { class: 'mark' }, (s.contribution > 0 ? ' ▲' : ' ▼') + Math.abs(s.contribution).toFixed(2)) : null);
  };
  const titles = x.sentences.filter((s) => s.field === 'title');
  const body = x.sentences.filter((s) => s.field === 'text');
  $('article').replaceChildren(
    ...titles.map((s) => el('p', { class: 'a-title' }, sentence(s))),
    el('p', { class: 'a-text' }, body.map((s, i) => [i ? ' ' : null, sentence(s)])));
  const list = (heading, items, dir) => el('section', { class: 'ngram-list' }, el('h3', {}, heading),
    items.length ? el('ol', {}, items.map((n) => {
      const bar = el('span', { class: 'bar ' + dir });
      bar.style.width = (100 * Math.abs(n.contribution) / scale).toFixed(1) + '%';
      return el('li', {}, el('span', { class: 'name' }, n.ngram, n.occurrences > 1 ? el('span', { class: 'muted' }, ` ×${n.occurrences}`) : null),
        el('span', { class: 'track', 'aria-hidden': 'true' }, bar),
        el('span', { class: 'value' }, (dir === 'pos' ? '▲ ' : '▼ ') + Math.abs(n.contribution).toFixed(3)));
    })) : el('p', { class: 'muted' }, 'none'));
  const scale = Math.max(1e-12, ...x.ngramsFor.concat(x.ngramsAgainst).map((n) => Math.abs(n.contribution)));
  $('ngrams').replaceChildren(list(`N-grams for “${x.label}”`, x.ngramsFor, 'pos'),
    list(`N-grams against “${x.label}”`, x.ngramsAgainst, 'neg'));
}

// ---- a sortable, paged table --------------------------------------------------------------------------------

/** columns: [{key, label, num?, show?(row)}]; returns {set(rows)}. Sorting by a header button, 25 rows a page. */
function table(host, columns, caption, pageSize = 25, stackOnPhone = false) {
  let rows = [], sortKey = null, dir = 1, page = 0;
  const value = (r, c) => r[c.key];
  function draw() {
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages - 1);
    const head = el('tr', {}, columns.map((c) => el('th', {
      scope: 'col', class: c.num ? 'num' : null,
      'aria-sort': sortKey === c.key ? (dir > 0 ? 'ascending' : 'descending') : null,
    }, el('button', { type: 'button', 'data-key': c.key }, c.label,
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, sortKey === c.key ? (dir > 0 ? ' ▲' : ' ▼') : ' ↕')))));
    const shown = rows.slice(page * pageSize, (page + 1) * pageSize);
    const body = shown.map((r) => el('tr', {}, columns.map((c) => {
      const v = value(r, c);
      return el('td', { class: c.num ? 'num' : null, 'data-label': c.label }, c.show ? c.show(r) : v === null || v === undefined ? '—' : v);
    })));
    const t = el('table', { class: stackOnPhone ? 'stack-sm' : null }, el('caption', {}, caption(rows.length)), el('thead', {}, head), el('tbody', {}, body));
    const pager = el('div', { class: 'pager' },
      el('button', { type: 'button', 'data-go': -1, disabled: page === 0 }, '‹ Previous'),
      el('span', { 'aria-live': 'polite' }, `Page ${page + 1} of ${pages}`),
      el('button', { type: 'button', 'data-go': 1, disabled: page >= pages - 1 }, 'Next ›'));
    host.replaceChildren(el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption(rows.length) }, t),
      pages > 1 ? pager : '');
  }
  host.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.key) {
      const key = b.dataset.key;
      const c = columns.find((x) => x.key === key);
      dir = sortKey === key ? -dir : c.num ? -1 : 1;
      sortKey = key;
      const get = (r) => value(r, c);
      rows = rows.slice().sort((a, z) => {
        const u = get(a), v = get(z);
        if (u === null || u === undefined) return 1;
        if (v === null || v === undefined) return -1;
        return dir * (c.num ? u - v : collator.compare(String(u), String(v)));
      });
      page = 0;
      draw();
      host.querySelector(`button[data-key="${CSS.escape(key)}"]`).focus();
    } else if (b.dataset.go) {
      page += Number(b.dataset.go);
      draw();
      host.querySelector(`button[data-go="${b.dataset.go}"]`)?.focus();
    }
  });
  return { set(r) { rows = r; sortKey = null; page = 0; draw(); } };
}

// ---- model --------------------------------------------------------------------------------------------------

let classTable;
let classCaption = '';

function evaluations(target) {
  const m = model.metrics || {};
  const out = [];
  const cv = m.outletCv;
  if (cv && cv.target === target && cv.report) {
    const r = cv.report.targets[0];
    out.push({ key: 'cv', name: `outlet CV, ${cv.folds} folds`, ev: r.pooled, spread: r });
  }
  const t = (m.targets || {})[target] || {};
  for (const part of ['test', 'valid']) {
    if (t[part]) out.push({ key: part, name: `${m.split} ${part}`, ev: t[part].targets[0] });
  }
  return out;
}

function drawModel() {
  const target = $('m-target').value || model.targets[0].name;
  options($('m-target'), model.targets.map((t) => t.name), target);
  const evs = evaluations(target);
  const chosen = evs.find((e) => e.key === $('m-eval').value) || evs[0];
  options($('m-eval'), evs.map((e) => e.key), chosen && chosen.key, (k) => evs.find((e) => e.key === k).name);
  if (!chosen) {
    $('m-headline').replaceChildren(el('p', { class: 'muted' }, 'The bundle records no evaluation of this target.'));
    return;
  }
  const width = (id) => Math.max(260, $(id).clientWidth || 600);
  // Headline: every evaluation of the target, each figure of the model over the baseline's. Cross-validation
  // shows the mean over folds and its spread (each fold against its own majority), the pooled figure below.
  const figure = (e, key) => {
    const sp = e.spread;
    if (sp) {
      const m = sp.model[key], b = sp.baseline[key];
      if (!m) return null;
      return { model: m.mean, sd: m.standardDeviation, baseline: b ? b.mean : null, pooled: e.ev.model[key] };
    }
    const m = e.ev.model[key];
    return m === null || m === undefined ? null : { model: m, baseline: e.ev.baselineFigures[key] };
  };
  const keys = [['macroF1', 'macro-F1'], ['accuracy', 'accuracy'], ['mae', 'MAE (lower is better)']]
    .filter(([k]) => evs.some((e) => figure(e, k)));
  const cell = (f) => (f ? el('td', { class: 'num fig' },
    el('strong', {}, f.model.toFixed(3)), f.sd !== undefined ? el('span', { class: 'muted' }, ` ± ${f.sd.toFixed(3)}`) : null,
    f.baseline !== null ? el('span', { class: 'base' }, `baseline ${f.baseline.toFixed(3)}`) : null,
    f.pooled !== undefined ? el('span', { class: 'base' }, `pooled ${f.pooled.toFixed(3)}`) : null) : el('td', { class: 'num' }, '—'));
  $('m-headline').replaceChildren(el('table', { class: 'headline' },
    el('caption', {}, `${target}, ${chosen.ev.labels.length} labels: the model’s figure, the majority baseline’s below it`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'evaluation'), keys.map(([, h]) => el('th', { scope: 'col', class: 'num' }, h)))),
    el('tbody', {}, evs.map((e) => el('tr', {}, el('th', { scope: 'row' }, e.name), keys.map(([k]) => cell(figure(e, k))))))));
  const m = chosen.ev.model, b = chosen.ev.baselineFigures;
  $('m-pairs-caption').textContent = `${chosen.name}${chosen.spread ? ', pooled' : ''}: ${m.articles.toLocaleString('en')} articles, ${m.abstained} abstained`;
  $('m-pairs').replaceChildren(pairBars({ width: width('m-pairs'), title: `${target}, ${chosen.name}: model and baseline`, rows: [
    { label: 'macro-F1', model: m.macroF1, baseline: b.macroF1 },
    { label: 'weighted F1', model: m.weightedF1, baseline: b.weightedF1 },
    { label: 'accuracy', model: m.accuracy, baseline: b.accuracy },
  ] }));
  $('m-reliability').replaceChildren(m.calibration
    ? reliability({ binned: m.calibration.binned, width: width('m-reliability'), title: `${target}: reliability, ECE ${m.calibration.ece.toFixed(3)}` })
    : el('p', { class: 'muted' }, 'Not measured: the model gave no probabilities.'));
  if (m.calibration) $('m-reliability').append(el('p', { class: 'help' }, `Expected calibration error ${m.calibration.ece.toFixed(3)} over ${m.calibration.measured} articles. Bars: accuracy per bin; dots: mean confidence; dashed: perfect.`));
  const c = m.confusion;
  $('m-confusion').replaceChildren(confusion({ labels: c.labels, counts: c.counts, abstained: c.abstained, width: width('m-confusion'), title: `${target}: confusion matrix, ${chosen.name}` }),
    c.labels.length > 12 ? el('p', { class: 'help' }, `The 11 largest of ${c.labels.length} classes; the others pooled as (other).`) : '');
  classTable = classTable || table($('m-classes'), [
    { key: 'label', label: 'label' },
    { key: 'precision', label: 'precision', num: true, show: (r) => r.precision.toFixed(3) },
    { key: 'recall', label: 'recall', num: true, show: (r) => r.recall.toFixed(3) },
    { key: 'f1', label: 'F1', num: true, show: (r) => r.f1.toFixed(3) },
    { key: 'support', label: 'support', num: true },
    { key: 'predicted', label: 'predicted', num: true },
  ], (n) => `${n} classes, ${classCaption}`, 12);
  classCaption = chosen.name;
  classTable.set(m.perClass);
}

/** The model card: a small, safe subset of Markdown (headings, lists, tables, paragraphs, `code`, **bold**). */
function markdown(text) {
  const inline = (s) => s.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 1 ? el('code', {}, part.slice(1, -1))
      : part.startsWith('**') && part.endsWith('**') && part.length > 3 ? el('strong', {}, part.slice(2, -2)) : part);
  const out = [];
  let list = null, tableRows = null, para = null;
  const flush = () => {
    if (tableRows) out.push(el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, tableRows[0].map((h) => el('th', { scope: 'col' }, inline(h))))),
      el('tbody', {}, tableRows.slice(1).map((r) => el('tr', {}, r.map((v) => el('td', {}, inline(v)))))))));
    if (para) out.push(el('p', {}, inline(para)));
    list = tableRows = para = null;
  };
  for (const line of text.split('\n')) {
    const h = /^(#{1,4})\s+(.*)/.exec(line);
    if (h) { flush(); out.push(el('h' + Math.min(6, h[1].length + 2), {}, inline(h[2]))); continue; }
    if (/^\s*- /.test(line)) {
      if (!list) { flush(); list = el('ul'); out.push(list); }
      list.append(el('li', {}, inline(line.replace(/^\s*- /, ''))));
      continue;
    }
    if (/^\s*\|/.test(line)) {
      if (/^\s*\|[\s|:-]+\|\s*$/.test(line)) continue;
      if (!tableRows) { flush(); tableRows = []; }
      tableRows.push(line.trim().replace(/^\||\|$/g, '').split('|').map((s) => s.trim()));
      continue;
    }
    if (!line.trim()) { flush(); continue; }
    if (list && /^\s{2,}/.test(line)) { list.lastChild.append(' ', ...inline(line.trim())); continue; }
    if (list || tableRows) flush();
    para = para ? para + ' ' + line.trim() : line.trim();
  }
  flush();
  return out;
}

function drawProvenance() {
  const p = model.provenance || {};
  const facts = [['created', p.created], ['Slant version', p.slantVersion], ['bundle format', p.formatVersion],
    ['seed', p.seed], ['training rows used', p.rowsUsed], ['rows rejected', p.rowsRejected],
    ['training data SHA-256', p.trainingDataSha256]];
  for (const t of model.targets) facts.push([`${t.name} model`, `${t.modelType}, ${t.trainer}, ${t.labels.length} labels, ${t.precision}`]);
  $('m-provenance').replaceChildren(...facts.filter((f) => f[1] !== undefined && f[1] !== null).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
}

// ---- archive ------------------------------------------------------------------------------------------------

let archive = null; // the last /v1/archive answer
let articleTable;

const STANCE_STYLE = { left: ['#0b5394', 'L', 'stripes'], center: ['#c9c9c9', 'C', null], right: ['#b3261e', 'R', 'dots'] };
const PALETTE = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#6a3d9a'];

async function uploadArchive(event) {
  event.preventDefault();
  const file = $('a-file').files[0];
  if (!file) {
    status($('archive-status'), 'Choose a file first.', true);
    $('a-file').focus();
    return;
  }
  const name = file.name.toLowerCase().replace(/\.gz$/, '');
  const format = /\.(jsonl|ndjson)$/.test(name) ? 'jsonl' : 'csv';
  const q = new URLSearchParams({ format });
  for (const c of ['id', 'title', 'text', 'outlet', 'date']) q.set(c, $('a-col-' + c).value.trim());
  $('archive-button').disabled = true;
  status($('archive-status'), `Classifying ${file.name} (${(file.size / 1e6).toFixed(1)} MB)…`);
  try {
    archive = await api('v1/archive?' + q, { method: 'POST', body: file, type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
    const rd = archive.read;
    const problems = Object.entries(rd.problems || {}).map(([k, v]) => `${k}: ${v}`).join(', ');
    status($('archive-status'), `${rd.accepted.toLocaleString('en')} articles classified, ${rd.rejected} rejected${problems ? ' (' + problems + ')' : ''}.`);
    $('archive-result').hidden = false;
    options($('a-show'), archive.targets.map((t) => t.name), 'stance');
    articleTable = articleTable || table($('a-table'), [
      { key: 'id', label: 'ID' },
      { key: 'title', label: 'title' },
      { key: 'outlet', label: 'outlet' },
      { key: 'month', label: 'month' },
      ...archive.targets.flatMap((t) => [
        { key: t.name, label: t.name },
        { key: t.name + 'P', label: `P(${t.name})`, num: true, show: (r) => (r[t.name + 'P'] === null ? '—' : r[t.name + 'P'].toFixed(2)) },
      ]),
    ], (n) => `${n.toLocaleString('en')} articles`, 25, true);
    drawArchive();
    filterArticles();
  } catch (e) {
    status($('archive-status'), 'Could not classify the file: ' + e.message, true);
  } finally {
    $('archive-button').disabled = false;
  }
}

function filterArticles() {
  const needle = $('a-filter').value.trim().toLowerCase();
  const flat = archive.articles.map((a) => {
    const r = { id: a.id, title: a.title, outlet: a.outlet, month: a.month };
    for (const t of archive.targets) {
      r[t.name] = a[t.name].label ?? '(abstained)';
      r[t.name + 'P'] = a[t.name].probability;
    }
    return r;
  });
  articleTable.set(needle ? flat.filter((r) => `${r.title} ${r.outlet ?? ''}`.toLowerCase().includes(needle)) : flat);
}

function drawArchive() {
  const show = $('a-show').value || archive.targets[0].name;
  const by = $('a-group').value;
  for (const o of $('a-show').options) o.disabled = o.value === by;
  if (show === by) { $('a-show').value = archive.targets.find((t) => t.name !== by).name; return drawArchive(); }
  const labelOf = (a, key) => (key === 'outlet' || key === 'month' ? a[key] : a[key]?.label) ?? (key === 'month' || key === 'outlet' ? '(unknown)' : '(abstained)');
  // Categories: a target with few labels keeps them all, in the model's order; topic keeps its 8 largest.
  const target = archive.targets.find((t) => t.name === show);
  const totals = new Map();
  for (const a of archive.articles) totals.set(labelOf(a, show), (totals.get(labelOf(a, show)) || 0) + 1);
  let keys = target.labels.length <= 8 ? target.labels.filter((l) => totals.has(l))
    : [...totals.keys()].filter((k) => k !== '(abstained)').sort((a, b) => totals.get(b) - totals.get(a)).slice(0, 8);
  const other = [...totals.keys()].some((k) => !keys.includes(k) && k !== '(abstained)');
  const categories = keys.map((k, i) => {
    const s = STANCE_STYLE[k];
    return s && show === 'stance' ? { key: k, label: k, colour: s[0], mark: s[1], pattern: s[2] }
      : { key: k, label: k, colour: PALETTE[i % PALETTE.length], mark: String(i + 1) };
  });
  if (other) categories.push({ key: '(other)', label: 'other', colour: '#7f7f7f', mark: '+' });
  if (totals.has('(abstained)')) categories.push({ key: '(abstained)', label: 'abstained', colour: '#ffffff', mark: '⊘' });
  const groups = new Map();
  for (const a of archive.articles) {
    const g = labelOf(a, by);
    let c = labelOf(a, show);
    if (c !== '(abstained)' && !keys.includes(c)) c = '(other)';
    const entry = groups.get(g) || { name: g, total: 0, counts: {} };
    entry.total++;
    entry.counts[c] = (entry.counts[c] || 0) + 1;
    groups.set(g, entry);
  }
  let list = [...groups.values()];
  list = by === 'month' ? list.sort((a, b) => collator.compare(a.name, b.name)).slice(-24)
    : list.sort((a, b) => b.total - a.total).slice(0, 15);
  const more = groups.size - list.length;
  $('a-legend').replaceChildren(legend(categories));
  $('a-chart').replaceChildren(stackedShares({ groups: list, categories, width: Math.max(260, $('a-chart').clientWidth || 600),
    title: `${show} shares by ${by}` }), more > 0 ? el('p', { class: 'help' }, `${list.length} of ${groups.size} ${by === 'month' ? 'months (the latest)' : by + 's (the largest)'}.`) : '');
}

// ---- start --------------------------------------------------------------------------------------------------

async function start() {
  $('classify-form').addEventListener('submit', classify);
  $('x-target').addEventListener('change', () => article && explain($('x-target').value, null));
  $('x-label').addEventListener('change', () => article && explain($('x-target').value, $('x-label').value));
  $('m-target').addEventListener('change', () => { $('m-eval').value = ''; drawModel(); });
  $('m-eval').addEventListener('change', drawModel);
  $('archive-form').addEventListener('submit', uploadArchive);
  $('a-show').addEventListener('change', drawArchive);
  $('a-group').addEventListener('change', drawArchive);
  $('a-filter').addEventListener('input', filterArticles);
  window.addEventListener('hashchange', () => route(true));
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(window.innerWidth - width) < 40) return;
    width = window.innerWidth;
    route(false);
  });
  try {
    model = await api('v1/model');
    const m = model.metrics || {};
    $('model-line').textContent = `Model: ${model.targets.map((t) => t.name).join(' and ')}`
      + (m.corpus ? `, trained on ${m.corpus} (${m.split} split)` : '');
    options($('x-target'), model.targets.map((t) => t.name), model.targets[0].name);
    drawProvenance();
    api('v1/model/card').then((card) => $('m-card').replaceChildren(...markdown(card)))
      .catch((e) => $('m-card').replaceChildren(el('p', { class: 'muted' }, 'No model card: ' + e.message)));
  } catch (e) {
    $('page-error').textContent = 'Cannot read the model from the server: ' + e.message;
    $('page-error').hidden = false;
  }
  route(false);
  document.body.dataset.ready = 'true';
}

start();
