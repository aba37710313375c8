// Slant's page: three views (Classify, Model, Archive) over the service's JSON API.
// Rules kept throughout: text from the server, the user or a file enters the page only as text (el() below sets
// textContent and attributes, never markup); no innerHTML, no inline handlers, no eval (the Content-Security-Policy
// forbids them, and its Trusted Types make innerHTML throw); the server's SVG charts arrive as parsed XML documents
// and are imported as nodes; every colour comes with a mark or a number.

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
const num3 = (x) => (x < 0 ? MINUS : '') + Math.abs(x).toFixed(3);
const signed = (x) => (x < 0 ? MINUS : '+') + Math.abs(x).toFixed(3);
const count = (n) => Number(n).toLocaleString('en');
const mb = (bytes) => (bytes / (1 << 20)).toFixed(bytes < (10 << 20) ? 1 : 0) + ' MiB';

/** Calls the API (relative paths, so the page also works under a proxy's prefix); throws the server's error text. */
async function api(path, { method = 'GET', json, body, type } = {}) {
  const init = { method, headers: {} };
  if (json !== undefined) {
    init.body = JSON.stringify(json);
    init.headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    init.body = body;
    init.headers['Content-Type'] = type;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new Error('the server did not answer (' + e.message + ')');
  }
  const type2 = res.headers.get('Content-Type') || '';
  const data = type2.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error((data && data.error) || `HTTP ${res.status}`);
  return data;
}

/**
 * Fetches one of the server's SVG charts as a parsed XML document (never as markup) and returns its root, imported
 * into this page. Anything that could run (script, foreignObject, on* attributes, javascript: links) is removed on
 * the way in, though the server never writes them.
 */
function loadSvg(url) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'document';
    xhr.overrideMimeType('image/svg+xml');
    xhr.onload = () => {
      const doc = xhr.responseXML;
      if (xhr.status !== 200 || !doc || doc.documentElement.localName !== 'svg') {
        reject(new Error(`the chart could not be read (HTTP ${xhr.status})`));
        return;
      }
      for (const bad of doc.querySelectorAll('script, foreignObject, iframe, object, embed')) bad.remove();
      for (const e of doc.querySelectorAll('*')) {
        for (const a of [...e.attributes]) {
          if (/^on/i.test(a.name) || (/href$/i.test(a.name) && !a.value.startsWith('#'))) e.removeAttribute(a.name);
        }
      }
      resolve(document.importNode(doc.documentElement, true));
    };
    xhr.onerror = () => reject(new Error('the server did not answer'));
    xhr.send();
  });
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
  if (name === 'archive' && archive) drawChart();
  if (moveFocus) $('h-' + name).focus();
}

// ---- classify -----------------------------------------------------------------------------------------------

let article = null; // the article last classified, explained again when the target or the label changes

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
    const q = new URLSearchParams({ target });
    if (label) q.set('label', label);
    const r = await api('v1/explain?' + q, { method: 'POST', json: article });
    drawPrediction(r.prediction);
    drawExplanation(r);
    $('classify-result').hidden = false;
    status($('classify-status'), 'Done.');
    $('classify-result').dataset.state = 'done';
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
      el('span', { class: 'icon', 'aria-hidden': 'true' }, '⊘ '), 'Abstained: no label'),
    el('p', { class: 'help', 'data-reason': p.abstention || '' }, p.abstention === 'no known feature' || !p.abstention
      ? `The model knows none of this article’s ${count(p.features)} n-grams, so it gives no answer rather than a guess.`
      : `The model gives no answer rather than a guess: ${p.abstention}.`));
    return card;
  }
  card.append(el('p', { class: 'verdict', 'data-label': p.label, 'data-probability': p.probability },
    el('span', { class: 'label' }, p.label), ' ', el('span', { class: 'prob' }, pct(p.probability))));
  let entries = Object.entries(p.probabilities);
  const many = entries.length > 6;
  if (many) entries = entries.sort((a, b) => b[1] - a[1]);
  card.append(bars(entries.slice(0, 6), p.label, t.name));
  if (many) {
    card.append(el('details', {}, el('summary', {}, `All ${entries.length} labels`), bars(entries.slice(6), p.label, t.name)));
  }
  card.append(el('p', { class: 'help' }, `${count(p.knownFeatures)} of ${count(p.features)} n-grams known to the model.`));
  return card;
}

