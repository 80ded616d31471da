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
  const labels = {statuses: {}, verdicts: {}, channels: {}, categories: {}, appealStates: {}, instructionStates: {}};
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

  // ---------- the list behind a figure ----------

  const PAGE_SIZE = 20;
  const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь',
    'ноябрь', 'декабрь'];
  const MEETING_LISTS = {
    '': 'Встречи', PLANNED: 'Запланированные встречи', HELD: 'Проведённые встречи', CANCELLED: 'Отменённые встречи',
    MINUTES_DUE: 'Протоколы к сдаче', MINUTES_ON_TIME: 'Протоколы, сданные в срок',
    MINUTES_LATE: 'Протоколы, сданные с опозданием или не сданные'
  };
  const APPEAL_LISTS = {
    '': 'Обращения', ANSWERED: 'Обращения с ответом', ANSWERED_WITHIN_TERM: 'Обращения с ответом в срок',
    EXTENDED: 'Обращения с продлённым сроком', REDIRECTED: 'Обращения, перенаправленные по компетенции',
    REPEATED: 'Повторные обращения', OPEN_AT_END: 'Обращения, не разрешённые на конец года',
    OVERDUE: 'Просроченные обращения'
  };
  const INSTRUCTION_LISTS = {
    '': 'Поручения', CLOSED: 'Закрытые поручения', CLOSED_ON_TIME: 'Поручения, закрытые в срок',
    OVERDUE: 'Просроченные поручения', EXTENDED: 'Поручения с запросом продления'
  };
  const SUMS = {
    residents: 'жителей', questions: 'вопросов', remarks: 'замечаний', proposals: 'предложений',
    proposalsAccepted: 'принятых предложений', receptionCards: 'карточек приёма', writtenAppeals: 'письменных обращений',
    instructions: 'поручений', extensions: 'продлений', extensionsAsked: 'запрошенных продлений'
  };
  const SOURCES = {MEETING: 'выездная встреча', APPEAL: 'обращение', OTHER: 'иное'};

  /**
   * The meetings behind a figure of report 1: of the period or one of its quarters, of a group or all.
   * what: {figure, group: {groupId, groupName}, quarter, expected, sum}
   */
  function meetingsList(what) {
    const params = {year: state.year};
    if (state.half) params.half = state.half;
    if (what.quarter) params.quarter = what.quarter;
    if (what.group) params.groupId = what.group.groupId;
    if (what.figure) params.figure = what.figure;
    const when = what.quarter ? `${ROMAN[what.quarter - 1]} квартал ${state.year} г.` : periodLabel();
    const whose = what.group ? ` группы «${what.group.groupName}»` : '';
    return {kind: 'meetings', params, title: `${MEETING_LISTS[what.figure || '']}${whose}, ${when}`,
      expected: what.expected, sum: what.sum};
  }

  /**
   * The appeals behind a figure: received in a year (or a month of it; report 2), or assigned to an executor in the
   * period (report 3). what: {year, month, category, categoryLabel, territory, channel, department, assigned, figure,
   * expected, sum}
   */
  function appealsList(what) {
    const params = {year: what.year || state.year};
    let when = `${params.year} год`;
    if (what.assigned) {
      params.by = 'ASSIGNED';
      if (state.half) params.half = state.half;
      when = periodLabel();
    }
    if (what.month) {
      params.month = what.month;
      when = `${MONTHS[what.month - 1]} ${params.year} г.`;
    }
    const filters = [];
    if (what.category) {
      params.category = what.category;
      filters.push(`категория «${what.categoryLabel || labels.categories[what.category] || what.category}»`);
    }
    if (what.territory) {
      params.territory = what.territory;
      filters.push(`территория «${what.territory}»`);
    }
    if (what.channel) {
      params.channel = what.channel;
      filters.push(`канал «${labels.channels[what.channel] || what.channel}»`);
    }
    if (what.department) params.department = what.department;
    if (what.figure) params.figure = what.figure;
    const base = APPEAL_LISTS[what.figure || ''];
    const whose = what.department ? `, направленные исполнителю «${what.department}»` : '';
    return {kind: 'appeals', params, title: [`${base}${whose} за ${when}`, ...filters].join(', '),
      expected: what.expected, sum: what.sum};
  }

  /**
   * The instructions behind a figure: given at a group's meetings (or any group's: atMeetings), of an executor
   * department, issued in the period or due in it. what: {figure, group, department, atMeetings, due, expected, sum}
   */
  function instructionsList(what) {
    const params = {year: state.year};
    if (state.half) params.half = state.half;
    if (what.due) params.by = 'DUE';
    if (what.department) params.department = what.department;
    if (what.group) params.groupId = what.group.groupId;
    else if (what.atMeetings) params.source = 'MEETING';
    if (what.figure) params.figure = what.figure;
    const parts = [INSTRUCTION_LISTS[what.figure || ''] + (what.department ? ` исполнителя «${what.department}»` : '')];
    if (what.group) parts.push(`данные на встречах группы «${what.group.groupName}»`);
    else if (what.atMeetings) parts.push('данные на встречах групп');
    parts.push(what.due ? `срок исполнения — ${periodLabel()}` : periodLabel());
    return {kind: 'instructions', params, title: parts.join(', '), expected: what.expected, sum: what.sum};
  }

  /**
   * A figure that opens the list behind it: a button with the figure's text. A figure of zero is plain text: no list
   * is behind it. data-expected: the count (or the sum) the list must come to, for a figure that is one.
   */
  function figure(text, list, value) {
    if (!value || !list) return text;
    return el('button', {type: 'button', class: 'link figure', title: 'Показать список: ' + list.title,
      'data-list': list.kind, 'data-expected': expected(list), onclick: e => openList(list, 0, e.currentTarget)}, text);
  }

  function expected(list) {
    return list.expected === undefined || list.expected === null ? null : String(list.expected);
  }

  const shown = {list: null, opener: null, generation: 0};

  function meetingColumns(withGroup) {
    return [
      {title: 'Дата', value: m => day(m.day)},
      withGroup ? {title: 'Информационная группа', value: m => m.groupName || m.groupId || '—'} : null,
      {title: 'Территория / коллектив', value: m => m.territory || '—'},
      {title: 'Состояние', value: m => labels.statuses[m.status] || m.status || '—'},
      {title: 'Жителей', numeric: true, value: m => fmtInt(m.residentsAttended)},
      {title: 'Вопросов', numeric: true, value: m => fmtInt(m.questions)},
      withGroup ? {title: 'Замечаний', numeric: true, value: m => fmtInt(m.remarks)} : null,
      {title: withGroup ? 'Предложений (принято)' : 'Предложений', numeric: true,
        value: m => withGroup ? `${fmtInt(m.proposals)} (${fmtInt(m.proposalsAccepted)})` : fmtInt(m.proposals)},
      {title: 'Карточек приёма', numeric: true, value: m => fmtInt(m.receptionCards)},
      {title: 'Письменных обращений', numeric: true, value: m => fmtInt(m.writtenAppeals)},
      {title: 'Поручений', numeric: true, value: m => fmtInt(m.instructions)},
      {title: 'Срок сдачи протокола', value: m => day(m.minutesDueOn)},
      {title: 'Протокол сдан', value: m => m.minutesHandedOverOn ? el('span', {class: m.minutesLate ? 'overdue' : null, text: day(m.minutesHandedOverOn) + (m.minutesLate ? ' (с опозданием)' : '')}) : (m.minutesLate ? el('span', {class: 'overdue', text: 'не сдан, срок прошёл'}) : '—')}
    ].filter(Boolean);
  }

  const APPEAL_COLUMNS = [
    {title: '№ обращения', value: a => a.appealId},
    {title: 'Поступило', value: a => day(a.receivedOn)},
    {title: 'Категория', value: a => a.categoryLabel || a.category},
    {title: 'Территория', value: a => a.territory || '—'},
    {title: 'Канал', value: a => labels.channels[a.channel] || a.channel || '—'},
    {title: 'Состояние', value: a => labels.appealStates[a.state] || a.state || '—'},
    {title: 'Исполнитель', value: a => a.department || '—'},
    {title: 'Срок ответа', value: a => a.overdue ? el('span', {class: 'overdue', text: day(a.answerDueOn) + ', просрочено'}) : day(a.answerDueOn)},
    {title: 'Ответ дан', value: a => a.answeredOn ? el('span', {class: a.answeredWithinTerm ? null : 'overdue', text: day(a.answeredOn) + (a.answeredWithinTerm ? ', в срок' : ', с нарушением срока')}) : '—'},
    {title: 'Дней до ответа', numeric: true, value: a => fmtInt(a.daysToAnswer)},
    {title: 'Продлений', numeric: true, value: a => fmtInt(a.extensions)},
    {title: 'Повторное', value: a => a.repeated ? 'да' : '—'}
  ];

  const INSTRUCTION_COLUMNS = [
    {title: '№ поручения', value: i => i.instructionId},
    {title: 'Исполнитель', value: i => i.department || '—'},
    {title: 'Откуда', value: i => i.meetingId ? 'встреча' + (i.groupName ? ` группы «${i.groupName}»` : '') : (SOURCES[i.source] || i.source || '—')},
    {title: 'Территория', value: i => i.territory || '—'},
    {title: 'Состояние', value: i => labels.instructionStates[i.state] || i.state || '—'},
    {title: 'Дано', value: i => day(i.issuedOn)},
    {title: 'Срок', value: i => i.overdue ? el('span', {class: 'overdue', text: `${day(i.dueOn)}, просрочено на ${fmtInt(i.daysOverdue)} дн.`}) : day(i.dueOn)},
    {title: 'Снято с контроля', value: i => i.closedOn ? el('span', {class: i.closedOnTime ? null : 'overdue', text: day(i.closedOn) + (i.closedOnTime ? ', в срок' : ', с нарушением срока')}) : '—'},
    {title: 'Запрошено продлений', numeric: true, value: i => fmtInt(i.extensionsAsked)}
  ];

  const LIST_COLUMNS = {meetings: meetingColumns(true), appeals: APPEAL_COLUMNS, instructions: INSTRUCTION_COLUMNS};

  /** Opens (or pages) the dialog with the list behind a figure; the button that opened it gets the focus back. */
  async function openList(list, page, opener, focusAfter) {
    const dialog = document.getElementById('items');
    const mine = ++shown.generation;
    shown.list = list;
    if (opener) shown.opener = opener;
    document.getElementById('items-what').textContent = list.title;
    document.getElementById('items-count').textContent = '';
    document.getElementById('items-status').textContent = 'Загрузка…';
    dialog.setAttribute('aria-busy', 'true');
    delete dialog.dataset.total;
    if (!dialog.open) {
      put('items-body');
      put('items-pages');
      dialog.showModal();
      document.getElementById('items-title').focus();
    }
    try {
      const params = new URLSearchParams(list.params);
      params.set('page', page);
      params.set('size', PAGE_SIZE);
      const data = await api(`api/reports/${list.kind}/items?` + params, 'список');
      // a later list asked for meanwhile, or the dialog closed: this answer is stale
      if (mine !== shown.generation || !dialog.open) return;
      renderList(list, data);
      if (focusAfter) {
        // the same button, or at either end the other one: the focus stays on the pager
        const buttons = [...document.querySelectorAll('#items-pages [data-page]')].filter(b => !b.disabled)
          .sort((a, b) => (b.dataset.page === focusAfter) - (a.dataset.page === focusAfter));
        (buttons[0] || document.getElementById('items-title')).focus();
      }
    } catch (e) {
      if (mine !== shown.generation || !dialog.open) return;
      document.getElementById('items-status').replaceChildren(el('span', {class: 'error-inline', role: 'alert', text: e instanceof ApiError ? e.message : 'Не удалось показать список: ' + e}));
      put('items-body');
      put('items-pages');
    } finally {
      if (mine === shown.generation) dialog.removeAttribute('aria-busy');
    }
  }

  function renderList(list, data) {
    const dialog = document.getElementById('items');
    const total = data.totalItems;
    document.getElementById('items-count').textContent = ': ' + fmtInt(total);
    const sum = list.sum ? (data.sums || {})[list.sum] : undefined;
    const status = [];
    if (list.sum) status.push(`Всего ${SUMS[list.sum] || list.sum}: ${fmtInt(sum)}.`);
    if (data.totalPages > 1) {
      const first = data.page * data.size + 1;
      status.push(`Показаны ${fmtInt(first)}–${fmtInt(first + data.items.length - 1)} из ${fmtInt(total)}.`);
    }
    const actual = list.sum ? sum : total;
    const statusLine = document.getElementById('items-status');
    statusLine.replaceChildren(status.join(' '));
    if (list.expected !== undefined && list.expected !== null && actual !== list.expected) {
      statusLine.append(' ', el('span', {class: 'error-inline', text: `В отчёте — ${fmtInt(list.expected)}: данные изменились после его загрузки; нажмите «Показать», чтобы обновить отчёт.`}));
    }
    dialog.dataset.total = String(total);
    dialog.dataset.figure = list.sum ? String(sum) : String(total);
    put('items-body', data.items.length
      ? table(list.title, LIST_COLUMNS[list.kind], data.items, {hideCaption: true, compact: true})
      : empty('Список пуст.')).scrollTop = 0;
    renderPages(list, data);
  }

  function renderPages(list, data) {
    if (data.totalPages <= 1) {
      put('items-pages');
      return;
    }
    const go = (page, which) => openList(list, page, null, which);
    put('items-pages',
      el('button', {type: 'button', class: 'secondary', 'data-page': 'previous', disabled: data.page === 0, onclick: () => go(data.page - 1, 'previous')}, '← Предыдущая'),
      el('span', {class: 'pager-where', text: `Страница ${fmtInt(data.page + 1)} из ${fmtInt(data.totalPages)}`}),
      el('button', {type: 'button', class: 'secondary', 'data-page': 'next', disabled: data.page + 1 >= data.totalPages, onclick: () => go(data.page + 1, 'next')}, 'Следующая →'));
  }

  /** The focus back on the figure that opened the list, once the list is closed. */
  function giveFocusBack() {
    const opener = shown.opener;
    shown.opener = null;
    if (opener && opener.isConnected) opener.focus();
  }

  function setUpList() {
    const dialog = document.getElementById('items');
    document.getElementById('items-close').addEventListener('click', () => {
      dialog.close();
      giveFocusBack();
    });
    // Escape closes the dialog too; the event comes later, when another list may have been opened already
    dialog.addEventListener('close', () => {
      if (!dialog.open) giveFocusBack();
    });
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
    const list = document.getElementById('items');
    if (list.open) list.close();
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
    const totalOf = key => appeals && (appeals.totals || []).find(c => c.key === key);
    const appealsCount = totalOf('appeals') && (totalOf('appeals').current || totalOf('appeals').previous) ? totalOf('appeals') : null;
    const inTerm = totalOf('answeredWithinTermShare');
    const answered = totalOf('answered');
    const appealsNote = appeals ? `за ${appeals.year} год` : '';
    const meetings = (key, figureKey, extra) => figure(fmtInt(total[key]), meetingsList(Object.assign({figure: figureKey, expected: total[key]}, extra)), total[key]);
    const cards = [
      ['kpi-meetings', 'Проведено встреч', total ? meetings('meetingsHeld', 'HELD') : '—',
        total ? ['из ', meetings('meetingsPlanned', 'PLANNED'), ' запланированных'] : noGroups],
      ['kpi-residents', 'Жителей на встречах', total ? meetings('residentsTotal', 'HELD', {sum: 'residents'}) : '—',
        total ? `в среднем ${fmt(total.residentsAverage)} на встрече` : noGroups],
      ['kpi-minutes', 'Протоколы сданы в срок', total && total.minutesDue ? figure(pct(total.minutesOnTimeShare), meetingsList({figure: 'MINUTES_DUE', expected: total.minutesDue}), total.minutesDue) : '—',
        total ? [meetings('minutesOnTime', 'MINUTES_ON_TIME'), ' из ', meetings('minutesDue', 'MINUTES_DUE')] : noGroups],
      ['kpi-appeals', 'Обращений граждан', appealsCount ? figure(fmtInt(appealsCount.current), appealsList({year: appeals.year, expected: appealsCount.current}), appealsCount.current) : '—',
        appealsCount ? `${appealsNote}; ${changeText(appealsCount, false)} к ${appeals.previousYear}` : noAppeals],
      ['kpi-in-term', 'Ответы в срок', inTerm && appealsCount && appealsCount.current ? figure(pct(inTerm.current), answered && appealsList({year: appeals.year, figure: 'ANSWERED', expected: answered.current}), answered && answered.current) : '—',
        inTerm && appealsCount && appealsCount.current ? `${appealsNote}; в ${appeals.previousYear} — ${pct(inTerm.previous)}` : noAppeals],
      ['kpi-overdue', 'Поручений просрочено сейчас', total ? figure(fmtInt(total.instructionsOverdueNow), instructionsList({figure: 'OVERDUE', atMeetings: true, expected: total.instructionsOverdueNow}), total.instructionsOverdueNow) : '—',
        total ? ['из ', figure(fmtInt(total.instructionsGiven), instructionsList({atMeetings: true, expected: total.instructionsGiven}), total.instructionsGiven), ' данных на встречах'] : noGroups]
    ];
    put('kpis', cards.map(([id, title, value, note]) => el('li', {class: 'kpi' + (id === 'kpi-overdue' && total && total.instructionsOverdueNow > 0 ? ' alarm' : ''), id},
      el('span', {class: 'kpi-title', text: title}),
      el('span', {class: 'kpi-value'}, value),
      el('span', {class: 'kpi-note'}, note))));
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

  /** An SVG group as a button: focusable, Enter and Space act as a click. */
  function svgButton(group, label, action) {
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    group.setAttribute('aria-label', label);
    group.addEventListener('click', () => action(group));
    group.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        action(group);
      }
    });
  }

  /** A chart is an image unless it holds buttons: then a group, so that its buttons are not hidden from readers. */
  function chartRole(interactive) {
    return interactive ? 'group' : 'img';
  }

  function columnChart(values, options) {
    const width = 360, left = 30, top = 18, line = 12;
    const slot = (width - left - 10) / Math.max(1, values.length);
    const notes = values.map(v => v.note ? wrap(v.note, slot - 4, 'axis note') : []);
    const bottom = 22 + line * Math.max(1, ...notes.map(n => n.length));
    const height = 156 + bottom;
    const max = Math.max(1, ...values.map(v => v.value));
    const bar = Math.min(48, slot * 0.6);
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: chartRole(!!options.onClick), 'aria-label': options.label, class: 'svg-chart'});
    const scale = v => (height - bottom - top) * v / max;
    [0, 0.5, 1].forEach(f => {
      const y = height - bottom - (height - bottom - top) * f;
      chart.append(svg('line', {x1: left, x2: width - 5, y1: y, y2: y, class: 'grid'}),
        svg('text', {x: left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis', text: integer.format(max * f)}));
    });
    values.forEach((v, i) => {
      const x = left + slot * i + (slot - bar) / 2;
      const h = scale(v.value);
      const clickable = options.onClick && v.value > 0;
      const column = svg('g', {class: clickable ? 'clickable' : ''});
      column.append(svg('rect', {x, y: height - bottom - h, width: bar, height: Math.max(h, 0.5), class: 'bar ' + (v.kind || '')},
        svg('title', {text: `${v.label}: ${integer.format(v.value)}${v.note ? ', ' + v.note : ''}`})));
      column.append(svg('text', {x: x + bar / 2, y: height - bottom - h - 4, 'text-anchor': 'middle', class: 'value', text: integer.format(v.value)}));
      column.append(svg('text', {x: x + bar / 2, y: height - bottom + 14, 'text-anchor': 'middle', class: 'axis', text: v.label}));
      if (v.note) column.append(lines(notes[i], {x: x + bar / 2, y: height - bottom + 27, 'text-anchor': 'middle', class: 'axis note ' + (v.kind || '')}, line));
      if (clickable) {
        column.dataset.list = 'meetings';
        svgButton(column, `${v.label}: ${integer.format(v.value)}${v.note ? ', ' + v.note : ''} — ${options.action}`, group => options.onClick(v, group));
      }
      chart.append(column);
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
    const clickable = r => !!options.onClick && !r.rest && (!options.clickable || options.clickable(r));
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: chartRole(!!options.onClick), 'aria-label': options.label, class: 'svg-chart bars'});
    if (noteId) chart.setAttribute('aria-describedby', noteId);
    let y = top;
    rows.forEach((r, i) => {
      const middle = y + heights[i] / 2;
      const group = svg('g', {class: clickable(r) ? 'clickable' : (r.rest ? 'rest' : '')});
      group.append(lines(labels[i], {x: labelWidth - 6, y: middle + 4 - (labels[i].length - 1) * line / 2, 'text-anchor': 'end', class: 'axis label'}, line));
      group.append(svg('rect', {x: labelWidth, y: middle - 8, width: Math.max(0.5, plot * r.current / max), height: 11, class: 'bar current'}));
      group.append(svg('rect', {x: labelWidth, y: middle + 4, width: Math.max(0.5, plot * r.previous / max), height: 5, class: 'bar previous'}));
      group.append(svg('text', {x: labelWidth + plot * r.current / max + 4, y: middle + 2, class: 'value', text: integer.format(r.current)}));
      const whose = r.rest ? `${restLabel}: ${rest.map(x => x.label || x.key).join(', ')} — ` : `${r.label}: `;
      group.append(svg('title', {text: `${whose}${integer.format(r.current)} (в прошлом году ${integer.format(r.previous)})`}));
      if (clickable(r)) {
        group.dataset.key = r.key;
        svgButton(group, `${r.label}: ${integer.format(r.current)} — ${options.action}`, g => options.onClick(r, g));
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

  /** A quarter's verdict for a group (or all: group null); with meetings held, a button to the list of them. */
  function quarterBadge(quarters, q, group) {
    const found = (quarters || []).find(x => x.year === q.year && x.quarter === q.quarter);
    if (!found) return '—';
    const text = verdictText(found.rule);
    const mark = {MET: '✓', NOT_MET: '✗', IN_PROGRESS: '…'}[found.rule] || '';
    const full = `${ROMAN[q.quarter - 1]} кв. ${q.year}: ${text}` + (withoutCount(found.rule) ? '' : `, встреч: ${found.held}`);
    const badge = el('span', {class: 'rule ' + verdictKind(found.rule), title: full},
      el('span', {'aria-hidden': 'true', text: `${ROMAN[q.quarter - 1]} кв.: ${withoutCount(found.rule) ? '—' : found.held} ${mark}`.trim()}),
      el('span', {class: 'visually-hidden', text: full}));
    if (withoutCount(found.rule) || !found.held) return badge;
    const list = meetingsList({figure: 'HELD', quarter: q.quarter, group, expected: found.held});
    return el('button', {type: 'button', class: 'rule-link', title: full + '. Показать встречи', 'data-list': 'meetings',
      'data-expected': expected(list), onclick: e => openList(list, 0, e.currentTarget)}, badge);
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
      quarter: q.quarter,
      kind: verdictKind(q.rule),
      note: verdictText(q.rule)
    })), {label: 'Проведено встреч по кварталам: ' + quarters.map(q => `${ROMAN[q.quarter - 1]} квартал — ${q.held}`).join(', '),
      action: 'показать встречи',
      onClick: (v, opener) => openList(meetingsList({figure: 'HELD', quarter: v.quarter, expected: v.value}), 0, opener)}));

    // the figures of a group (or of all: the total row) and the lists behind them
    const whose = g => g === total ? null : g;
    const meetings = (g, key, figureKey, extra) => figure(fmtInt(g[key]), meetingsList(Object.assign({figure: figureKey, group: whose(g), expected: g[key]}, extra)), g[key]);
    const counted = (g, key) => meetings(g, key, null, {sum: key});
    const instructions = (g, key, figureKey) => figure(fmtInt(g[key]), instructionsList({figure: figureKey, group: whose(g), atMeetings: true, expected: g[key]}), g[key]);

    const columns = [
      {title: 'Информационная группа', value: g => g === total ? 'Итого' : el('button', {type: 'button', class: 'link group-link', 'data-group': g.groupId, onclick: () => showMeetings(g), text: g.groupName})},
      {title: 'Встреч проведено / план', numeric: true, value: g => el('span', {'data-figure': 'meetings'}, meetings(g, 'meetingsHeld', 'HELD'), ' / ', meetings(g, 'meetingsPlanned', 'PLANNED'))},
      {title: 'Отменено', numeric: true, value: g => meetings(g, 'meetingsCancelled', 'CANCELLED')},
      {title: 'Правило «встреча каждый квартал»', value: g => el('span', {class: 'rules'}, quarters.map(q => quarterBadge(g.quarters, q, whose(g))))},
      {title: 'Жителей всего / в среднем', numeric: true, value: g => el('span', {}, meetings(g, 'residentsTotal', 'HELD', {sum: 'residents'}), ` / ${fmt(g.residentsAverage)}`)},
      {title: 'Протоколы в срок', numeric: true, value: g => g.minutesDue ? el('span', {}, pct(g.minutesOnTimeShare), el('br'), el('small', {}, meetings(g, 'minutesOnTime', 'MINUTES_ON_TIME'), ' из ', meetings(g, 'minutesDue', 'MINUTES_DUE'))) : '—'},
      {title: 'Вопросов', numeric: true, value: g => counted(g, 'questions')},
      {title: 'Замечаний', numeric: true, value: g => counted(g, 'remarks')},
      {title: 'Предложений (принято)', numeric: true, value: g => el('span', {}, counted(g, 'proposals'), ' (', counted(g, 'proposalsAccepted'), ')')},
      {title: 'Карточек приёма', numeric: true, value: g => counted(g, 'receptionCards')},
      {title: 'Письменных обращений', numeric: true, value: g => counted(g, 'writtenAppeals')},
      {title: 'Поручений дано / закрыто / в срок', numeric: true, value: g => el('span', {}, instructions(g, 'instructionsGiven', null), ' / ', instructions(g, 'instructionsClosed', 'CLOSED'), ' / ', instructions(g, 'instructionsClosedOnTime', 'CLOSED_ON_TIME'))},
      {title: 'Просрочено поручений сейчас', numeric: true, value: g => g.instructionsOverdueNow > 0 ? el('span', {class: 'overdue'}, instructions(g, 'instructionsOverdueNow', 'OVERDUE')) : fmtInt(g.instructionsOverdueNow)},
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
      put('group-meetings-body', meetings.length ? table('Встречи группы ' + group.groupName, meetingColumns(false), meetings, {hideCaption: true, compact: true}) : empty('У группы нет встреч за период.'));
    } catch (e) {
      put('group-meetings-body', el('p', {class: 'error-inline', role: 'alert', text: e.message}));
    }
  }

  // ---------- report 2 ----------

  /**
   * A year's figures beside the previous year's. options.list(c, year, value) gives the list behind a figure (or null),
   * options.linked(c, which) the count that decides whether there is one (the figure itself when absent).
   */
  function comparisonTable(caption, firstTitle, rows, report, options) {
    const opts = options || {};
    const value = (c, which) => {
      const number = which === 'current' ? c.current : c.previous;
      const text = c.key === 'answeredWithinTermShare' ? pct(number) : fmt(number);
      if (!opts.list) return text;
      const year = which === 'current' ? report.year : report.previousYear;
      return figure(text, opts.list(c, year, number), opts.linked ? opts.linked(c, which) : number);
    };
    return table(caption, [
      {title: firstTitle, value: c => opts.onClick ? el('button', {type: 'button', class: 'link category-link', 'data-category': c.key, onclick: () => opts.onClick(c), text: c.label || c.key}) : capital(c.label || c.key)},
      {title: `${report.year} г.`, numeric: true, value: c => value(c, 'current')},
      {title: `${report.previousYear} г.`, numeric: true, value: c => value(c, 'previous')},
      {title: 'Изменение', numeric: true, value: c => change(c, c.key === 'answeredWithinTermShare')}
    ], rows, {compact: true, hideCaption: true});
  }

  /** The figure of each yearly total and the list behind it; shares and averages open the answered appeals. */
  const TOTAL_LISTS = {
    appeals: '', answered: 'ANSWERED', answeredWithinTerm: 'ANSWERED_WITHIN_TERM', answeredWithinTermShare: 'ANSWERED',
    averageDaysToAnswer: 'ANSWERED', extensions: 'EXTENDED', redirects: 'REDIRECTED', repeated: 'REPEATED',
    openAtEnd: 'OPEN_AT_END'
  };
  const OF_ANSWERED = ['answeredWithinTermShare', 'averageDaysToAnswer'];

  function nonZero(list) {
    return (list || []).filter(c => c.current || c.previous);
  }

  function monthsTable(report) {
    const months = report.byMonth || [];
    const short = c => capital(c.label || c.key).slice(0, 3);
    const row = (title, value) => ({title, value});
    const month = (c, year, value) => figure(fmtInt(value), appealsList({year, month: Number(c.key), expected: value}), value);
    const rows = [
      row(`${report.year} г.`, c => month(c, report.year, c.current)),
      row(`${report.previousYear} г.`, c => month(c, report.previousYear, c.previous)),
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
    const answered = totals.find(c => c.key === 'answered');
    section('appeals-totals', 'Основные показатели', 'Показатель', totals, {
      list: (c, year, value) => c.key in TOTAL_LISTS ? appealsList({year, figure: TOTAL_LISTS[c.key],
        expected: OF_ANSWERED.includes(c.key) ? undefined : value, sum: c.key === 'extensions' ? 'extensions' : undefined}) : null,
      linked: (c, which) => OF_ANSWERED.includes(c.key) ? answered && answered[which] : c[which]
    });
    const by = dimension => ({list: (c, year, value) => appealsList({year, [dimension]: c.key, categoryLabel: c.label, expected: value})});
    section('appeals-channels', 'По каналам поступления', 'Канал', nonZero(report.byChannel), by('channel'));
    section('appeals-categories', 'По категориям вопросов', 'Категория', nonZero(report.byCategory), Object.assign({onClick: showTerritories}, by('category')));
    section('appeals-territories', 'По территориям', 'Территория', nonZero(report.byTerritory), by('territory'));
    put('appeals-months', el('h3', {text: 'По месяцам поступления'}), (report.byMonth || []).length ? monthsTable(report) : empty());
    const byCurrent = list => nonZero(list).sort((a, b) => b.current - a.current || b.previous - a.previous);
    put('chart-categories', nonZero(report.byCategory).length
      ? barChart(byCurrent(report.byCategory), {label: 'Обращения по категориям', kind: 'categories', year: report.year, previousYear: report.previousYear, onClick: showTerritories, action: 'показать территории'})
      : empty());
    put('chart-territories', nonZero(report.byTerritory).length
      ? barChart(byCurrent(report.byTerritory), {label: 'Обращения по территориям', kind: 'territories', year: report.year, previousYear: report.previousYear,
        action: 'показать обращения', clickable: r => r.current > 0,
        onClick: (r, opener) => openList(appealsList({year: report.year, territory: r.key, expected: r.current}), 0, opener)})
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
          {year: data.year, previousYear: data.year - 1}, {list: (t, year, value) => appealsList({year,
            category: category.key, categoryLabel: data.categoryLabel, territory: t.key, expected: value})})
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
    const instructions = (r, key, figureKey, sum) => figure(fmtInt(r[key]), instructionsList({department: r.department, figure: figureKey, expected: r[key], sum}), r[key]);
    const appeals = (r, key, figureKey, sum) => figure(fmtInt(r[key]), appealsList({assigned: true, department: r.department, figure: figureKey, expected: r[key], sum}), r[key]);
    const overdue = (r, key, link) => r[key] > 0 ? el('span', {class: 'overdue'}, link) : fmtInt(r[key]);
    put('executors-table', table('Исполнительская дисциплина, ' + report.period.label, [
      {title: 'Исполнитель', value: r => r.department},
      {title: 'Поручений получено', numeric: true, value: r => instructions(r, 'instructionsAssigned', null)},
      {title: 'Закрыто', numeric: true, value: r => instructions(r, 'instructionsClosed', 'CLOSED')},
      {title: 'Закрыто в срок', numeric: true, value: r => el('span', {}, instructions(r, 'instructionsClosedOnTime', 'CLOSED_ON_TIME'), share(r.instructionsClosedOnTime, r.instructionsClosed))},
      {title: 'Поручений просрочено сейчас', numeric: true, value: r => overdue(r, 'instructionsOverdueNow', instructions(r, 'instructionsOverdueNow', 'OVERDUE'))},
      {title: 'Обращений получено', numeric: true, value: r => appeals(r, 'appealsAssigned', null)},
      {title: 'Отвечено', numeric: true, value: r => appeals(r, 'appealsAnswered', 'ANSWERED')},
      {title: 'Отвечено в срок', numeric: true, value: r => el('span', {}, appeals(r, 'appealsAnsweredOnTime', 'ANSWERED_WITHIN_TERM'), share(r.appealsAnsweredOnTime, r.appealsAnswered))},
      {title: 'Обращений просрочено сейчас', numeric: true, value: r => overdue(r, 'appealsOverdueNow', appeals(r, 'appealsOverdueNow', 'OVERDUE'))},
      {title: 'Запрошено продлений', numeric: true, value: r => r.extensionsAsked ? el('span', {}, fmtInt(r.extensionsAsked), el('br'),
        el('small', {}, 'поручения ', instructions(r, 'instructionExtensions', 'EXTENDED', 'extensionsAsked'), ', обращения ', appeals(r, 'appealExtensions', 'EXTENDED', 'extensions'))) : fmtInt(r.extensionsAsked)}
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
    // a share's list is its whole, with the part marked in it: the shares have no count to compare
    const share = (value, list) => figure(pct(value), list, true);
    put('ranking-table', table('Рейтинг групп, ' + report.period.label, [
      {title: 'Место', numeric: true, value: g => String(g.rank)},
      {title: 'Информационная группа', value: g => g.groupName},
      {title: 'Балл', numeric: true, value: g => el('span', {class: 'score'}, el('span', {class: 'score-bar', style: `width:${Math.max(0, Math.min(100, g.score))}%`, 'aria-hidden': 'true'}), el('span', {text: fmt(g.score)}))},
      {title: 'Регулярность встреч', numeric: true, value: g => share(g.regularity, meetingsList({figure: 'HELD', group: g}))},
      {title: 'Протоколы в срок', numeric: true, value: g => share(g.minutesOnTime, meetingsList({figure: 'MINUTES_DUE', group: g}))},
      {title: 'Поручения в срок', numeric: true, value: g => share(g.instructionsOnTime, instructionsList({group: g, due: true}))},
      {title: 'Охват жителей', numeric: true, value: g => share(g.residentsReached, meetingsList({figure: 'HELD', group: g, sum: 'residents'}))}
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
    setUpList();
    setUpRebuild();
    load();
  });
})();
