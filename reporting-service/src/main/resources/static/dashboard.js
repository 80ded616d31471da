// The head's dashboard: reads the reports from the JSON API and draws figures, SVG charts and tables.
// Plain JS, no build step, no external resources.
(function () {
  'use strict';

  const NO_DATA = 'Нет данных за период';
  const number = new Intl.NumberFormat('ru-RU', {maximumFractionDigits: 1});
  const integer = new Intl.NumberFormat('ru-RU', {maximumFractionDigits: 0});
  const exact = new Intl.NumberFormat('ru-RU', {maximumFractionDigits: 3});
  const ROMAN = ['I', 'II', 'III', 'IV'];
  // what the codes mean comes from the service (GET api/reports/labels): the contract's enums, named once
  const labels = {statuses: {}, verdicts: {}, channels: {}, categories: {}};
  const WEIGHT_NAMES = {
    regularity: 'регулярность встреч', minutesOnTime: 'протоколы в срок',
    instructionsOnTime: 'поручения в срок', residentsReached: 'охват жителей'
  };

  const state = {year: null, half: null};

  /** The quarterly rule's verdict as the service named it; the code itself until the labels are loaded. */
  function verdictText(rule) {
    return labels.verdicts[rule] || rule || '';
  }

  /** The CSS class of a verdict: MET → met, NOT_MET → not-met. */
  function verdictKind(rule) {
    return rule ? rule.toLowerCase().replace(/_/g, '-') : '';
  }

  /** A verdict without a count of meetings to show: the quarter is ahead, or the group was not formed yet. */
  function withoutCount(rule) {
    return rule === 'NOT_STARTED' || rule === 'NOT_FORMED';
  }

  // ---------- small DOM helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    children.flat().forEach(child => child && node.append(child));
    return node;
  }

  function put(id, ...nodes) {
    const target = document.getElementById(id);
    target.replaceChildren(...nodes.flat().filter(Boolean));
    return target;
  }

  function empty(text) {
    return el('p', {class: 'empty', text: text || NO_DATA});
  }

  function fmt(value) {
    return value === null || value === undefined ? '—' : number.format(value);
  }

  function fmtInt(value) {
    return value === null || value === undefined ? '—' : integer.format(value);
  }

  function pct(share) {
    return share === null || share === undefined ? '—' : number.format(share * 100) + '\u00a0%';
  }

  function day(iso) {
    if (!iso) return '—';
    const [y, m, d] = iso.split('-');
    return `${d}.${m}.${y}`;
  }

  function capital(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  /**
   * A real table: caption, column headers with scope, row headers for the first column.
   * columns: [{title, value(row) -> Node|string, numeric}]
   */
  function table(caption, columns, rows, options) {
    const opts = options || {};
    const head = el('thead', {}, el('tr', {}, columns.map(c => el('th', {scope: 'col', class: c.numeric ? 'num' : null}, c.title))));
    const body = el('tbody', {}, rows.map((row, i) => {
      const isTotal = opts.totalRow && i === rows.length - 1;
      return el('tr', {class: isTotal ? 'total' : null}, columns.map((c, index) => {
        const content = c.value(row);
        if (index === 0) return el('th', {scope: 'row'}, content);
        return el('td', {class: c.numeric ? 'num' : null}, content);
      }));
    }));
    return el('table', {class: 'data' + (opts.compact ? ' compact' : '')},
      el('caption', {class: opts.hideCaption ? 'visually-hidden' : null, text: caption}), head, body);
  }

  // ---------- API ----------

  class ApiError extends Error {
  }

  const NO_ACCESS = 'Нет доступа: этот раздел для Главы Администрации';

  /** The service knows the person but refuses them the reports (403). */
  class ForbiddenError extends ApiError {
    constructor() {
      super(NO_ACCESS);
    }
  }

  /** The one way to the service: with the head's access token (auth.js), the page's language, its errors. */
  async function send(path, what, init, accept) {
    let response;
    try {
      // the service words its refusals in the language asked for: the page is Russian
      response = await window.DashboardAuth.fetch(path, Object.assign({headers: {Accept: accept, 'Accept-Language': 'ru'}}, init || {}));
    } catch (e) {
      throw new ApiError(`Не удалось загрузить ${what}: сервис отчётов недоступен. Проверьте соединение и повторите.`);
    }
    if (response.status === 403) throw new ForbiddenError();
    if (!response.ok) {
      let detail = '';
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || '';
      } catch (ignored) {
        // not a problem document
      }
      throw new ApiError(`Не удалось загрузить ${what}: ${detail || 'ошибка сервера'} (код ${response.status}).`);
    }
    return response;
  }

  async function api(path, what, init) {
    return (await send(path, what, init, 'application/json')).json();
  }

  /** The file's name as the service gave it: RFC 5987 filename* (the Russian one) before the plain filename. */
  function fileName(disposition, fallback) {
    const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition || '');
    if (extended) {
      try {
        return decodeURIComponent(extended[2].trim());
      } catch (ignored) {
        // a malformed name: the plain one
      }
    }
    const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition || '');
    return plain ? plain[1].trim() : fallback;
  }

  /**
   * A download link fetched with the token and saved from a Blob URL (a plain link would go without the token);
   * the link's href stays for its address to be seen and copied.
   */
  async function download(link) {
    const what = link.dataset.what;
    const status = document.getElementById('download-status');
    link.setAttribute('aria-busy', 'true');
    status.textContent = `Готовится файл: ${what}…`;
    try {
      const response = await send(link.href, what, {}, '*/*');
      const blob = await response.blob();
      const name = fileName(response.headers.get('Content-Disposition'), link.href.split('/').pop().split('?')[0]);
      const url = URL.createObjectURL(blob);
      const save = el('a', {href: url, download: name, hidden: true});
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = `Файл сохранён: ${name}`;
      link.dataset.saved = name;
    } catch (e) {
      status.textContent = '';
      showError(e instanceof ApiError ? e.message : 'Не удалось скачать файл: ' + e);
    } finally {
      link.removeAttribute('aria-busy');
    }
  }

  function query(withHalf) {
    const params = new URLSearchParams({year: state.year});
    if (withHalf && state.half) params.set('half', state.half);
    return params.toString();
  }

  // ---------- errors ----------

  const errors = [];

  function showError(message) {
    errors.push(message);
    const box = document.getElementById('error');
    box.replaceChildren(el('strong', {text: 'Ошибка. '}), ...errors.map(m => el('span', {class: 'error-line', text: m})));
    box.hidden = false;
  }

  function clearErrors() {
    errors.length = 0;
    const box = document.getElementById('error');
    box.replaceChildren();
    box.hidden = true;
  }

  // ---------- period ----------

  function readUrl() {
    const params = new URLSearchParams(location.search);
    const now = new Date().getFullYear();
    // any number is passed on: the service says what it refuses, and the page shows it
    const year = parseInt(params.get('year'), 10);
    state.year = Number.isInteger(year) ? year : now;
    const half = params.get('half');
    state.half = half === '1' || half === '2' ? half : null;
  }

  function setUpForm() {
    const select = document.getElementById('year');
    const now = new Date().getFullYear();
    const first = Math.min(now - 5, state.year);
    for (let y = Math.max(now, state.year); y >= first; y--) {
      select.append(el('option', {value: y, text: y}));
    }
    select.value = String(state.year);
    document.querySelectorAll('input[name=half]').forEach(radio => {
      radio.checked = radio.value === (state.half || '');
    });
    const form = document.getElementById('period-form');
    form.addEventListener('submit', event => {
      event.preventDefault();
      state.year = parseInt(select.value, 10);
      state.half = form.querySelector('input[name=half]:checked').value || null;
      history.replaceState(null, '', '?' + query(true));
      load();
    });
    select.addEventListener('change', () => form.requestSubmit());
    document.querySelectorAll('input[name=half]').forEach(r => r.addEventListener('change', () => form.requestSubmit()));
    document.getElementById('print').addEventListener('click', () => window.print());
    document.querySelectorAll('.downloads a').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      download(link);
    }));
    document.querySelectorAll('[data-close]').forEach(button => button.addEventListener('click', () => {
      document.getElementById(button.dataset.close).hidden = true;
    }));
  }

  function periodLabel() {
    return state.half ? `${state.half}-е полугодие ${state.year} г.` : `${state.year} год`;
  }

  function links() {
    document.getElementById('groups-xlsx').href = 'api/reports/groups.xlsx?' + query(true);
    document.getElementById('groups-pdf').href = 'api/reports/groups.pdf?' + query(true);
    document.getElementById('appeals-xlsx').href = 'api/reports/appeals.xlsx?' + query(false);
    document.getElementById('appeals-pdf').href = 'api/reports/appeals.pdf?' + query(false);
  }

  // ---------- loading ----------

  let generation = 0;

  async function load() {
    const mine = ++generation;
    clearErrors();
    document.getElementById('group-meetings').hidden = true;
    document.getElementById('category-territories').hidden = true;
    document.getElementById('period-label').textContent = 'Период: ' + periodLabel();
    document.getElementById('loading').hidden = false;
    document.body.setAttribute('aria-busy', 'true');
    reports(true);
    links();
    const [names, groups, appeals, executors, ranking] = await Promise.allSettled([
      api('api/reports/labels', 'подписи отчётов'),
      api('api/reports/groups?' + query(true), 'отчёт о работе групп'),
      api('api/reports/appeals?' + query(false), 'анализ обращений'),
      api('api/reports/executors?' + query(true), 'отчёт об исполнителях'),
      api('api/reports/ranking?' + query(true), 'рейтинг групп')
    ]);
    if (mine !== generation) return;
    const results = [names, groups, appeals, executors, ranking];
    if (results.some(r => r.status === 'rejected' && r.reason instanceof ForbiddenError)) {
      forbidden();
      finished();
      document.getElementById('generated').textContent = '';
      return;
    }
    const ok = result => result.status === 'fulfilled' ? result.value : null;
    if (ok(names)) Object.assign(labels, ok(names));
    results.filter(r => r.status === 'rejected')
      .forEach(r => showError(r.reason instanceof ApiError ? r.reason.message : 'Не удалось показать отчёт: ' + r.reason));
    safely(() => renderKpis(ok(groups), ok(appeals), groups.status === 'rejected', appeals.status === 'rejected'));
    safely(() => renderGroups(ok(groups), groups.status === 'rejected'));
    safely(() => renderAppeals(ok(appeals), appeals.status === 'rejected'));
    safely(() => renderExecutors(ok(executors), executors.status === 'rejected'));
    const quiet = ok(groups) && !active(ok(groups).total);
    safely(() => renderRanking(quiet ? null : ok(ranking), ranking.status === 'rejected'));
    finished();
  }

  function finished() {
    document.getElementById('loading').hidden = true;
    document.body.removeAttribute('aria-busy');
    document.getElementById('generated').textContent = 'Данные на ' + new Date().toLocaleString('ru-RU');
    document.body.dataset.loaded = String(generation);
  }

  /** The reports' sections: shown, or hidden behind the refusal when the person may not see them. */
  function reports(visible) {
    document.querySelectorAll('#content > section').forEach(section => { section.hidden = !visible; });
    document.getElementById('forbidden').hidden = visible;
  }

  function forbidden() {
    clearErrors();
    reports(false);
    document.getElementById('period-label').textContent = '';
  }

  function safely(render) {
    try {
      render();
    } catch (e) {
      showError('Не удалось показать часть отчёта: ' + e.message);
    }
  }

  /** Whether anything happened in the period: a report of groups with only zeros is shown as «no data». */
  function active(figures) {
    return !!figures && ['meetingsPlanned', 'meetingsHeld', 'meetingsCancelled', 'minutesDue', 'residentsTotal',
      'questions', 'receptionCards', 'writtenAppeals', 'instructionsGiven', 'instructionsOverdueNow']
      .some(key => figures[key] > 0);
  }

  // ---------- key figures ----------

  function renderKpis(groups, appeals, groupsFailed, appealsFailed) {
    const total = groups && active(groups.total) ? groups.total : null;
    const noGroups = groupsFailed ? 'Отчёт не загружен' : NO_DATA;
    const noAppeals = appealsFailed ? 'Отчёт не загружен' : NO_DATA;
    const figure = key => appeals && (appeals.totals || []).find(c => c.key === key);
    const appealsCount = figure('appeals') && (figure('appeals').current || figure('appeals').previous) ? figure('appeals') : null;
    const inTerm = figure('answeredWithinTermShare');
    const appealsNote = appeals ? `за ${appeals.year} год` : '';
    const cards = [
      ['kpi-meetings', 'Проведено встреч', total ? fmtInt(total.meetingsHeld) : '—',
        total ? `из ${fmtInt(total.meetingsPlanned)} запланированных` : noGroups],
      ['kpi-residents', 'Жителей на встречах', total ? fmtInt(total.residentsTotal) : '—',
        total ? `в среднем ${fmt(total.residentsAverage)} на встрече` : noGroups],
      ['kpi-minutes', 'Протоколы сданы в срок', total && total.minutesDue ? pct(total.minutesOnTimeShare) : '—',
        total ? `${fmtInt(total.minutesOnTime)} из ${fmtInt(total.minutesDue)}` : noGroups],
      ['kpi-appeals', 'Обращений граждан', appealsCount ? fmtInt(appealsCount.current) : '—',
        appealsCount ? `${appealsNote}; ${changeText(appealsCount, false)} к ${appeals.previousYear}` : noAppeals],
      ['kpi-in-term', 'Ответы в срок', inTerm && appealsCount && appealsCount.current ? pct(inTerm.current) : '—',
        inTerm && appealsCount && appealsCount.current ? `${appealsNote}; в ${appeals.previousYear} — ${pct(inTerm.previous)}` : noAppeals],
      ['kpi-overdue', 'Поручений просрочено сейчас', total ? fmtInt(total.instructionsOverdueNow) : '—',
        total ? `из ${fmtInt(total.instructionsGiven)} данных на встречах` : noGroups]
    ];
    put('kpis', cards.map(([id, title, value, note]) => el('li', {class: 'kpi' + (id === 'kpi-overdue' && total && total.instructionsOverdueNow > 0 ? ' alarm' : ''), id},
      el('span', {class: 'kpi-title', text: title}),
      el('span', {class: 'kpi-value', text: value}),
      el('span', {class: 'kpi-note', text: note}))));
  }

  function changeText(c, share) {
    if (share) {
      const points = c.change * 100;
      return (points > 0 ? '+' : points < 0 ? '−' : '') + number.format(Math.abs(points)) + '\u00a0п.\u00a0п.';
    }
    const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '';
    const percent = c.changePercent === null || c.changePercent === undefined ? ''
      : ` (${c.changePercent > 0 ? '+' : c.changePercent < 0 ? '−' : ''}${number.format(Math.abs(c.changePercent))}\u00a0%)`;
    return sign + number.format(Math.abs(c.change)) + percent;
  }

  function change(c, share) {
    const direction = c.change > 0 ? 'up' : c.change < 0 ? 'down' : 'same';
    const arrow = direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : '';
    const words = direction === 'up' ? 'рост' : direction === 'down' ? 'снижение' : 'без изменений';
    return el('span', {class: 'change ' + direction},
      el('span', {'aria-hidden': 'true', text: arrow}),
      el('span', {class: 'visually-hidden', text: words + ': '}),
      changeParts(changeText(c, share)));
  }

  /** The change and its percent apart, so that a narrow column may put the percent under the change. */
  function changeParts(text) {
    const cut = text.indexOf(' (');
    return cut < 0 ? text : [el('span', {class: 'change-value', text: text.slice(0, cut)}),
      el('span', {class: 'change-percent', text: text.slice(cut)})];
  }

  // ---------- charts (inline SVG) ----------

  let ruler = null;

  /** The width of a text in the SVG's user units, measured in a hidden SVG with the chart's styles. */
  function textWidth(text, className) {
    if (!ruler) {
      const box = svg('svg', {class: 'svg-chart ruler', 'aria-hidden': 'true', focusable: 'false'});
      ruler = svg('text', {x: 0, y: 20});
      box.append(ruler);
      document.body.append(box);
    }
    ruler.setAttribute('class', className);
    ruler.textContent = text;
    const measured = ruler.getComputedTextLength();
    return measured > 0 ? measured : text.length * 6.5;
  }

  /**
   * A label cut into lines no wider than max: at spaces and after hyphens, never inside a word. The lines keep their
   * spaces, so that the label's text is the whole name.
   */
  function wrap(text, max, className) {
    const pieces = String(text).match(/[^\s-]+-*\s*|-+\s*|\s+/g) || [''];
    const lines = [];
    let line = '';
    pieces.forEach(piece => {
      if (line && textWidth((line + piece).trimEnd(), className) > max) {
        lines.push(line);
        line = piece;
      } else {
        line += piece;
      }
    });
    lines.push(line);
    return lines;
  }

  /** An SVG text of several lines: tspans one under another, the first line's baseline at y. */
  function lines(parts, attrs, step) {
    const x = attrs.x;
    return svg('text', attrs, parts.map((part, i) => svg('tspan', {x, dy: i ? step : 0, text: part})));
  }

  function plural(n, one, few, many) {
    const tens = Math.abs(n) % 100, units = tens % 10;
    if (tens > 10 && tens < 20) return many;
    if (units === 1) return one;
    return units >= 2 && units <= 4 ? few : many;
  }

  function columnChart(values, options) {
    const width = 360, left = 30, top = 18, line = 12;
    const slot = (width - left - 10) / Math.max(1, values.length);
    const notes = values.map(v => v.note ? wrap(v.note, slot - 4, 'axis note') : []);
    const bottom = 22 + line * Math.max(1, ...notes.map(n => n.length));
    const height = 156 + bottom;
    const max = Math.max(1, ...values.map(v => v.value));
    const bar = Math.min(48, slot * 0.6);
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': options.label, class: 'svg-chart'});
    const scale = v => (height - bottom - top) * v / max;
    [0, 0.5, 1].forEach(f => {
      const y = height - bottom - (height - bottom - top) * f;
      chart.append(svg('line', {x1: left, x2: width - 5, y1: y, y2: y, class: 'grid'}),
        svg('text', {x: left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis', text: integer.format(max * f)}));
    });
    values.forEach((v, i) => {
      const x = left + slot * i + (slot - bar) / 2;
      const h = scale(v.value);
      chart.append(svg('rect', {x, y: height - bottom - h, width: bar, height: Math.max(h, 0.5), class: 'bar ' + (v.kind || '')},
        svg('title', {text: `${v.label}: ${integer.format(v.value)}${v.note ? ', ' + v.note : ''}`})));
      chart.append(svg('text', {x: x + bar / 2, y: height - bottom - h - 4, 'text-anchor': 'middle', class: 'value', text: integer.format(v.value)}));
      chart.append(svg('text', {x: x + bar / 2, y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis', text: v.label}));
      if (v.note) chart.append(lines(notes[i], {x: x + bar / 2, y: height - bottom + 27, 'text-anchor': 'middle', class: 'axis note ' + (v.kind || '')}, line));
    });
    return chart;
  }

  const BAR_LIMIT = 8;
  const KINDS = {
    categories: {rest: 'Прочие категории', forms: ['категория', 'категории', 'категорий']},
    territories: {rest: 'Прочие территории', forms: ['территория', 'территории', 'территорий']}
  };

  /**
   * Horizontal bars, this year's over last year's, each label in full on as many lines as it needs. Of more than
   * BAR_LIMIT items the smallest are summed in one «Прочие …» bar, and a note under the chart names them.
   */
  function barChart(items, options) {
    const kind = KINDS[options.kind] || KINDS.categories;
    const shown = items.length > BAR_LIMIT ? items.slice(0, BAR_LIMIT - 1) : items;
    const rest = items.slice(shown.length);
    const sum = key => rest.reduce((total, r) => total + (r[key] || 0), 0);
    const restLabel = `${kind.rest} (${rest.length})`;
    const rows = rest.length ? [...shown, {label: restLabel, current: sum('current'), previous: sum('previous'), rest: true}] : shown;
    const width = 360, labelWidth = 150, line = 12, top = 6;
    const plot = width - labelWidth - 40;
    const labels = rows.map(r => wrap(r.label || r.key, labelWidth - 8, 'axis'));
    const heights = labels.map(l => Math.max(24, l.length * line + 8));
    const height = top + heights.reduce((a, b) => a + b, 0) + 22;
    const max = Math.max(1, ...rows.map(r => Math.max(r.current, r.previous)));
    const noteId = rest.length ? `${options.kind || 'categories'}-rest-note` : null;
    // with bars to click, a group of buttons rather than an image (an image's parts cannot be reached)
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: options.onClick ? 'group' : 'img', 'aria-label': options.label, class: 'svg-chart bars'});
    if (noteId) chart.setAttribute('aria-describedby', noteId);
    let y = top;
    rows.forEach((r, i) => {
      const middle = y + heights[i] / 2;
      const group = svg('g', {class: options.onClick && !r.rest ? 'clickable' : (r.rest ? 'rest' : '')});
      group.append(lines(labels[i], {x: labelWidth - 6, y: middle + 4 - (labels[i].length - 1) * line / 2, 'text-anchor': 'end', class: 'axis label'}, line));
      group.append(svg('rect', {x: labelWidth, y: middle - 8, width: Math.max(0.5, plot * r.current / max), height: 11, class: 'bar current'}));
      group.append(svg('rect', {x: labelWidth, y: middle + 4, width: Math.max(0.5, plot * r.previous / max), height: 5, class: 'bar previous'}));
      group.append(svg('text', {x: labelWidth + plot * r.current / max + 4, y: middle + 2, class: 'value', text: integer.format(r.current)}));
      const whose = r.rest ? `${restLabel}: ${rest.map(x => x.label || x.key).join(', ')} — ` : `${r.label}: `;
      group.append(svg('title', {text: `${whose}${integer.format(r.current)} (в прошлом году ${integer.format(r.previous)})`}));
      if (options.onClick && !r.rest) {
        group.setAttribute('tabindex', '0');
        group.setAttribute('role', 'button');
        group.setAttribute('aria-label', `${r.label}: показать территории`);
        group.addEventListener('click', () => options.onClick(r));
        group.addEventListener('keydown', e => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            options.onClick(r);
          }
        });
      }
      chart.append(group);
      y += heights[i];
    });
    const legendY = height - 8;
    chart.append(svg('rect', {x: labelWidth, y: legendY - 8, width: 10, height: 8, class: 'bar current'}),
      svg('text', {x: labelWidth + 14, y: legendY, class: 'axis', text: options.year + ' г.'}),
      svg('rect', {x: labelWidth + 70, y: legendY - 6, width: 10, height: 5, class: 'bar previous'}),
      svg('text', {x: labelWidth + 84, y: legendY, class: 'axis', text: options.previousYear + ' г.'}));
    if (!rest.length) return chart;
    const current = sum('current'), previous = sum('previous');
    const note = el('p', {class: 'chart-note rest-note', id: noteId},
      el('strong', {text: `${kind.rest} — ещё ${rest.length} ${plural(rest.length, ...kind.forms)}: `}),
      rest.map(r => r.label || r.key).join(', '),
      ` — всего ${integer.format(current)} ${plural(current, 'обращение', 'обращения', 'обращений')} в ${options.year} г.`
      + ` (в ${options.previousYear} г. — ${integer.format(previous)}).`);
    return [chart, note];
  }

  // ---------- report 1 ----------

  function quarterBadge(quarters, q) {
    const found = (quarters || []).find(x => x.year === q.year && x.quarter === q.quarter);
    if (!found) return '—';
    const text = verdictText(found.rule);
    const mark = {MET: '✓', NOT_MET: '✗', IN_PROGRESS: '…'}[found.rule] || '';
    const full = `${ROMAN[q.quarter - 1]} кв. ${q.year}: ${text}` + (withoutCount(found.rule) ? '' : `, встреч: ${found.held}`);
    return el('span', {class: 'rule ' + verdictKind(found.rule), title: full},
      el('span', {'aria-hidden': 'true', text: `${ROMAN[q.quarter - 1]} кв.: ${withoutCount(found.rule) ? '—' : found.held} ${mark}`.trim()}),
      el('span', {class: 'visually-hidden', text: full}));
  }

  function renderGroups(report, failed) {
    const groups = (report && report.groups) || [];
    const total = report && report.total;
    if (!report || !(active(total) || groups.some(active))) {
      const text = failed ? 'Отчёт не загружен.' : NO_DATA;
      put('groups-table', empty(text));
      put('late-minutes', empty(text));
      put('chart-quarters', empty(text));
      return;
    }
    const quarters = (total && total.quarters) || groups[0].quarters || [];
    put('chart-quarters', columnChart(quarters.map(q => ({
      label: `${ROMAN[q.quarter - 1]} кв.`,
      value: q.held,
      kind: verdictKind(q.rule),
      note: verdictText(q.rule)
    })), {label: 'Проведено встреч по кварталам: ' + quarters.map(q => `${ROMAN[q.quarter - 1]} квартал — ${q.held}`).join(', ')}));

    const columns = [
      {title: 'Информационная группа', value: g => g === total ? 'Итого' : el('button', {type: 'button', class: 'link group-link', 'data-group': g.groupId, onclick: () => showMeetings(g), text: g.groupName})},
      {title: 'Встреч проведено / план', numeric: true, value: g => `${fmtInt(g.meetingsHeld)} / ${fmtInt(g.meetingsPlanned)}`},
      {title: 'Отменено', numeric: true, value: g => fmtInt(g.meetingsCancelled)},
      {title: 'Правило «встреча каждый квартал»', value: g => el('span', {class: 'rules'}, quarters.map(q => quarterBadge(g.quarters, q)))},
      {title: 'Жителей всего / в среднем', numeric: true, value: g => `${fmtInt(g.residentsTotal)} / ${fmt(g.residentsAverage)}`},
      {title: 'Протоколы в срок', numeric: true, value: g => g.minutesDue ? el('span', {}, pct(g.minutesOnTimeShare), el('br'), el('small', {text: `${fmtInt(g.minutesOnTime)} из ${fmtInt(g.minutesDue)}`})) : '—'},
      {title: 'Вопросов', numeric: true, value: g => fmtInt(g.questions)},
      {title: 'Замечаний', numeric: true, value: g => fmtInt(g.remarks)},
      {title: 'Предложений (принято)', numeric: true, value: g => `${fmtInt(g.proposals)} (${fmtInt(g.proposalsAccepted)})`},
      {title: 'Карточек приёма', numeric: true, value: g => fmtInt(g.receptionCards)},
      {title: 'Письменных обращений', numeric: true, value: g => fmtInt(g.writtenAppeals)},
      {title: 'Поручений дано / закрыто / в срок', numeric: true, value: g => `${fmtInt(g.instructionsGiven)} / ${fmtInt(g.instructionsClosed)} / ${fmtInt(g.instructionsClosedOnTime)}`},
      {title: 'Просрочено поручений сейчас', numeric: true, value: g => g.instructionsOverdueNow > 0 ? el('span', {class: 'overdue', text: fmtInt(g.instructionsOverdueNow)}) : fmtInt(g.instructionsOverdueNow)},
      {title: 'Средний срок исполнения, дн.', numeric: true, value: g => fmt(g.averageDaysToClose)}
    ];
    const rows = total ? [...groups, total] : groups;
    put('groups-table', table('Работа информационных групп, ' + report.period.label, columns, rows, {totalRow: !!total, hideCaption: true}));

    const late = report.lateMinutes || [];
    put('late-minutes', late.length ? table('Протоколы, сданные с опозданием', [
      {title: 'Информационная группа', value: m => m.groupName},
      {title: 'Территория', value: m => m.territory || '—'},
      {title: 'Дата встречи', value: m => day(m.heldOn)},
      {title: 'Срок сдачи', value: m => day(m.dueOn)},
      {title: 'Сдан', value: m => m.handedOverOn ? day(m.handedOverOn) : el('span', {class: 'overdue', text: 'не сдан'})},
      {title: 'Дней опоздания', numeric: true, value: m => fmtInt(m.daysLate)}
    ], late, {hideCaption: true, compact: true}) : empty('Опозданий со сдачей протоколов за период нет.'));
  }

  async function showMeetings(group) {
    const panel = document.getElementById('group-meetings');
    const title = document.getElementById('group-meetings-title');
    title.textContent = `Встречи группы «${group.groupName}», ${periodLabel()}`;
    put('group-meetings-body', el('p', {class: 'loading', text: 'Загрузка…'}));
    panel.hidden = false;
    title.focus();
    try {
      const data = await api(`api/reports/groups/${encodeURIComponent(group.groupId)}/meetings?` + query(true), 'встречи группы');
      const meetings = data.meetings || [];
      put('group-meetings-body', meetings.length ? table('Встречи группы ' + group.groupName, [
        {title: 'Дата', value: m => day(m.day)},
        {title: 'Территория / коллектив', value: m => m.territory || '—'},
        {title: 'Состояние', value: m => labels.statuses[m.status] || m.status},
        {title: 'Жителей', numeric: true, value: m => fmtInt(m.residentsAttended)},
        {title: 'Вопросов', numeric: true, value: m => fmtInt(m.questions)},
        {title: 'Предложений', numeric: true, value: m => fmtInt(m.proposals)},
        {title: 'Карточек приёма', numeric: true, value: m => fmtInt(m.receptionCards)},
        {title: 'Письменных обращений', numeric: true, value: m => fmtInt(m.writtenAppeals)},
        {title: 'Поручений', numeric: true, value: m => fmtInt(m.instructions)},
        {title: 'Срок сдачи протокола', value: m => day(m.minutesDueOn)},
        {title: 'Протокол сдан', value: m => m.minutesHandedOverOn ? el('span', {class: m.minutesLate ? 'overdue' : null, text: day(m.minutesHandedOverOn) + (m.minutesLate ? ' (с опозданием)' : '')}) : (m.minutesLate ? el('span', {class: 'overdue', text: 'не сдан, срок прошёл'}) : '—')}
      ], meetings, {hideCaption: true, compact: true}) : empty('У группы нет встреч за период.'));
    } catch (e) {
      put('group-meetings-body', el('p', {class: 'error-inline', role: 'alert', text: e.message}));
    }
  }

  // ---------- report 2 ----------

  function comparisonTable(caption, firstTitle, rows, report, options) {
    const opts = options || {};
    return table(caption, [
      {title: firstTitle, value: c => opts.onClick ? el('button', {type: 'button', class: 'link category-link', 'data-category': c.key, onclick: () => opts.onClick(c), text: c.label || c.key}) : capital(c.label || c.key)},
      {title: `${report.year} г.`, numeric: true, value: c => c.key === 'answeredWithinTermShare' ? pct(c.current) : fmt(c.current)},
      {title: `${report.previousYear} г.`, numeric: true, value: c => c.key === 'answeredWithinTermShare' ? pct(c.previous) : fmt(c.previous)},
      {title: 'Изменение', numeric: true, value: c => change(c, c.key === 'answeredWithinTermShare')}
    ], rows, {compact: true, hideCaption: true});
  }

  function nonZero(list) {
    return (list || []).filter(c => c.current || c.previous);
  }

  function monthsTable(report) {
    const months = report.byMonth || [];
    const short = c => capital(c.label || c.key).slice(0, 3);
    const row = (title, value) => ({title, value});
    const rows = [
      row(`${report.year} г.`, c => fmtInt(c.current)),
      row(`${report.previousYear} г.`, c => fmtInt(c.previous)),
      row('Изменение', c => change(c, false))
    ];
    const head = el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: 'Год / месяц'}),
      months.map(c => el('th', {scope: 'col', class: 'num'}, el('abbr', {title: capital(c.label || c.key), text: short(c)})))));
    const body = el('tbody', {}, rows.map(r => el('tr', {}, el('th', {scope: 'row', text: r.title}),
      months.map(c => el('td', {class: 'num'}, r.value(c))))));
    return el('table', {class: 'data compact months'}, el('caption', {class: 'visually-hidden', text: 'Обращения по месяцам поступления'}), head, body);
  }

  function renderAppeals(report, failed) {
    const text = failed ? 'Отчёт не загружен.' : NO_DATA;
    const captionYear = report ? ` за ${report.year} год` : '';
    document.getElementById('chart-categories-caption').textContent = 'Обращения по категориям' + captionYear;
    document.getElementById('chart-territories-caption').textContent = 'Обращения по территориям' + captionYear;
    const totals = (report && report.totals) || [];
    const hasData = report && [report.totals, report.byCategory, report.byTerritory, report.byChannel, report.byMonth]
      .some(list => (list || []).some(c => c.current || c.previous));
    if (!report || !hasData) {
      ['appeals-totals', 'appeals-channels', 'appeals-categories', 'appeals-territories', 'appeals-months',
        'chart-categories', 'chart-territories'].forEach(id => put(id, id.startsWith('chart') || id === 'appeals-totals' ? empty(text) : null));
      return;
    }
    const section = (id, caption, first, rows, options) =>
      put(id, el('h3', {text: caption}), (rows || []).length ? comparisonTable(caption, first, rows, report, options) : empty());
    section('appeals-totals', 'Основные показатели', 'Показатель', totals);
    section('appeals-channels', 'По каналам поступления', 'Канал', nonZero(report.byChannel));
    section('appeals-categories', 'По категориям вопросов', 'Категория', nonZero(report.byCategory), {onClick: showTerritories});
    section('appeals-territories', 'По территориям', 'Территория', nonZero(report.byTerritory));
    put('appeals-months', el('h3', {text: 'По месяцам поступления'}), (report.byMonth || []).length ? monthsTable(report) : empty());
    const byCurrent = list => nonZero(list).sort((a, b) => b.current - a.current || b.previous - a.previous);
    put('chart-categories', nonZero(report.byCategory).length
      ? barChart(byCurrent(report.byCategory), {label: 'Обращения по категориям', kind: 'categories', year: report.year, previousYear: report.previousYear, onClick: showTerritories})
      : empty());
    put('chart-territories', nonZero(report.byTerritory).length
      ? barChart(byCurrent(report.byTerritory), {label: 'Обращения по территориям', kind: 'territories', year: report.year, previousYear: report.previousYear})
      : empty());
  }

  async function showTerritories(category) {
    const panel = document.getElementById('category-territories');
    const title = document.getElementById('category-territories-title');
    title.textContent = `«${category.label || category.key}»: обращения по территориям, ${state.year} год`;
    put('category-territories-body', el('p', {class: 'loading', text: 'Загрузка…'}));
    panel.hidden = false;
    title.focus();
    try {
      const data = await api(`api/reports/appeals/categories/${encodeURIComponent(category.key)}/territories?` + query(false), 'территории категории');
      const rows = nonZero(data.byTerritory);
      put('category-territories-body', rows.length
        ? comparisonTable('Территории категории ' + (data.categoryLabel || category.key), 'Территория', rows,
          {year: data.year, previousYear: data.year - 1})
        : empty());
    } catch (e) {
      put('category-territories-body', el('p', {class: 'error-inline', role: 'alert', text: e.message}));
    }
  }

  // ---------- report 3 ----------

  function renderExecutors(report, failed) {
    const rows = ((report && report.executors) || []).filter(r => Object.entries(r)
      .some(([key, value]) => key !== 'department' && value > 0));
    if (!rows.length) {
      put('executors-table', empty(failed ? 'Отчёт не загружен.' : NO_DATA));
      return;
    }
    const share = (part, whole) => whole ? ` (${pct(part / whole)})` : '';
    put('executors-table', table('Исполнительская дисциплина, ' + report.period.label, [
      {title: 'Исполнитель', value: r => r.department},
      {title: 'Поручений получено', numeric: true, value: r => fmtInt(r.instructionsAssigned)},
      {title: 'Закрыто', numeric: true, value: r => fmtInt(r.instructionsClosed)},
      {title: 'Закрыто в срок', numeric: true, value: r => fmtInt(r.instructionsClosedOnTime) + share(r.instructionsClosedOnTime, r.instructionsClosed)},
      {title: 'Поручений просрочено сейчас', numeric: true, value: r => r.instructionsOverdueNow > 0 ? el('span', {class: 'overdue', text: fmtInt(r.instructionsOverdueNow)}) : fmtInt(r.instructionsOverdueNow)},
      {title: 'Обращений получено', numeric: true, value: r => fmtInt(r.appealsAssigned)},
      {title: 'Отвечено', numeric: true, value: r => fmtInt(r.appealsAnswered)},
      {title: 'Отвечено в срок', numeric: true, value: r => fmtInt(r.appealsAnsweredOnTime) + share(r.appealsAnsweredOnTime, r.appealsAnswered)},
      {title: 'Обращений просрочено сейчас', numeric: true, value: r => r.appealsOverdueNow > 0 ? el('span', {class: 'overdue', text: fmtInt(r.appealsOverdueNow)}) : fmtInt(r.appealsOverdueNow)},
      {title: 'Запрошено продлений', numeric: true, value: r => fmtInt(r.extensionsAsked)}
    ], rows, {hideCaption: true, compact: true}));
  }

  // ---------- report 4 ----------

  function renderRanking(report, failed) {
    const groups = (report && report.groups) || [];
    const weights = (report && report.weights) || {};
    const formula = report && report.formula;
    const weightText = Object.entries(weights).map(([k, w]) => `${WEIGHT_NAMES[k] || k} — ${exact.format(w)}`).join('; ');
    put('ranking-formula', formula ? [el('strong', {text: 'Формула: '}), formula, weightText ? el('br') : null,
      weightText ? el('span', {class: 'weights', text: 'Веса: ' + weightText + '.'}) : null] : null).hidden = !formula;
    if (!groups.length) {
      put('ranking-table', empty(failed ? 'Отчёт не загружен.' : NO_DATA));
      return;
    }
    put('ranking-table', table('Рейтинг групп, ' + report.period.label, [
      {title: 'Место', numeric: true, value: g => String(g.rank)},
      {title: 'Информационная группа', value: g => g.groupName},
      {title: 'Балл', numeric: true, value: g => el('span', {class: 'score'}, el('span', {class: 'score-bar', style: `width:${Math.max(0, Math.min(100, g.score))}%`, 'aria-hidden': 'true'}), el('span', {text: fmt(g.score)}))},
      {title: 'Регулярность встреч', numeric: true, value: g => pct(g.regularity)},
      {title: 'Протоколы в срок', numeric: true, value: g => pct(g.minutesOnTime)},
      {title: 'Поручения в срок', numeric: true, value: g => pct(g.instructionsOnTime)},
      {title: 'Охват жителей', numeric: true, value: g => pct(g.residentsReached)}
    ], groups, {hideCaption: true, compact: true}));
  }

  // ---------- rebuild ----------

  const REBUILD_STATES = {IDLE: 'не выполнялась', RUNNING: 'идёт', DONE: 'завершена', FAILED: 'завершилась ошибкой'};

  function renderRebuild(progress) {
    const box = document.getElementById('rebuild-status');
    const percent = Math.max(0, Math.min(100, progress.percent || 0));
    const parts = [el('p', {text: `Перестройка ${REBUILD_STATES[progress.state] || progress.state}` +
        (progress.total ? `: ${fmtInt(progress.applied)} из ${fmtInt(progress.total)} событий` : '')})];
    if (progress.state === 'RUNNING' || progress.state === 'DONE') {
      parts.push(el('progress', {max: 100, value: percent, 'aria-label': 'Ход перестройки'}, number.format(percent) + ' %'));
    }
    if (progress.error) parts.push(el('p', {class: 'error-inline', text: progress.error}));
    box.replaceChildren(...parts);
  }

  async function pollRebuild() {
    const button = document.getElementById('rebuild');
    try {
      const progress = await api('api/admin/rebuild', 'ход перестройки');
      renderRebuild(progress);
      if (progress.state === 'RUNNING') {
        setTimeout(pollRebuild, 1000);
        return;
      }
      button.disabled = false;
      if (progress.state === 'DONE') load();
    } catch (e) {
      button.disabled = false;
      document.getElementById('rebuild-status').replaceChildren(el('p', {class: 'error-inline', role: 'alert', text: e.message}));
    }
  }

  function setUpRebuild() {
    const button = document.getElementById('rebuild');
    button.addEventListener('click', async () => {
      if (!window.confirm('Перестроить витрины отчётов из журнала событий? Пока идёт перестройка, цифры могут быть неполными.')) return;
      button.disabled = true;
      try {
        renderRebuild(await api('api/admin/rebuild', 'перестройку витрин', {method: 'POST'}));
        setTimeout(pollRebuild, 500);
      } catch (e) {
        button.disabled = false;
        document.getElementById('rebuild-status').replaceChildren(el('p', {class: 'error-inline', role: 'alert', text: e.message}));
      }
    });
  }

  document.addEventListener('DOMContentLoaded', async () => {
    // signed in first: the sign-in may leave the page, and brings the chosen period back in the address
    const session = await window.DashboardAuth.start();
    if (session.stopped) {
      reports(false);
      document.getElementById('forbidden').hidden = true;
      document.body.dataset.loaded = 'stopped';
      return;
    }
    readUrl();
    setUpForm();
    setUpRebuild();
    load();
  });
})();