function bars(entries, predicted, target) {
  return el('ul', { class: 'probs', 'aria-label': `${target}: the probability of each label` }, entries.map(([label, v]) => {
    const bar = el('span', { class: 'bar' });
    bar.style.width = (v * 100).toFixed(1) + '%'; // CSSOM, which style-src 'self' allows (a style attribute it would not)
    const mine = label === predicted;
    return el('li', { class: mine ? 'predicted' : null, 'data-label': label, 'data-probability': v },
      el('span', { class: 'name' }, mine ? el('span', { 'aria-hidden': 'true' }, '◆ ') : null, label,
        mine ? el('span', { class: 'visually-hidden' }, ' (predicted)') : null),
      el('span', { class: 'track', 'aria-hidden': 'true' }, bar),
      el('span', { class: 'value' }, pct(v)));
  }));
}

function drawExplanation(r) {
  const t = model.targets.find((x) => x.name === r.target);
  const p = r.prediction[r.target];
  const x = r.explanation;
  options($('x-target'), model.targets.map((m) => m.name), r.target);
  options($('x-label'), t.labels, x ? r.label : null, (l) => (l === p.label ? `${l} (predicted)` : l));
  $('x-label').disabled = !x;
  $('article').dataset.target = r.target;
  $('article').dataset.label = r.label || '';
  if (!x) {
    $('x-summary').textContent = `${r.target} abstained: there is nothing to explain.`;
    $('article').replaceChildren();
    $('ngrams').replaceChildren();
    return;
  }
  $('x-summary').textContent = `Towards “${r.label}”${r.predicted ? ' (the predicted label)' : ''}: decision value `
    + `${num3(x.decisionValue)} = bias ${num3(x.bias)} ${signed(x.decisionValue - x.bias).replace(/^(.)/, '$1 ')} from the n-grams below.`;
  const max = Math.max(1e-12, ...x.sentences.map((s) => Math.abs(s.contribution)));
  const sentence = (s) => {
    const share = Math.abs(s.contribution) / max;
    const level = s.contribution === 0 || share < 0.05 ? 0 : Math.ceil(share * 4);
    const dir = s.contribution > 0 ? 'pos' : 'neg';
    return el('span', { class: `s ${dir} l${level}`, 'data-field': s.field, 'data-index': s.index, 'data-contribution': s.contribution },
      el('span', { class: 't' }, s.text),
      level ? el('span', { class: 'mark' }, (s.contribution > 0 ? ' ▲' : ' ▼') + Math.abs(s.contribution).toFixed(3)) : null);
  };
  const titles = x.sentences.filter((s) => s.field === 'title');
  const body = x.sentences.filter((s) => s.field === 'text');
  const title = titles.length ? titles.map((s) => el('p', { class: 'a-title' }, sentence(s)))
    : article.title.trim() ? [el('p', { class: 'a-title plain' }, article.title, el('span', { class: 'muted' }, ' (no n-gram the model knows)'))] : [];
  $('article').replaceChildren(...title, el('p', { class: 'a-text' }, body.map((s, i) => [i ? ' ' : null, sentence(s)])));
  const scale = Math.max(1e-12, ...x.ngramsFor.concat(x.ngramsAgainst).map((n) => Math.abs(n.contribution)));
  const list = (heading, items, dir) => el('section', { class: 'ngram-list', 'data-side': dir }, el('h3', {}, heading),
    items.length ? el('ol', {}, items.map((n) => {
      const bar = el('span', { class: 'bar ' + dir });
      bar.style.width = (100 * Math.abs(n.contribution) / scale).toFixed(1) + '%';
      return el('li', { 'data-contribution': n.contribution },
        el('span', { class: 'name' }, n.ngram, n.occurrences > 1 ? el('span', { class: 'muted' }, ` ×${n.occurrences}`) : null),
        el('span', { class: 'track', 'aria-hidden': 'true' }, bar),
        el('span', { class: 'value' }, (dir === 'pos' ? '▲ ' : '▼ ') + Math.abs(n.contribution).toFixed(3)));
    })) : el('p', { class: 'muted' }, 'none'));
  $('ngrams').replaceChildren(list(`N-grams for “${r.label}”`, x.ngramsFor, 'pos'),
    list(`N-grams against “${r.label}”`, x.ngramsAgainst, 'neg'));
}

// ---- a sortable, paged table --------------------------------------------------------------------------------

/**
 * A table whose rows come a page at a time from fetchPage(sortKey, descending, page), which returns
 * {rows, page, pages, total}. Made once per host; reset() gives it its columns ([{key, label, num?, show?(row)}]),
 * caption and source. Sorted by a header button (aria-sort on the header); the keyboard works; the focus stays.
 */
function pagedTable(host) {
  let columns = [], caption = () => '', fetchPage = null;
  let sortKey = null, descending = false, page = 0, last = null;
  async function load(focus) {
    const source = fetchPage;
    let got;
    try {
      got = await source(sortKey, descending, page);
    } catch (e) {
      host.replaceChildren(el('p', { class: 'error' }, 'Could not read the rows: ' + e.message));
      return;
    }
    if (source !== fetchPage) return; // another source was set meanwhile
    last = got;
    draw();
    if (focus) host.querySelector(focus)?.focus();
  }
  function draw() {
    const head = el('tr', {}, columns.map((c) => el('th', {
      scope: 'col', class: c.num ? 'num' : null,
      'aria-sort': sortKey === c.key ? (descending ? 'descending' : 'ascending') : null,
    }, el('button', { type: 'button', 'data-key': c.key }, c.label,
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, sortKey === c.key ? (descending ? ' ▼' : ' ▲') : ' ↕')))));
    const body = last.rows.map((r) => el('tr', {}, columns.map((c) => {
      const v = c.show ? c.show(r) : r[c.key];
      return el('td', { class: c.num ? 'num' : null }, v === null || v === undefined || v === '' ? '—' : v);
    })));
    const cap = caption(last);
    const t = el('table', {}, el('caption', {}, cap), el('thead', {}, head), el('tbody', {}, body));
    const pager = el('div', { class: 'pager' },
      el('button', { type: 'button', 'data-go': -1, disabled: last.page === 0 }, '‹ Previous'),
      el('span', { 'aria-live': 'polite' }, `Page ${last.page + 1} of ${last.pages}`),
      el('button', { type: 'button', 'data-go': 1, disabled: last.page >= last.pages - 1 }, 'Next ›'));
    host.replaceChildren(el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': cap }, t),
      last.pages > 1 ? pager : '');
    host.dataset.page = last.page;
  }
  host.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b || !host.contains(b) || !fetchPage) return;
    if (b.dataset.key) {
      const c = columns.find((x) => x.key === b.dataset.key);
      descending = sortKey === c.key ? !descending : Boolean(c.num);
      sortKey = c.key;
      page = 0;
      load(`button[data-key="${CSS.escape(c.key)}"]`);
    } else if (b.dataset.go) {
      page = Math.max(0, page + Number(b.dataset.go));
      load(`button[data-go="${b.dataset.go}"]`);
    }
  });
  return {
    reset(newColumns, newCaption, newFetch) {
      columns = newColumns;
      caption = newCaption;
      fetchPage = newFetch;
      sortKey = null;
      descending = false;
      page = 0;
      return load(null);
    },
  };
}

/** A source for pagedTable of rows held here, sorted here, on one page. */
function localRows(rows, columns) {
  return async (key, desc) => {
    let shown = rows;
    if (key) {
      const c = columns.find((x) => x.key === key);
      shown = rows.slice().sort((a, z) => {
        const d = c.num ? a[key] - z[key] : String(a[key]).localeCompare(String(z[key]), 'en', { numeric: true });
        return desc ? -d : d;
      });
    }
    return { rows: shown, page: 0, pages: 1, total: shown.length };
  };
}

// ---- model --------------------------------------------------------------------------------------------------

/** Every evaluation the bundle carries, outlet-disjoint cross-validation first. */
function evaluations() {
  const m = model.metrics || {};
  const out = [];
  const cv = m.outletCv;
  if (cv && cv.report && cv.report.targets && cv.report.targets[0]) {
    const r = cv.report.targets[0];
    out.push({ key: 'cv', target: cv.target, name: `${cv.target}: outlets never seen, outlet-disjoint ${cv.folds}-fold cross-validation`,
      figures: r.pooled.model, baseline: r.pooled.baselineFigures, spread: r.model, baselineSpread: r.baseline });
  }
  for (const [target, t] of Object.entries(m.targets || {})) {
    for (const part of ['test', 'valid']) {
      const report = t[part];
      if (report && report.targets && report.targets[0]) {
        const e = report.targets[0];
        out.push({ key: `${target}-${part}`, target, name: `${target}: ${m.split || 'published'} split, ${part} part`,
          figures: e.model, baseline: e.baselineFigures });
      }
    }
  }
  return out;
}

/**
 * The headline figures, as `slant train` and `slant evaluate` print them: a cross-validation gives the mean over its
 * folds (macro-F1 with its standard deviation, the folds pooled beside it) against each fold's own majority
 * baseline, and MAE and ECE of the folds pooled; an evaluated part holding articles of too few of the target's labels
 * gets no macro-F1 (the absent labels would count as F1 0), with a note saying so.
 */
function drawModel() {
  const evs = evaluations();
  if (!evs.length) {
    $('m-headline').replaceChildren(el('p', { class: 'muted' }, 'The bundle records no evaluation.'));
    $('m-eval').disabled = true;
    return;
  }
  const f = (v) => (v === null || v === undefined ? '—' : v.toFixed(3));
  const notes = [];
  const rows = evs.flatMap((e) => {
    const m = e.figures, b = e.baseline;
    const covered = m.perClass.filter((c) => c.support > 0).length;
    const enough = covered >= model.minLabelCoverage * m.perClass.length;
    let macro, macroBase;
    if (e.spread) {
      macro = `${f(e.spread.macroF1.mean)} ± ${f(e.spread.macroF1.standardDeviation)} (pooled ${f(m.macroF1)})`;
      macroBase = f(e.baselineSpread.macroF1.mean);
    } else if (enough) {
      macro = f(m.macroF1);
      macroBase = f(b.macroF1);
    } else {
      macro = macroBase = 'n/a';
      notes.push(`${e.name}: only ${covered} of the ${m.perClass.length} labels have articles here, so macro-F1 (which `
        + 'counts every absent label as F1 0) is not shown; the per-class table has the figures.');
    }
    return [
      [e.name, 'macro-F1', macro, macroBase],
      [e.name, 'accuracy', e.spread ? f(e.spread.accuracy.mean) : f(m.accuracy), e.spread ? f(e.baselineSpread.accuracy.mean) : f(b.accuracy)],
      m.mae === null || m.mae === undefined ? null : [e.name, 'mean absolute error (lower is better)', f(m.mae), f(b.mae)],
      m.ece === null || m.ece === undefined ? null : [e.name, 'expected calibration error (lower is better)', f(m.ece), '—'],
    ].filter(Boolean);
  });
  $('m-headline').replaceChildren(el('table', { class: 'headline' },
    el('caption', {}, `${evs.length} evaluation${evs.length > 1 ? 's' : ''} recorded by training`),
    el('thead', {}, el('tr', {}, ['evaluation', 'figure', 'model', 'majority baseline'].map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : null }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((v, i) => el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: i > 1 ? 'num' : null }, v)))))),
  ...notes.map((n) => el('p', { class: 'help note' }, '* ' + n)));
  const chosen = evs.find((e) => e.key === $('m-eval').value) || evs[0];
  options($('m-eval'), evs.map((e) => e.key), chosen.key, (k) => evs.find((e) => e.key === k).name);
  drawEvaluation(chosen);
}

let classTable = null;

function drawEvaluation(e) {
  const m = e.figures;
  $('h-classes').textContent = `Per class: ${e.name}${e.spread ? ' (the folds pooled)' : ''}, ${count(m.articles)} articles, `
    + `${count(m.abstained)} abstained`;
  const columns = [
    { key: 'label', label: 'label' },
    { key: 'precision', label: 'precision', num: true, show: (r) => r.precision.toFixed(3) },
    { key: 'recall', label: 'recall', num: true, show: (r) => r.recall.toFixed(3) },
    { key: 'f1', label: 'F1', num: true, show: (r) => r.f1.toFixed(3) },
    { key: 'support', label: 'support', num: true, show: (r) => count(r.support) },
    { key: 'predicted', label: 'predicted', num: true, show: (r) => count(r.predicted) },
  ];
  classTable = classTable || pagedTable($('m-classes'));
  classTable.reset(columns, (p) => `${p.total} classes`, localRows(m.perClass, columns));
  const q = new URLSearchParams({ evaluation: e.key, width: String(chartWidth($('m-confusion'))) });
  for (const kind of ['confusion', 'reliability']) {
    const box = $('m-' + kind);
    q.set('kind', kind);
    loadSvg('v1/model/chart?' + q).then((svg) => box.replaceChildren(svg))
      .catch((err) => box.replaceChildren(el('p', { class: 'muted' }, 'No chart: ' + err.message)));
  }
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
    if (/^\s*[-*] /.test(line)) {
      if (!list) { flush(); list = el('ul'); out.push(list); }
      list.append(el('li', {}, inline(line.replace(/^\s*[-*] /, ''))));
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

let archive = null; // the summary of the archive shown
let articleTable = null;

const TYPES = { csv: 'text/csv', tsv: 'text/tab-separated-values', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson', gz: 'application/gzip' };

async function uploadArchive(event) {
  event.preventDefault();
  const file = $('a-file').files[0];
  if (!file) {
    status($('archive-status'), 'Choose a file first.', true);
    $('a-file').focus();
    return;
  }
  if (file.size > model.limits.maxBody) {
    status($('archive-status'), `${file.name} is ${mb(file.size)}; this server takes files up to ${mb(model.limits.maxBody)}. `
      + 'Score a larger file with slant score, then slant report or slant serve --archive.', true);
    return;
  }
  const ext = (/\.([a-z]+)$/i.exec(file.name) || [])[1] || '';
  const q = new URLSearchParams({ name: file.name });
  for (const c of ['id', 'title', 'text', 'outlet', 'date']) {
    const v = $('a-col-' + c).value.trim();
    if (v) q.set(c, v);
  }
  $('archive-button').disabled = true;
  status($('archive-status'), `Scoring ${file.name} (${mb(file.size)})…`);
  try {
    const summary = await api('v1/archives?' + q, { method: 'POST', body: file, type: TYPES[ext.toLowerCase()] || 'application/octet-stream' });
    await showArchive(summary);
    status($('archive-status'), `${file.name}: scored.`);
  } catch (e) {
    status($('archive-status'), 'Could not score the file: ' + e.message, true);
  } finally {
    $('archive-button').disabled = false;
  }
}

async function showArchive(summary) {
  archive = summary;
  const read = summary.read;
  const rejected = Object.entries(read.rejected || {}).map(([k, v]) => `${count(v)} ${k}`).join(', ');
  $('a-heading').textContent = summary.source === 'operator' ? `The server’s archive: ${summary.name}` : `Your file: ${summary.name}`;
  $('a-summary').textContent = `${count(summary.articles)} articles scored`
    + (read.records !== undefined ? ` of ${count(read.records)} records` : '')
    + (rejected ? `; rejected: ${rejected}` : '')
    + (summary.malformed ? `; ${count(summary.malformed)} malformed rows skipped` : '')
    + (summary.dateColumn ? `; ${count(summary.dated)} with a readable date` : '; no date column')
    + (summary.outletColumn ? '' : '; no outlet column') + '.';
  $('a-abstained').replaceChildren(...summary.targets.map((t) => {
    const n = t.counts['(abstained)'] || 0;
    return el('li', { 'data-target': t.name, 'data-abstained': n },
      `${t.name}: ${count(n)} abstained (${pct(summary.articles ? n / summary.articles : 0)}): no label, the model knowing too few of `
      + 'their n-grams (or their text being mostly markup)');
  }));
  $('a-download').href = `v1/archives/${encodeURIComponent(summary.id)}/scored`;
  $('a-download').setAttribute('download', summary.download);
  options($('a-show'), summary.targets.map((t) => t.name), summary.targets[0].name);
  fillBy();
  $('archive-result').hidden = false;
  const targets = summary.targets.map((t) => t.name);
  const columns = [
    { key: 'number', label: '#', num: true },
    { key: 'id', label: 'ID' },
    { key: 'title', label: 'title' },
    { key: 'outlet', label: 'outlet' },
    { key: 'date', label: 'date' },
    ...targets.flatMap((t) => [
      { key: t, label: t, show: (r) => (r[t].label === null ? '⊘ abstained' : r[t].label) },
      { key: t + '_probability', label: 'p', num: true, show: (r) => (r[t].probability === null ? '—' : r[t].probability.toFixed(2)) },
    ]),
  ];
  articleTable = articleTable || pagedTable($('a-table'));
  const rows = articleTable.reset(columns,
    (page) => `${count(page.total)} articles${page.articles > page.total ? ` (the first ${count(page.total)} of ${count(page.articles)})` : ''}, 25 a page`,
    (key, desc, page) => api(`v1/archives/${encodeURIComponent(summary.id)}/rows?` + new URLSearchParams({
      sort: key || 'number', order: desc ? 'desc' : 'asc', page: String(page) })));
  await Promise.all([rows, drawChart()]);
  $('archive-result').dataset.state = 'done';
}

function fillBy() {
  const show = $('a-show').value;
  const dims = archive.dimensions.filter((d) => d !== show);
  const current = $('a-by').value;
  const label = (d) => (d === 'all' ? 'all articles' : d);
  options($('a-by'), dims, dims.includes(current) ? current : dims.includes('outlet') ? 'outlet' : dims[0], label);
}

function chartWidth(box) {
  return Math.max(260, Math.min(1100, Math.floor(box.clientWidth || box.parentElement.clientWidth || 720)));
}

let chartSeq = 0;

async function drawChart() {
  if (!archive || $('view-archive').hidden) return;
  const seq = ++chartSeq;
  const q = new URLSearchParams({ target: $('a-show').value, by: $('a-by').value });
  const base = `v1/archives/${encodeURIComponent(archive.id)}/chart?`;
  try {
    const [svg, numbers] = await Promise.all([
      loadSvg(base + q + '&width=' + chartWidth($('a-chart'))),
      api(base + q + '&format=json'),
    ]);
    if (seq !== chartSeq) return;
    $('a-chart').replaceChildren(svg);
    $('a-numbers').replaceChildren(numbersTable(numbers));
    $('a-chart').dataset.state = 'done';
  } catch (e) {
    $('a-chart').replaceChildren(el('p', { class: 'error' }, 'Could not draw the chart: ' + e.message));
  }
}

function numbersTable(s) {
  const name = (k) => (k === '(abstained)' ? 'abstained' : k === '(other)' ? 'other labels' : k);
  return el('table', { class: 'numbers' },
    el('caption', {}, s.title),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, s.dimension === 'all' ? '' : s.dimension),
      el('th', { scope: 'col', class: 'num' }, 'articles'),
      s.categories.map((c) => el('th', { scope: 'col', class: 'num' }, name(c.key))))),
    el('tbody', {}, s.groups.map((g) => el('tr', { 'data-group': g.name },
      el('th', { scope: 'row' }, g.name), el('td', { class: 'num' }, count(g.total)),
      g.counts.map((n, i) => el('td', { class: 'num', 'data-category': s.categories[i].key, 'data-count': n },
        `${count(n)} (${pct(g.total ? n / g.total : 0)})`))))));
}

// ---- start --------------------------------------------------------------------------------------------------

async function start() {
  $('classify-form').addEventListener('submit', classify);
  $('x-target').addEventListener('change', () => article && explain($('x-target').value, null));
  $('x-label').addEventListener('change', () => article && explain($('x-target').value, $('x-label').value));
  $('m-eval').addEventListener('change', () => drawEvaluation(evaluations().find((e) => e.key === $('m-eval').value)));
  $('archive-form').addEventListener('submit', uploadArchive);
  $('a-show').addEventListener('change', () => { fillBy(); drawChart(); });
  $('a-by').addEventListener('change', drawChart);
  window.addEventListener('hashchange', () => route(true));
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(window.innerWidth - width) < 40) return;
    width = window.innerWidth;
    drawChart();
    if (model && !$('view-model').hidden) drawModel();
  });
  try {
    model = await api('v1/model');
    const m = model.metrics || {};
    $('model-line').textContent = `Model: ${model.targets.map((t) => t.name).join(' and ')}`
      + (m.corpus ? `, trained on ${m.corpus} (${m.split} split)` : '');
    options($('x-target'), model.targets.map((t) => t.name), model.targets[0].name);
    $('a-file-help').textContent = `Up to ${mb(model.limits.maxBody)} (this server’s body limit). The file is scored here and kept `
      + 'in this server’s memory until it stops; nobody else can list it.';
    drawProvenance();
    drawModel();
    api('v1/model/card').then((card) => $('m-card').replaceChildren(...(card.trim() ? markdown(card) : [el('p', { class: 'muted' }, 'The bundle has no model card.')])))
      .catch((e) => $('m-card').replaceChildren(el('p', { class: 'muted' }, 'No model card: ' + e.message)));
    const list = await api('v1/archives');
    if (list.archives.length) {
      const named = list.archives[0];
      $('a-operator').textContent = `This server was started with an archive: ${named.name}, shown below. You can also score a file of your own.`;
      $('a-operator').hidden = false;
      await showArchive(named);
    }
  } catch (e) {
    $('page-error').textContent = 'Cannot read the model from the server: ' + e.message;
    $('page-error').hidden = false;
  }
  route(false);
  document.body.dataset.ready = 'true';
}

start();
