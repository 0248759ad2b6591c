// respgraph explorer: reads the JSON respgraph embedded in this page and draws every view from it.
// No network, no libraries. Every name and text from the data is inserted as text (textContent),
// never as HTML, so a name such as <script> shows as written.
(function () {
  'use strict';

  const D = JSON.parse(document.getElementById('respgraph-data').textContent);

  // ---- Words of the interface, in both languages. ----
  const WORDS = {
    zh: {
      title: '责任分工浏览器', search: '查找机构', tasks: '任务', matrix: '责任矩阵', workload: '工作量', network: '网络',
      plan: '会议筹备', compare: '年度对比', language: 'English', scope: '文件', all: '全部文件', searchHint: '输入机构名称的任一部分、简称或英文名',
      noMatch: '没有匹配的机构', kind: '类别', lead: '牵头', support: '配合', weighted: '加权负荷', tasksLed: '牵头任务', tasksSupported: '配合任务',
      partners: '合作机构', shared: '共同任务', partnerLeads: '对方牵头', agencyLeads: '本机构牵头', reliesOn: '依靠（本机构牵头、对方配合）',
      reliedOnBy: '被依靠（对方牵头、本机构配合）', centrality: '中心性', measure: '指标', value: '数值', rank: '排名', community: '凝聚子群', core: 'k-核',
      english: '英文名', aliases: '又称', succeeds: '前身', succeededBy: '现名', task: '任务', document: '文件', indicator: '指标', direction: '方向/目标',
      text: '任务内容', deadline: '完成时限', leads: '牵头单位', supporters: '配合单位', line: '原文行', place: '原文位置', keyword: '关键词',
      agency: '机构', role: '角色', any: '任意', allIndicators: '全部指标', page: '页', prev: '上一页', next: '下一页', rows: '行',
      downloadCSV: '下载 CSV', total: '合计', gini: '基尼系数', topShare: '前10%机构承担', outlier: '负荷异常偏高', threshold: '阈值',
      checks: '问责检查', withoutLead: '无牵头单位', manyLeads: '牵头单位过多（>{n}）', manySupporters: '配合单位过多（>{n}）',
      leadAndSupport: '同一机构既牵头又配合', withoutSupporter: '有牵头无配合', none: '无', coassign: '共同任务网络', dependency: '依赖网络（牵头→配合）',
      show: '显示', heaviest: '个负荷最重的机构', egoOf: '自我中心网络：', clearEgo: '显示全部', openAgency: '打开机构页', zoomHint: '滚轮缩放，拖动平移；点击机构看其自我中心网络',
      selectTasks: '选择任务', selectAll: '全选当前筛选结果', clear: '清空', meetings: '会议数', selected: '已选任务', convene: '需召集的机构',
      attendance: '出席成本（各次会议邀请机构数之和，统称不计）', lowerBound: '下界（任何方案都不低于此值）', provenOptimal: '已证明最优', maxTasks: '每次会议最多任务数', maxAgencies: '每次会议最多机构数', planAuto: '自动',
      collectivesListed: '统称（列出，不计入）', planTooLarge: '任务 {task} 单独就涉及 {n} 个机构，超过每次会议最多 {cap} 个机构', planTooFew: '{n} 项任务无法放入 {k} 次、每次最多 {cap} 项的会议；请增加会议数或放宽任务上限',
      planNone: '在每次最多 {cap} 个机构的限制下找不到 {k} 次会议的方案；请增加会议数或放宽机构上限',
      planNote: '与 respgraph plan 结果相同：不超过 30 项任务时精确求解（分支定界），否则用递归二分与 FM 局部搜索（16 次种子运行取最优），并给出下界。',
      meeting: '会议', before: '之前', after: '之后', roseMost: '负荷上升最多', fellMost: '负荷下降最多', appeared: '新出现的机构', disappeared: '不再出现的机构',
      change: '变化', indicatorsAdded: '新增指标', indicatorsRemoved: '删去指标', indicatorsRenamed: '更名或合并的指标', formerNames: '原名称', layout: '布局', tasksCount: '项任务',
      agenciesCount: '个机构', linksCount: '条关系', collectivesLeftOut: '个集合主体（如“各市、县人民政府”）未计入', notInNetwork: '该机构不在所绘网络中（仅绘负荷最重的机构）。',
      pickPair: '选择两份文件', scopeNote: '中心性按全部载入文件的共同任务网络计算。', generated: '由 respgraph 生成', noCompare: '只载入了一份文件，无法对比。',
      linkedTasks: '相关任务', weight: '权重', yes: '是', hint: '提示', meetingsUnit: '次会议', minWeight: '关系至少', barLegend: '红：牵头任务；蓝：配合任务 × 0.5',
      networkScope: '网络按全部载入文件绘制；节点面积与加权负荷成正比，线宽与共同任务数成正比。', thinTie: '灰色细线：低于阈值、但为该机构最强的关系',
      rebalance: '调整方案：最少的牵头互换，使最高负荷降到最低', rebalanceFacts: '最高负荷 {a} → {b}，互换 {n} 次；任何调整都不能低于 {c}（已证明最优）。',
      handsOver: '交出牵头', takesOver: '接任牵头', loadBefore: '调整前负荷', loadAfter: '调整后负荷', noMoves: '无需调整：最高负荷已是可达到的最低值。',
      overview: '概览', documents: '文件', heaviestAgencies: '负荷最重的机构', toReview: '需复核的任务', reviewNone: '所有任务均按原文读取，无需复核。',
      reviewNote: '导入时存疑的任务：请对照原文核对（respgraph review 列出并给出更正写法）。', findings: '存疑原因', more: '更多',
      openView: '打开', searchKey: '按 / 键查找机构', networkPicture: '合作网络（负荷最重的机构）',
      degree: '度数', betweenness: '中间中心度', closeness: '接近中心度', eigenvector: '特征向量中心度', constraint: '约束系数（越低越像中间人）',
    },
    en: {
      title: 'Responsibility explorer', search: 'Find an agency', tasks: 'Tasks', matrix: 'Matrix', workload: 'Workload', network: 'Network',
      plan: 'Meeting planner', compare: 'Compare', language: '中文', scope: 'Document', all: 'All documents', searchHint: 'Any part of a name, an alias or the English name',
      noMatch: 'No agency matches', kind: 'Kind', lead: 'Lead', support: 'Support', weighted: 'Weighted load', tasksLed: 'Tasks led', tasksSupported: 'Tasks supported',
      partners: 'Partners', shared: 'Shared tasks', partnerLeads: 'Partner leads', agencyLeads: 'Agency leads', reliesOn: 'Relies on (it leads, they support)',
      reliedOnBy: 'Relied on by (they lead, it supports)', centrality: 'Centrality', measure: 'Measure', value: 'Value', rank: 'Rank', community: 'Community', core: 'k-core',
      english: 'English', aliases: 'Also written', succeeds: 'Succeeds', succeededBy: 'Succeeded by', task: 'Task', document: 'Document', indicator: 'Indicator', direction: 'Direction',
      text: 'Text', deadline: 'Deadline', leads: 'Leads', supporters: 'Supporters', line: 'Source line', place: 'Source place', keyword: 'Keyword',
      agency: 'Agency', role: 'Role', any: 'Any', allIndicators: 'All indicators', page: 'Page', prev: 'Previous', next: 'Next', rows: 'rows',
      downloadCSV: 'Download CSV', total: 'Total', gini: 'Gini', topShare: 'Top 10% carry', outlier: 'Outlier', threshold: 'threshold',
      checks: 'Accountability checks', withoutLead: 'No lead', manyLeads: 'More than {n} leads', manySupporters: 'More than {n} supporters',
      leadAndSupport: 'Lead and support at once', withoutSupporter: 'Lead without supporter', none: 'none', coassign: 'Co-assignment network', dependency: 'Dependency network (lead → supporter)',
      show: 'Show', heaviest: 'heaviest agencies', egoOf: 'Ego network of ', clearEgo: 'Show all', openAgency: 'Open agency page', zoomHint: 'Wheel zooms, drag pans; click an agency for its ego network',
      selectTasks: 'Select tasks', selectAll: 'Select all filtered', clear: 'Clear', meetings: 'Meetings', selected: 'Tasks selected', convene: 'Agencies to convene',
      attendance: 'Attendance (Σ invited agencies over meetings, collectives not counted)', lowerBound: 'Lower bound (no plan costs less)', provenOptimal: 'proven optimal', maxTasks: 'Max tasks per meeting', maxAgencies: 'Max agencies per meeting', planAuto: 'auto',
      collectivesListed: 'Collectives (listed, not counted)', planTooLarge: 'Task {task} alone invites {n} agencies, more than {cap} per meeting', planTooFew: '{n} tasks do not fit {k} meetings of at most {cap} tasks; add meetings or raise the task cap',
      planNone: 'No plan of {k} meetings with at most {cap} agencies in each was found; add meetings or raise the agency cap',
      planNote: 'The same plan as respgraph plan: exact (branch and bound) up to 30 tasks, else recursive bisection with FM refinement (best of 16 seeded runs), beside a lower bound.',
      meeting: 'Meeting', before: 'Before', after: 'After', roseMost: 'Load rose most', fellMost: 'Load fell most', appeared: 'Agencies that appear', disappeared: 'Agencies that disappear',
      change: 'Change', indicatorsAdded: 'Indicators added', indicatorsRemoved: 'Indicators removed', indicatorsRenamed: 'Indicators renamed or merged', formerNames: 'Former names', layout: 'Layout', tasksCount: 'tasks',
      agenciesCount: 'agencies', linksCount: 'links', collectivesLeftOut: 'collective placeholders (各市、县人民政府 and the like) left out', notInNetwork: 'This agency is not in the drawn network (only the heaviest agencies are laid out).',
      pickPair: 'Pick two documents', scopeNote: 'Centralities are computed on the co-assignment network of all loaded documents.', generated: 'made by respgraph', noCompare: 'Only one document is loaded; there is nothing to compare.',
      linkedTasks: 'Tasks', weight: 'Weight', yes: 'yes', hint: 'Hint', meetingsUnit: 'meetings', minWeight: 'Links of at least', barLegend: 'red: tasks led; blue: tasks supported × 0.5',
      networkScope: 'The network covers all loaded documents; node area is proportional to weighted load, line width to shared tasks.', thinTie: 'thin grey: below the threshold but the agency\'s strongest tie',
      rebalance: 'Rebalancing plan: the fewest lead swaps that bring the highest load as low as it can go', rebalanceFacts: 'Highest load {a} → {b} with {n} swaps; no set of swaps goes below {c} (proven optimal).',
      handsOver: 'Hands over the lead', takesOver: 'Takes the lead', loadBefore: 'Load before', loadAfter: 'Load after', noMoves: 'Nothing to move: the highest load is already the lowest reachable.',
      overview: 'Overview', documents: 'Documents', heaviestAgencies: 'Heaviest-loaded agencies', toReview: 'Tasks to check', reviewNone: 'Every task reads as its source says; none to check.',
      reviewNote: 'Tasks the import marked as doubtful: check them against the source (respgraph review lists them with the corrections to write).', findings: 'Why',
      more: 'more', openView: 'Open', searchKey: 'Press / to find an agency', networkPicture: 'Co-assignment network (heaviest agencies)',
      degree: 'degree', betweenness: 'betweenness', closeness: 'closeness', eigenvector: 'eigenvector', constraint: 'constraint (low: a broker)',
    },
  };
  let lang = D.lang === 'en' ? 'en' : 'zh';
  const t = (key, n, more) => Object.entries(more || {}).reduce((w, [k, v]) => w.replace('{' + k + '}', v), (WORDS[lang][key] || key).replace('{n}', n));

  // ---- Building elements: text is always a text node. ----
  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttributes(e, attrs);
    append(e, children);
    return e;
  }
  function s(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    setAttributes(e, attrs);
    append(e, children);
    return e;
  }
  function setAttributes(e, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'class') e.setAttribute('class', v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  function append(e, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  const fmt = (x, digits = 2) => {
    if (x === null || x === undefined || Number.isNaN(x)) return '–';
    if (Number.isInteger(x)) return String(x);
    return String(Number(x.toFixed(digits)));
  };
  const fixed = (x, digits) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));

  // ---- Indexes over the data. ----
  const A = D.agencies, TK = D.tasks, DOCS = D.documents;
  const kindOf = Object.fromEntries(D.kinds.map(k => [k.key, k]));
  const taskIndexByKey = new Map(TK.map((task, i) => [task.key, i]));
  const kindLabel = a => (lang === 'zh' ? kindOf[A[a].kind].zh : kindOf[A[a].kind].en);
  const taskText = task => task.text || task.direction || '';

  const state = { scope: 'all', search: '', tasks: { indicator: -1, agency: '', role: 'any', keyword: '', sort: 'key', page: 0 },
                  matrixPage: 0, workloadSort: 'weighted', network: { kind: 'coassign', count: 40, ego: null, view: null },
                  plan: { selected: new Set(), meetings: null, maxTasks: null, maxAgencies: null }, compare: 0 };

  function inScope(task) { return state.scope === 'all' || DOCS[task.doc].id === state.scope; }
  function scopedTasks() { const out = []; TK.forEach((task, i) => { if (inScope(task)) out.push(i); }); return out; }

  // ---- Links and routing: #overview (the first page), #search, #agency/ID, #task/KEY, #tasks, #matrix, #workload, #network, #plan, #compare. ----
  const agencyLink = a => h('a', { href: '#agency/' + a }, A[a].name);
  const taskLink = i => h('a', { href: '#task/' + encodeURIComponent(TK[i].key) }, TK[i].key);
  const names = ids => ids.map(a => A[a].name).join('、');

  function header() {
    const top = document.getElementById('top');
    top.replaceChildren();
    const route = (location.hash || '#overview').slice(1).split('/')[0];
    const tabs = [['overview', t('overview')], ['search', t('search')], ['tasks', t('tasks')], ['matrix', t('matrix')], ['workload', t('workload')],
                  ['network', t('network')], ['plan', t('plan')]];
    if (DOCS.length > 1) tabs.push(['compare', t('compare')]);
    const scope = h('select', { id: 'scope', onchange: e => { state.scope = e.target.value; state.tasks.page = 0; state.matrixPage = 0; render(); } },
      h('option', { value: 'all' }, t('all')), DOCS.map(d => h('option', { value: d.id }, d.id + ' · ' + d.title)));
    scope.value = state.scope;
    top.append(h('h1', {}, 'respgraph · ' + t('title')),
      h('span', { class: 'source' }, DOCS.map(d => d.title).join('；')),
      h('nav', {}, tabs.map(([key, label]) => h('a', { href: '#' + key, id: 'tab-' + key, class: route === key || (route === 'agency' && key === 'search') ? 'active' : '' }, label)),
        h('span', { class: 'spacer' }), h('label', {}, t('scope') + ' '), scope,
        h('button', { id: 'language', onclick: () => { lang = lang === 'zh' ? 'en' : 'zh'; document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; render(); } }, t('language'))));
  }

  function render() {
    header();
    const view = document.getElementById('view');
    view.replaceChildren();
    const [route, arg] = (location.hash || '#overview').slice(1).split('/');
    const views = { overview: overviewView, search: searchView, agency: v => agencyView(v, Number(arg)), task: v => taskView(v, decodeURIComponent(arg || '')),
                    tasks: tasksView, matrix: matrixView, workload: workloadView, network: networkView, plan: planView, compare: compareView };
    (views[route] || overviewView)(view);
    document.getElementById('foot').replaceChildren(h('span', {}, t('generated') + ' · ' + D.source));
  }
  window.addEventListener('hashchange', () => { window.scrollTo(0, 0); render(); });
  // Search is one keystroke away from anywhere: / opens it with the cursor in the box.
  window.addEventListener('keydown', e => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)) return;
    e.preventDefault();
    if (location.hash !== '#search') location.hash = '#search'; else document.getElementById('search-box').focus();
  });

  // ---- Overview: what the data holds, who carries the load, the network, what to check. ----
  function overviewView(view) {
    const W = D.workload[state.scope];
    const scoped = scopedTasks();
    const top = W.agencies.slice(0, 10);
    const max = Math.max(1, ...top.map(r => r[3]));
    const marked = scoped.filter(i => (TK[i].review || []).length > 0);
    const C = W.checks;
    const search = h('input', { id: 'overview-search', type: 'search', size: 40, placeholder: t('searchHint'),
      oninput: e => { state.search = e.target.value; location.hash = '#search'; } });
    view.append(h('h2', {}, t('overview')), h('p', { class: 'muted' }, search, ' ', t('searchKey')));
    view.append(h('h3', {}, t('documents')), h('table', { id: 'overview-documents' },
      h('thead', {}, h('tr', {}, h('th', {}, 'id'), h('th', {}, t('document')), h('th', { class: 'num' }, t('tasks')))),
      h('tbody', {}, DOCS.map(d => h('tr', {}, h('td', {}, d.id), h('td', {}, h('a', { href: '#tasks', onclick: () => { state.scope = d.id; state.tasks.page = 0; } }, d.title)),
        h('td', { class: 'num' }, d.tasks))))));
    view.append(h('h3', {}, t('heaviestAgencies'), ' ', h('a', { href: '#workload', class: 'more' }, t('openView') + ' ' + t('workload') + ' →')),
      h('div', { class: 'muted' }, t('barLegend')),
      h('table', { id: 'overview-heaviest' }, h('thead', {}, h('tr', {}, h('th', {}, t('agency')), h('th', { class: 'num' }, t('lead')),
        h('th', { class: 'num' }, t('support')), h('th', { class: 'num' }, t('weighted')), h('th', {}, ''))), h('tbody', {}, top.map(([a, lead, support, weighted]) => h('tr', {},
        h('td', {}, agencyLink(a)), h('td', { class: 'num' }, lead), h('td', { class: 'num' }, support), h('td', { class: 'num' }, fmt(weighted)),
        h('td', {}, h('span', { class: 'bar lead', style: `width:${(lead / max) * 240}px` }), h('span', { class: 'bar support', style: `width:${(support * 0.5 / max) * 240}px` })))))));
    // The network picture: the heaviest agencies where the network view places them.
    const N = D.network, count = Math.min(30, N.nodes.length), size = 320;
    // Scaled to the box of the agencies drawn, so the picture fills its frame.
    const xs = N.x.slice(0, count), ys = N.y.slice(0, count);
    const x0 = Math.min(...xs), y0 = Math.min(...ys), span = Math.max(1e-9, Math.max(...xs) - x0, Math.max(...ys) - y0);
    const px = i => 14 + (N.x[i] - x0) / span * (size - 28), py = i => 14 + (N.y[i] - y0) / span * (size - 28);
    const load = new Map(D.workload.all.agencies.map(r => [r[0], r[3]]));
    const maxLoad = Math.max(1, ...N.nodes.slice(0, count).map(a => load.get(a) || 0));
    const picture = s('svg', { id: 'overview-network', width: size, height: size, viewBox: `0 0 ${size} ${size}`, role: 'img' },
      N.coassign.filter(l => l[0] < count && l[1] < count).map(l => s('line', { x1: px(l[0]), y1: py(l[0]),
        x2: px(l[1]), y2: py(l[1]), stroke: '#bbb', 'stroke-width': 0.6 })),
      N.nodes.slice(0, count).map((a, i) => s('circle', { cx: px(i), cy: py(i),
        r: 2 + 7 * Math.sqrt((load.get(a) || 0) / maxLoad), fill: kindOf[A[a].kind].color }, s('title', {}, A[a].name))));
    view.append(h('h3', {}, t('networkPicture'), ' ', h('a', { href: '#network', class: 'more' }, t('openView') + ' ' + t('network') + ' →')),
      h('a', { href: '#network' }, picture));
    view.append(h('h3', {}, t('checks'), ' ', h('a', { href: '#workload', class: 'more' }, t('openView') + ' →')), h('table', { id: 'overview-checks' },
      [[t('withoutLead'), C.without_lead.length], [t('manyLeads', C.max_leads), C.many_leads.length], [t('manySupporters', C.max_supporters), C.many_supporters.length],
       [t('leadAndSupport'), C.lead_and_support.length], [t('withoutSupporter'), C.without_supporter.length]].map(([label, n]) =>
        h('tr', {}, h('th', {}, label), h('td', { class: 'num' }, n)))));
    view.append(h('h3', {}, t('toReview'), ' (' + marked.length + ')'),
      marked.length === 0 ? h('p', { id: 'overview-review' }, t('reviewNone')) :
        h('div', { id: 'overview-review' }, h('p', { class: 'muted' }, t('reviewNote')), h('table', {}, h('tbody', {}, marked.slice(0, 50).map(i => h('tr', {},
          h('td', {}, taskLink(i)), h('td', {}, (TK[i].review || []).join(' ')), h('td', { class: 'text' }, taskText(TK[i]).slice(0, 60))))))));
  }

  // ---- Search. ----
  function loadIn(a) {
    let lead = 0, support = 0;
    for (const task of TK) {
      if (!inScope(task)) continue;
      if (task.leads.includes(a)) lead++;
      if (task.supporters.includes(a)) support++;
    }
    return [lead, support];
  }
  function searchView(view) {
    const input = h('input', { id: 'search-box', type: 'search', size: 40, placeholder: t('searchHint'), value: state.search });
    const list = h('ul', { class: 'results', id: 'search-results' });
    const update = () => {
      state.search = input.value;
      const q = input.value.trim().toLowerCase();
      list.replaceChildren();
      if (!q) return;
      const found = A.map((a, i) => i).filter(i => {
        const a = A[i];
        return [a.name, a.english || '', a.latest, ...a.aliases].some(n => n.toLowerCase().includes(q));
      });
      if (found.length === 0) { list.append(h('li', { class: 'muted' }, t('noMatch'))); return; }
      for (const i of found.slice(0, 200)) {
        const [lead, support] = loadIn(i);
        list.append(h('li', {}, agencyLink(i), ' ', h('span', { class: 'pill', style: 'background:' + kindOf[A[i].kind].color + ';color:' + kindOf[A[i].kind].text }, kindLabel(i)),
          ' ', h('span', { class: 'muted' }, `${t('lead')} ${lead} · ${t('support')} ${support}`), A[i].english ? h('span', { class: 'muted' }, ' · ' + A[i].english) : null));
      }
    };
    input.addEventListener('input', update);
    view.append(h('h2', {}, t('search')), input, list);
    update();
    input.focus();
  }

  // ---- One agency. ----
  function agencyView(view, a) {
    const agency = A[a];
    if (!agency) { view.append(h('p', {}, t('noMatch'))); return; }
    const mine = scopedTasks();
    const led = mine.filter(i => TK[i].leads.includes(a));
    const supported = mine.filter(i => TK[i].supporters.includes(a));
    // Partners: agencies sharing a task, how many, and in which direction the lead runs (as respgraph agency).
    const shared = new Map();
    for (const i of mine) {
      const task = TK[i];
      const all = new Set([...task.leads, ...task.supporters]);
      if (!all.has(a)) continue;
      const weLead = task.leads.includes(a);
      for (const b of all) {
        if (b === a) continue;
        const entry = shared.get(b) || { total: 0, theyLead: 0, weLead: 0 };
        entry.total++;
        if (task.leads.includes(b)) entry.theyLead++;
        if (weLead) entry.weLead++;
        shared.set(b, entry);
      }
    }
    const partners = [...shared.entries()].sort((x, y) => y[1].total - x[1].total || (A[x[0]].name < A[y[0]].name ? -1 : 1));
    view.append(h('h2', { id: 'agency-name' }, agency.name, ' ', h('span', { class: 'pill', style: 'background:' + kindOf[agency.kind].color + ';color:' + kindOf[agency.kind].text }, kindLabel(a))));
    const facts = h('div', { class: 'facts' });
    if (agency.english) facts.append(h('div', {}, t('english') + '：' + agency.english));
    if (agency.aliases.length) facts.append(h('div', {}, t('aliases') + '：' + agency.aliases.join('、')));
    if (agency.predecessors.length) facts.append(h('div', {}, t('succeeds') + '：' + agency.predecessors.join('、')));
    if (agency.successor) facts.append(h('div', {}, t('succeededBy') + '：' + agency.successor));
    facts.append(h('div', { id: 'agency-counts' }, `${t('tasksLed')} `, h('b', { id: 'led-count' }, led.length), ` · ${t('tasksSupported')} `,
      h('b', { id: 'supported-count' }, supported.length), ` · ${t('partners')} `, h('b', { id: 'partner-count' }, partners.length)));
    view.append(facts);
    if (agency.centrality) {
      const rows = ['degree', 'betweenness', 'closeness', 'eigenvector', 'constraint'].map(m =>
        h('tr', {}, h('td', {}, t(m)), h('td', { class: 'num' }, fixed(agency.centrality[m], m === 'degree' ? 0 : 4)), h('td', { class: 'num' }, agency.ranks[m] ?? '–')));
      view.append(h('h3', {}, t('centrality')), h('table', {}, h('tr', {}, h('th', {}, t('measure')), h('th', { class: 'num' }, t('value')), h('th', { class: 'num' }, t('rank'))), rows,
        h('tr', {}, h('td', {}, t('community')), h('td', { class: 'num' }, agency.community), h('td', {})), h('tr', {}, h('td', {}, t('core')), h('td', { class: 'num' }, agency.core), h('td', {}))),
        h('p', { class: 'muted' }, t('scopeNote')));
    }
    const taskTable = (ids, id) => table(id, [t('task'), t('document'), t('indicator'), t('text'), t('deadline'), t('leads'), t('supporters'), t('line')],
      ids.map(i => { const task = TK[i]; return [taskLink(i), DOCS[task.doc].id, D.indicators[task.indicator], h('span', {}, taskText(task)), task.deadline || '',
        linkList(task.leads), linkList(task.supporters), task.line ?? '']; }), [7]);
    view.append(h('h3', {}, `${t('tasksLed')}（${led.length}）`), taskTable(led, 'led'), h('h3', {}, `${t('tasksSupported')}（${supported.length}）`), taskTable(supported, 'supported'));
    view.append(h('h3', {}, `${t('partners')}（${partners.length}）`), table('partners', [t('agency'), t('kind'), t('shared'), t('partnerLeads'), t('agencyLeads')],
      partners.map(([b, e]) => [agencyLink(b), kindLabel(b), e.total, e.theyLead, e.weLead]), [2, 3, 4]));
    // Dependencies: whom it relies on as a lead, and who relies on it.
    const relies = new Map(), reliedOn = new Map();
    for (const i of mine) {
      const task = TK[i];
      if (task.leads.includes(a)) for (const b of task.supporters) if (b !== a && !A[b].collective) (relies.get(b) || relies.set(b, []).get(b)).push(i);
      if (task.supporters.includes(a)) for (const b of task.leads) if (b !== a && !A[b].collective) (reliedOn.get(b) || reliedOn.set(b, []).get(b)).push(i);
    }
    const depRows = m => [...m.entries()].sort((x, y) => y[1].length - x[1].length || (A[x[0]].name < A[y[0]].name ? -1 : 1))
      .map(([b, ids]) => [agencyLink(b), ids.length, h('span', {}, ids.map(i => [taskLink(i), ' ']))]);
    view.append(h('h3', {}, t('reliesOn')), table('relies-on', [t('agency'), t('linkedTasks'), t('task')], depRows(relies), [1]),
      h('h3', {}, t('reliedOnBy')), table('relied-on-by', [t('agency'), t('linkedTasks'), t('task')], depRows(reliedOn), [1]));
  }
  const linkList = ids => h('span', {}, ids.map((b, k) => [k ? '、' : '', agencyLink(b)]));

  // A plain table; `numeric` lists the right-aligned columns.
  function table(id, head, rows, numeric = []) {
    return h('table', { id }, h('thead', {}, h('tr', {}, head.map((c, k) => h('th', { class: numeric.includes(k) ? 'num' : '' }, c)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, k) => h('td', { class: numeric.includes(k) ? 'num' : (k === 3 ? 'text' : '') }, c))))));
  }

  // ---- One task. ----
  function taskView(view, key) {
    const i = taskIndexByKey.get(key);
    if (i === undefined) { view.append(h('p', {}, key)); return; }
    const task = TK[i];
    view.append(h('h2', {}, t('task') + ' ' + task.key), h('table', { id: 'task' }, [
      [t('document'), DOCS[task.doc].title], [t('indicator'), D.indicators[task.indicator]], [t('direction'), task.direction || ''],
      [t('text'), task.text || ''], [t('deadline'), task.deadline || ''], [t('leads'), linkList(task.leads)], [t('supporters'), linkList(task.supporters)],
      [t('line'), task.line ?? ''], [t('place'), task.place || ''],
    ].map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { class: 'text' }, v)))));
  }

  // ---- Tasks: filters shared by the table, the matrix and the planner. ----
  function filteredTasks(f) {
    const q = f.keyword.trim(), who = f.agency.trim().toLowerCase();
    return scopedTasks().filter(i => {
      const task = TK[i];
      if (f.indicator >= 0 && task.indicator !== f.indicator) return false;
      if (q && !(taskText(task).includes(q) || (task.direction || '').includes(q) || (task.text || '').includes(q))) return false;
      if (who) {
        const match = ids => ids.some(a => A[a].name.toLowerCase().includes(who) || A[a].aliases.some(n => n.toLowerCase().includes(who)));
        if (f.role === 'lead' ? !match(task.leads) : f.role === 'support' ? !match(task.supporters) : !(match(task.leads) || match(task.supporters))) return false;
      }
      return true;
    });
  }
  function filterBar(f, onChange) {
    const indicators = [...new Set(scopedTasks().map(i => TK[i].indicator))];
    const ind = h('select', { id: 'filter-indicator', onchange: e => { f.indicator = Number(e.target.value); f.page = 0; onChange(); } },
      h('option', { value: -1 }, t('allIndicators')), indicators.map(k => h('option', { value: k }, D.indicators[k])));
    ind.value = String(f.indicator);
    const who = h('input', { id: 'filter-agency', type: 'search', size: 14, value: f.agency, onchange: e => { f.agency = e.target.value; f.page = 0; onChange(); } });
    const role = h('select', { id: 'filter-role', onchange: e => { f.role = e.target.value; f.page = 0; onChange(); } },
      h('option', { value: 'any' }, t('any')), h('option', { value: 'lead' }, t('lead')), h('option', { value: 'support' }, t('support')));
    role.value = f.role;
    const key = h('input', { id: 'filter-keyword', type: 'search', size: 14, value: f.keyword, onchange: e => { f.keyword = e.target.value; f.page = 0; onChange(); } });
    return h('div', { class: 'filters' }, h('label', {}, t('indicator')), ind, h('label', {}, t('agency')), who, h('label', {}, t('role')), role,
      h('label', {}, t('keyword')), key);
  }
  function pager(total, size, page, go) {
    const pages = Math.max(1, Math.ceil(total / size));
    return h('div', { class: 'pager' }, h('button', { disabled: page <= 0, onclick: () => go(page - 1) }, t('prev')),
      h('span', { class: 'pager-status' }, `${t('page')} ${page + 1} / ${pages} · ${total} ${t('rows')}`),
      h('button', { disabled: page >= pages - 1, onclick: () => go(page + 1) }, t('next')));
  }
  function tasksView(view) {
    const f = state.tasks;
    const ids = filteredTasks(f);
    const sorters = { key: (x, y) => x - y, indicator: (x, y) => TK[x].indicator - TK[y].indicator || x - y,
                      leads: (x, y) => TK[y].leads.length - TK[x].leads.length || x - y, supporters: (x, y) => TK[y].supporters.length - TK[x].supporters.length || x - y };
    ids.sort(sorters[f.sort]);
    const size = 50, page = Math.min(f.page, Math.max(0, Math.ceil(ids.length / size) - 1));
    const head = [['key', t('task')], [null, t('document')], ['indicator', t('indicator')], [null, t('text')], ['leads', t('leads')], ['supporters', t('supporters')], [null, t('deadline')]];
    const tableEl = h('table', { id: 'task-table' }, h('thead', {}, h('tr', {}, head.map(([k, label]) =>
      h('th', { class: (k ? 'sortable' : '') + (k === f.sort ? ' sorted' : ''), onclick: k ? () => { f.sort = k; render(); } : null }, label)))),
      h('tbody', {}, ids.slice(page * size, page * size + size).map(i => { const task = TK[i]; return h('tr', {}, h('td', {}, taskLink(i)), h('td', {}, DOCS[task.doc].id),
        h('td', {}, D.indicators[task.indicator]), h('td', { class: 'text' }, taskText(task)), h('td', {}, linkList(task.leads)), h('td', {}, linkList(task.supporters)), h('td', {}, task.deadline || '')); })));
    view.append(h('h2', {}, t('tasks')), filterBar(f, render), h('p', { id: 'task-count' }, `${ids.length} ${t('tasksCount')}`),
      pager(ids.length, size, page, p => { f.page = p; render(); }), tableEl);
  }

  // ---- Responsibility matrix: tasks × agencies, 牵 / 配, grouped by indicator. ----
  function matrixData() {
    const ids = filteredTasks(state.tasks).sort((x, y) => TK[x].indicator - TK[y].indicator || x - y);
    const load = new Map();
    for (const i of ids) {
      for (const a of TK[i].leads) load.set(a, (load.get(a) || 0) + 1);
      for (const a of TK[i].supporters) load.set(a, (load.get(a) || 0) + 0.5);
    }
    const agencies = [...load.keys()].sort((x, y) => load.get(y) - load.get(x) || (A[x].name < A[y].name ? -1 : 1));
    return { ids, agencies };
  }
  function matrixCSV() {
    const { ids, agencies } = matrixData();
    const q = v => /[",\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
    const lines = [[t('task'), t('indicator'), t('text'), ...agencies.map(a => A[a].name), t('total')].map(q).join(',')];
    for (const i of ids) {
      const task = TK[i];
      const cells = agencies.map(a => task.leads.includes(a) ? '牵' : task.supporters.includes(a) ? '配' : '');
      lines.push([task.key, D.indicators[task.indicator], taskText(task), ...cells, String(task.leads.length + task.supporters.length)].map(q).join(','));
    }
    return '\ufeff' + lines.join('\n') + '\n';
  }
  function matrixView(view) {
    const { ids, agencies } = matrixData();
    const size = 100, pages = Math.max(1, Math.ceil(ids.length / size)), page = Math.min(state.matrixPage, pages - 1);
    const shown = ids.slice(page * size, page * size + size);
    const named = new Set(shown.flatMap(i => [...TK[i].leads, ...TK[i].supporters]));
    const columns = agencies.filter(a => named.has(a));
    const rows = [];
    let group = -1;
    for (const i of shown) {
      const task = TK[i];
      if (task.indicator !== group) { group = task.indicator; rows.push(h('tr', { class: 'group' }, h('td', { colspan: columns.length + 3 }, D.indicators[group]))); }
      rows.push(h('tr', {}, h('td', {}, taskLink(i)), h('td', { class: 'text' }, taskText(task).slice(0, 40)),
        columns.map(a => task.leads.includes(a) ? h('td', { class: 'cell lead' }, '牵') : task.supporters.includes(a) ? h('td', { class: 'cell support' }, '配') : h('td', { class: 'cell' })),
        h('td', { class: 'num' }, task.leads.length + task.supporters.length)));
    }
    const totals = columns.map(a => shown.filter(i => TK[i].leads.includes(a) || TK[i].supporters.includes(a)).length);
    const download = h('button', { id: 'matrix-csv', onclick: () => {
      const blob = new Blob([matrixCSV()], { type: 'text/csv;charset=utf-8' });
      const link = h('a', { href: URL.createObjectURL(blob), download: 'respgraph-matrix.csv' });
      document.body.append(link); link.click(); link.remove();
    } }, t('downloadCSV'));
    view.append(h('h2', {}, t('matrix')), filterBar(state.tasks, () => { state.matrixPage = 0; render(); }), h('div', { class: 'filters' }, download,
      h('span', { class: 'muted' }, `${ids.length} ${t('tasksCount')} × ${agencies.length} ${t('agenciesCount')}`)),
      pager(ids.length, size, page, p => { state.matrixPage = p; render(); }),
      h('table', { class: 'matrix', id: 'matrix' }, h('thead', {}, h('tr', {}, h('th', {}, t('task')), h('th', {}, t('text')),
        columns.map(a => h('th', { class: 'agency', title: A[a].name }, A[a].name)), h('th', { class: 'num' }, t('total')))),
        h('tbody', {}, rows, h('tr', {}, h('td', {}, t('total')), h('td', {}), totals.map(n => h('td', { class: 'num' }, n)), h('td', {})))));
  }

  // ---- Workload: respgraph's loads, inequality, outliers and checks for the scope. ----
  function workloadView(view) {
    const W = D.workload[state.scope];
    const outliers = new Set(W.outliers);
    const rows = W.agencies.slice();
    const sorters = { weighted: () => 0, lead: (x, y) => y[1] - x[1] || y[3] - x[3], support: (x, y) => y[2] - x[2] || y[3] - x[3],
                      name: (x, y) => (A[x[0]].name < A[y[0]].name ? -1 : 1) };
    if (state.workloadSort !== 'weighted') rows.sort(sorters[state.workloadSort]);
    const max = Math.max(1, ...W.agencies.map(r => r[3]));
    const th = (key, label) => h('th', { class: 'sortable' + (key === 'name' ? '' : ' num') + (state.workloadSort === key ? ' sorted' : ''), onclick: () => { state.workloadSort = key; render(); } }, label);
    view.append(h('h2', {}, t('workload')), h('div', { class: 'facts', id: 'workload-facts' },
      h('div', {}, `${t('gini')} `, h('b', { id: 'gini' }, W.gini.toFixed(3))),
      h('div', {}, `${t('topShare')} `, h('b', { id: 'top-share' }, (W.top_decile_share * 100).toFixed(1) + '%'), ` (${W.top_decile_count} ${t('agenciesCount')})`),
      h('div', {}, `${t('outlier')}：${t('weighted')} > ${fmt(W.median)} + 3 × ${fmt(W.mad)} = `, h('b', {}, fmt(W.threshold))),
      W.collectives_left_out ? h('div', { class: 'muted' }, `${W.collectives_left_out} ${t('collectivesLeftOut')}`) : null,
      h('div', { class: 'muted' }, t('barLegend'))),
      h('table', { id: 'workload-table' }, h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), th('name', t('agency')), h('th', {}, t('kind')),
        th('lead', t('lead')), th('support', t('support')), th('weighted', t('weighted')), h('th', {}, ''))),
        h('tbody', {}, rows.map(([a, lead, support, weighted], k) => h('tr', { class: outliers.has(a) ? 'outlier' : '' },
          h('td', { class: 'num' }, k + 1), h('td', {}, agencyLink(a), outliers.has(a) ? ' ★' : ''), h('td', {}, kindLabel(a)),
          h('td', { class: 'num' }, lead), h('td', { class: 'num' }, support), h('td', { class: 'num' }, fmt(weighted)),
          h('td', {}, h('span', { class: 'bar lead', style: `width:${(lead / max) * 240}px` }), h('span', { class: 'bar support', style: `width:${(support * 0.5 / max) * 240}px` })))))));
    const C = W.checks;
    const list = ids => ids.length ? h('span', {}, ids.map(i => [taskLink(i), ' '])) : t('none');
    view.append(h('h3', {}, t('checks')), h('table', { id: 'checks' },
      h('tr', {}, h('th', {}, t('withoutLead')), h('td', { class: 'num' }, C.without_lead.length), h('td', {}, list(C.without_lead))),
      h('tr', {}, h('th', {}, t('manyLeads', C.max_leads)), h('td', { class: 'num' }, C.many_leads.length), h('td', {}, list(C.many_leads))),
      h('tr', {}, h('th', {}, t('manySupporters', C.max_supporters)), h('td', { class: 'num' }, C.many_supporters.length), h('td', {}, list(C.many_supporters))),
      h('tr', {}, h('th', {}, t('leadAndSupport')), h('td', { class: 'num' }, C.lead_and_support.length), h('td', {}, C.lead_and_support.map(([i, a]) => [taskLink(i), ' ', agencyLink(a), '；']))),
      h('tr', {}, h('th', {}, t('withoutSupporter')), h('td', { class: 'num' }, C.without_supporter.length), h('td', { class: 'text' }, list(C.without_supporter)))));
    const P = W.plan;
    if (P) {
      view.append(h('h3', {}, t('rebalance')), h('p', { id: 'plan-facts' },
        t('rebalanceFacts', P.moves.length, { a: fmt(P.max_load_before), b: fmt(P.max_load_after), c: fmt(P.lower_bound) })));
      if (P.moves.length === 0) view.append(h('p', { class: 'muted' }, t('noMoves')));
      else view.append(h('table', { id: 'plan-moves' }, h('thead', {}, h('tr', {}, h('th', {}, t('task')), h('th', {}, t('text')), h('th', {}, t('handsOver')), h('th', {}, t('takesOver')))),
        h('tbody', {}, P.moves.map(([i, from, to]) => h('tr', {}, h('td', {}, taskLink(i)), h('td', { class: 'text' }, taskText(TK[i]).slice(0, 50)),
          h('td', {}, agencyLink(from)), h('td', {}, agencyLink(to)))))),
        h('table', { id: 'plan-loads' }, h('thead', {}, h('tr', {}, h('th', {}, t('agency')), h('th', { class: 'num' }, t('loadBefore')), h('th', { class: 'num' }, t('loadAfter')))),
          h('tbody', {}, P.loads.map(([a, before, after]) => h('tr', {}, h('td', {}, agencyLink(a)), h('td', { class: 'num' }, fmt(before)), h('td', { class: 'num' }, fmt(after)))))));
    }
  }

  // ---- Network: positions computed when the page was made; zoom, pan, hover, ego view. ----
  function networkView(view) {
    const N = D.network, st = state.network;
    const nodes = N.nodes, total = nodes.length;
    const count = Math.min(st.count, total);
    const load = new Map(D.workload.all.agencies.map(r => [r[0], r[3]]));
    const links = st.kind === 'coassign' ? N.coassign : N.dependency;
    let shown = new Set(nodes.slice(0, count).map((a, i) => i));
    let partners = null;
    if (st.ego !== null) {
      const ties = links.filter(l => l[0] === st.ego || l[1] === st.ego);
      partners = new Set(ties.slice().sort((x, y) => y[2] - x[2]).slice(0, 10).map(l => (l[0] === st.ego ? l[1] : l[0])));
      shown = new Set([st.ego, ...ties.map(l => (l[0] === st.ego ? l[1] : l[0]))]);
    }
    const inScope = links.filter(l => shown.has(l[0]) && shown.has(l[1]) &&
      (st.ego === null || l[0] === st.ego || l[1] === st.ego || (partners.has(l[0]) && partners.has(l[1]))));
    // Readable by default: the least whole threshold leaving at most three links per agency; every
    // agency keeps its strongest tie (drawn thin and grey when below the threshold), so none looks isolated.
    let threshold = st.minWeight;
    if (threshold === undefined || threshold === null) {
      threshold = 1;
      while (inScope.filter(l => l[2] >= threshold).length > 3 * Math.max(1, shown.size)) threshold++;
    }
    const strongest = new Map();
    for (const l of inScope) for (const end of [l[0], l[1]]) { const best = strongest.get(end); if (!best || l[2] > best[2]) strongest.set(end, l); }
    const keep = new Set(inScope.filter(l => l[2] >= threshold || st.ego !== null));
    const thin = new Set([...strongest.values()].filter(l => !keep.has(l)));
    const drawn = [...keep, ...thin];
    // Fit the shown agencies to the canvas.
    const W = 900, H = 680, pad = 50;
    const xs = [...shown].map(i => N.x[i]), ys = [...shown].map(i => N.y[i]);
    const x0 = Math.min(...xs), y0 = Math.min(...ys), span = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1e-6);
    const px = i => pad + (N.x[i] - x0) / span * (W - 2 * pad), py = i => pad + (N.y[i] - y0) / span * (H - 2 * pad);
    const maxLoad = Math.max(1, ...nodes.map(a => load.get(a) || 0));
    const radius = i => 4 + 20 * Math.sqrt((load.get(nodes[i]) || 0) / maxLoad);
    const maxW = Math.max(1, ...drawn.map(l => l[2]));
    const defs = s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#6b7c8d' })));
    const g = s('g', { id: 'network-layer' });
    for (const l of drawn) {
      const [i, j, w] = l;
      const x1 = px(i), y1 = py(i), x2 = px(j), y2 = py(j), d = Math.hypot(x2 - x1, y2 - y1) || 1, r = radius(j) + 2;
      const arrow = st.kind === 'dependency';
      g.append(s('line', { x1, y1, x2: x2 - (arrow ? (x2 - x1) / d * r : 0), y2: y2 - (arrow ? (y2 - y1) / d * r : 0),
        stroke: thin.has(l) ? '#b8c0c8' : '#6b7c8d', 'stroke-opacity': thin.has(l) ? 0.8 : 0.6, 'stroke-width': thin.has(l) ? 0.7 : 0.8 + 5 * w / maxW,
        'marker-end': arrow ? 'url(#arrow)' : null },
        s('title', {}, `${A[nodes[i]].name} ${arrow ? '→' : '—'} ${A[nodes[j]].name}: ${fmt(w)} ${t('tasksCount')}`)));
    }
    const order = [...shown].sort((x, y) => radius(x) - radius(y));
    const labelled = new Set(st.ego !== null ? shown : [...shown].sort((x, y) => radius(y) - radius(x)).slice(0, 15));
    for (const i of order) {
      const a = nodes[i];
      g.append(s('g', { class: 'node', 'data-agency': a, onclick: () => { st.ego = i; st.view = null; render(); } },
        s('circle', { cx: px(i), cy: py(i), r: radius(i), fill: kindOf[A[a].kind].color, stroke: i === st.ego ? '#c0392b' : '#334', 'stroke-width': i === st.ego ? 3 : 0.8 },
          s('title', {}, `${A[a].name}\n${kindLabel(a)} · ${t('weighted')} ${fmt(load.get(a) || 0)}`)),
        labelled.has(i) ? s('text', { x: px(i), y: py(i) - radius(i) - 3, 'text-anchor': 'middle', 'font-size': 12, fill: '#222', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, A[a].name) : null));
    }
    const svgEl = s('svg', { id: 'network-svg', width: W, height: H, viewBox: `0 0 ${W} ${H}` }, defs, g);
    // Zoom with the wheel, pan by dragging.
    let vb = st.view || [0, 0, W, H];
    const apply = () => { svgEl.setAttribute('viewBox', vb.join(' ')); st.view = vb; };
    apply();
    svgEl.addEventListener('wheel', e => {
      e.preventDefault();
      const r = svgEl.getBoundingClientRect(), f = e.deltaY > 0 ? 1.15 : 1 / 1.15;
      const mx = vb[0] + (e.clientX - r.left) / r.width * vb[2], my = vb[1] + (e.clientY - r.top) / r.height * vb[3];
      vb = [mx - (mx - vb[0]) * f, my - (my - vb[1]) * f, vb[2] * f, vb[3] * f];
      apply();
    }, { passive: false });
    let drag = null;
    svgEl.addEventListener('pointerdown', e => { if (e.target === svgEl) drag = [e.clientX, e.clientY, vb.slice()]; });
    window.addEventListener('pointerup', () => { drag = null; });
    svgEl.addEventListener('pointermove', e => {
      if (!drag) return;
      const r = svgEl.getBoundingClientRect();
      vb = [drag[2][0] - (e.clientX - drag[0]) / r.width * vb[2], drag[2][1] - (e.clientY - drag[1]) / r.height * vb[3], vb[2], vb[3]];
      apply();
    });
    const kindSelect = h('select', { id: 'network-kind', onchange: e => { st.kind = e.target.value; st.minWeight = null; render(); } },
      h('option', { value: 'coassign' }, t('coassign')), h('option', { value: 'dependency' }, t('dependency')));
    kindSelect.value = st.kind;
    const slider = h('input', { id: 'network-count', type: 'range', min: Math.min(5, total), max: total, value: count,
      onchange: e => { st.count = Number(e.target.value); st.ego = null; st.minWeight = null; st.view = null; render(); } });
    const weights = [...new Set(inScope.map(l => Math.floor(l[2])))].sort((x, y) => x - y).filter(w => w >= 1).slice(0, 30);
    const minSelect = h('select', { id: 'network-min-weight', onchange: e => { st.minWeight = Number(e.target.value); render(); } },
      (weights.length ? weights : [1]).map(w => h('option', { value: w }, `≥ ${w}`)));
    minSelect.value = String(threshold);
    const side = h('div', { class: 'side' });
    if (st.ego !== null) {
      const a = nodes[st.ego];
      side.append(h('h3', {}, t('egoOf') + A[a].name), h('p', {}, h('a', { href: '#agency/' + a, id: 'open-agency' }, t('openAgency')), ' · ',
        h('a', { id: 'clear-ego', onclick: () => { st.ego = null; st.view = null; render(); } }, t('clearEgo'))),
        table('ego-ties', [t('agency'), t('weight')], links.filter(l => l[0] === st.ego || l[1] === st.ego).sort((x, y) => y[2] - x[2])
          .map(l => [agencyLink(nodes[l[0] === st.ego ? l[1] : l[0]]), fmt(l[2])]), [1]));
    }
    side.append(h('h3', {}, t('kind')), h('div', { class: 'legend' }, D.kinds.filter(k => [...shown].some(i => A[nodes[i]].kind === k.key)).map(k =>
      h('div', {}, h('i', { style: 'background:' + k.color }), lang === 'zh' ? k.zh : k.en))),
      h('p', { class: 'muted' }, t('networkScope')), thin.size ? h('p', { class: 'muted' }, t('thinTie')) : null,
      h('p', { class: 'muted' }, t('zoomHint')), h('p', { class: 'muted' }, `${t('layout')}: ${D.layout}`));
    view.append(h('h2', {}, t('network')), h('div', { class: 'filters' }, kindSelect, h('label', {}, `${t('show')} `), slider,
      h('label', {}, t('minWeight')), minSelect,
      h('span', { id: 'network-status' }, `${shown.size} / ${total} ${t('agenciesCount')}, ${drawn.length} ${t('linksCount')}`)),
      h('div', { class: 'network' }, svgEl, side));
  }

  // ---- Meeting planner: respgraph plan's steps (MeetingPlanner.plan over MeetingPartition), the same
  // numbers in the same order, so the page and the CLI give the same plan. ----
  function xorshift32(seed) {
    let s = Math.imul((seed + 1) >>> 0, 0x9E3779B9) >>> 0;
    if (s === 0) s = 0x6D2B79F5;
    return {
      next() { s = (s ^ (s << 13)) >>> 0; s = (s ^ (s >>> 17)) >>> 0; s = (s ^ (s << 5)) >>> 0; return s; },
      shuffle(a) { for (let i = a.length - 1; i > 0; i--) { const j = this.next() % (i + 1); const x = a[i]; a[i] = a[j]; a[j] = x; } },
    };
  }
  class PlanState {
    constructor(inst, part, k, taskCaps, agencyCaps) {
      this.inst = inst; this.part = part.slice();
      this.taskCaps = taskCaps || Array(k).fill(inst.maxTasks);
      this.agencyCaps = agencyCaps || Array(k).fill(inst.maxAgencies);
      this.sizes = Array(k).fill(0); this.count = Array.from({ length: k }, () => new Int32Array(inst.agencyCount));
      this.distinct = Array(k).fill(0); this.attendance = 0; this.violation = 0; this.penalty = inst.pins.length + 1;
      part.forEach((b, t) => { this.sizes[b]++; for (const a of inst.pins[t]) { if (this.count[b][a] === 0) { this.distinct[b]++; this.attendance++; } this.count[b][a]++; } });
      for (let b = 0; b < k; b++) this.violation += Math.max(0, this.distinct[b] - this.agencyCaps[b]);
    }
    copy() {
      const c = Object.create(PlanState.prototype);
      Object.assign(c, this, { part: this.part.slice(), sizes: this.sizes.slice(), count: this.count.map(x => x.slice()), distinct: this.distinct.slice() });
      return c;
    }
    cost() { return this.attendance + this.violation * this.penalty; }
    gain(v, j) {
      const b = this.part[v]; let removed = 0, added = 0;
      const from = this.count[b], to = this.count[j];
      for (const a of this.inst.pins[v]) { if (from[a] === 1) removed++; if (to[a] === 0) added++; }
      if (this.inst.maxAgencies === Infinity) return removed - added;
      const cb = this.agencyCaps[b], cj = this.agencyCaps[j], db = this.distinct[b], dj = this.distinct[j];
      const before = Math.max(0, db - cb) + Math.max(0, dj - cj), after = Math.max(0, db - removed - cb) + Math.max(0, dj + added - cj);
      return (removed - added) + (before - after) * this.penalty;
    }
    move(v, j) {
      const b = this.part[v];
      this.violation -= Math.max(0, this.distinct[b] - this.agencyCaps[b]) + Math.max(0, this.distinct[j] - this.agencyCaps[j]);
      for (const a of this.inst.pins[v]) {
        this.count[b][a]--; if (this.count[b][a] === 0) { this.distinct[b]--; this.attendance--; }
        if (this.count[j][a] === 0) { this.distinct[j]++; this.attendance++; } this.count[j][a]++;
      }
      this.violation += Math.max(0, this.distinct[b] - this.agencyCaps[b]) + Math.max(0, this.distinct[j] - this.agencyCaps[j]);
      this.sizes[b]--; this.sizes[j]++; this.part[v] = j;
    }
    refine(tasks, blocks) {
      if (blocks.length < 2) return;
      let cost = this.cost();
      for (;;) {
        const locked = new Uint8Array(this.part.length), moves = [];
        let best = cost, bestLength = 0, current = cost;
        while (moves.length - bestLength < 50) {
          let pv = -1, pj = -1, pg = -Infinity;
          for (const v of tasks) {
            if (locked[v]) continue;
            for (const j of blocks) {
              if (j === this.part[v] || this.sizes[j] >= this.taskCaps[j]) continue;
              const g = this.gain(v, j);
              if (g > pg) { pv = v; pj = j; pg = g; }
            }
          }
          if (pv < 0) break;
          moves.push([pv, this.part[pv]]); this.move(pv, pj); locked[pv] = 1; current -= pg;
          if (current < best) { best = current; bestLength = moves.length; }
        }
        for (let m = moves.length - 1; m >= bestLength; m--) this.move(moves[m][0], moves[m][1]);
        if (best < cost) cost = best; else return;
      }
    }
  }
  class Partition {
    constructor(pins, agencyCount, maxTasks, maxAgencies) { this.pins = pins; this.agencyCount = agencyCount; this.maxTasks = Math.max(1, maxTasks); this.maxAgencies = Math.max(1, maxAgencies); }
    lowerBound() {
      const c = new Int32Array(this.agencyCount); for (const p of this.pins) for (const a of p) c[a]++;
      let s = 0; for (const x of c) s += Math.floor((x + this.maxTasks - 1) / this.maxTasks); return s;
    }
    attendance(part) { const seen = new Set(); part.forEach((b, t) => { for (const a of this.pins[t]) seen.add(b * this.agencyCount + a); }); return seen.size; }
    cap(k) { return this.maxAgencies === Infinity ? Infinity : this.maxAgencies * k; }
    bisect(tasks, k0, k, rng) {
      const n = tasks.length, target = Math.floor((2 * n * k0 + k) / (2 * k));
      const sub = new Partition(tasks.map(t => this.pins[t]), this.agencyCount, this.maxTasks, this.maxAgencies);
      let best = null;
      for (let start = 0; start < 4; start++) {
        const order = [...Array(n).keys()];
        if (start > 0) rng.shuffle(order);
        const st = new PlanState(sub, Array(n).fill(1), 2, [k0 * this.maxTasks, (k - k0) * this.maxTasks], [this.cap(k0), this.cap(k - k0)]);
        if (n > 0) st.move(order[0], 0);
        while (st.sizes[0] < target) {
          let pick = -1, pg = -Infinity;
          for (const v of order) { if (st.part[v] !== 1) continue; const g = st.gain(v, 0); if (g > pg) { pick = v; pg = g; } }
          st.move(pick, 0);
        }
        st.refine([...Array(n).keys()], [0, 1]);
        const cost = st.attendance + st.violation * (n + 1);
        if (!best || cost < best.cost) best = { cost, part: st.part };
      }
      return [tasks.filter((_, i) => best.part[i] === 0), tasks.filter((_, i) => best.part[i] === 1)];
    }
    split(tasks, k, first, part, rng) {
      if (k === 1) { for (const t of tasks) part[t] = first; return; }
      const k0 = Math.floor(k / 2), [left, right] = this.bisect(tasks, k0, k, rng);
      this.split(left, k0, first, part, rng); this.split(right, k - k0, first + k0, part, rng);
    }
    heuristic(k, seed) {
      const all = [...this.pins.keys()], part = Array(this.pins.length).fill(0), rng = xorshift32(seed);
      this.split(all, k, 0, part, rng);
      let st = new PlanState(this, part, k);
      const blocks = [...Array(k).keys()];
      st.refine(all, blocks);
      let improved = k > 1 && k <= 24;
      while (improved) {
        improved = false;
        for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) {
          const both = all.filter(t => st.part[t] === i || st.part[t] === j), before = st.cost();
          st.refine(both, [i, j]);
          const [left, right] = this.bisect(both, 1, 2, rng), trial = st.copy();
          for (const t of left) if (trial.part[t] !== i) trial.move(t, i);
          for (const t of right) if (trial.part[t] !== j) trial.move(t, j);
          if (trial.sizes[i] <= this.maxTasks && trial.sizes[j] <= this.maxTasks && trial.cost() < st.cost()) st = trial;
          if (st.cost() < before) improved = true;
        }
      }
      st.refine(all, blocks);
      return st.violation === 0 && st.sizes.every(s => s <= this.maxTasks) ? st.part : null;
    }
    exact(k, incumbent, budget) {
      const n = this.pins.length, pins = this.pins, A = this.agencyCount;
      const order = [...pins.keys()].sort((x, y) => pins[y].length - pins[x].length || x - y);
      const remaining = new Int32Array(A), held = new Int32Array(A), count = Array.from({ length: k }, () => new Int32Array(A));
      for (const p of pins) for (const a of p) remaining[a]++;
      const distinct = Array(k).fill(0), sizes = Array(k).fill(0), part = Array(n).fill(-1);
      let best = incumbent ? incumbent.attendance : Infinity, bestPart = incumbent ? incumbent.part : null, nodes = 0, unheld = 0, cost = 0, exhausted = false;
      for (let a = 0; a < A; a++) if (remaining[a] > 0) unheld++;
      const visit = (i, used) => {
        if (exhausted) return;
        if (++nodes > budget) { exhausted = true; return; }
        if (i === n) { if (cost < best) { best = cost; bestPart = part.slice(); } return; }
        const t = order[i];
        for (const a of pins[t]) { remaining[a]--; if (remaining[a] === 0 && held[a] === 0) unheld--; }
        for (let b = 0; b < Math.min(k, used + 1); b++) {
          if (sizes[b] >= this.maxTasks) continue;
          let added = 0; for (const a of pins[t]) if (count[b][a] === 0) added++;
          if (distinct[b] + added > this.maxAgencies) continue;
          let newlyHeld = 0;
          for (const a of pins[t]) {
            if (count[b][a] === 0) { distinct[b]++; if (held[a] === 0 && remaining[a] > 0) newlyHeld++; held[a]++; }
            count[b][a]++;
          }
          cost += added; unheld -= newlyHeld; sizes[b]++; part[t] = b;
          if (cost + unheld < best) visit(i + 1, Math.max(used, b + 1));
          part[t] = -1; sizes[b]--; unheld += newlyHeld; cost -= added;
          for (const a of pins[t]) { count[b][a]--; if (count[b][a] === 0) { distinct[b]--; held[a]--; } }
        }
        for (const a of pins[t]) { if (remaining[a] === 0 && held[a] === 0) unheld++; remaining[a]++; }
      };
      visit(0, 0);
      return exhausted || !bestPart ? null : { part: bestPart, attendance: best, optimal: true };
    }
    plan(k) {
      const n = this.pins.length;
      if (k < 1 || n > k * this.maxTasks || this.pins.some(p => p.length > this.maxAgencies)) return null;
      if (n === 0) return { part: [], attendance: 0, optimal: true };
      let best = null;
      for (let seed = 0; seed < 16; seed++) {
        const part = this.heuristic(k, seed);
        if (!part) continue;
        const cost = this.attendance(part);
        if (!best || cost < best.attendance) best = { part, attendance: cost, optimal: false };
      }
      if (n <= 30) { const e = this.exact(k, best, 2000000); if (e) return e; }
      if (best && best.attendance === this.lowerBound()) best.optimal = true;
      return best;
    }
  }
  function indicatorCount(ids) { return new Set(ids.map(i => TK[i].indicator)).size; }
  // The plan under caps (MeetingPlanner.plan): { meetings: [{tasks, agencies, collectives}], attendance, lowerBound, optimal, caps } or { error }.
  function capPlan(ids, caps) {
    const tasks = ids.slice().sort((x, y) => x - y), index = new Map(), agencies = [];
    const pins = tasks.map(i => [...new Set([...TK[i].leads, ...TK[i].supporters])].filter(a => !A[a].collective).sort((x, y) => x - y).map(a => {
      if (!index.has(a)) { index.set(a, agencies.length); agencies.push(a); } return index.get(a); }).sort((x, y) => x - y));
    const n = tasks.length, maxAgencies = caps.maxAgencies || Infinity;
    const big = pins.findIndex(p => p.length > maxAgencies);
    if (big >= 0) return { error: t('planTooLarge').replace('{task}', TK[tasks[big]].key).replace('{n}', pins[big].length).replace('{cap}', maxAgencies) };
    const share = k => Math.max(1, Math.floor((11 * n + 10 * k - 1) / (10 * k)));
    let k = caps.meetings || (!caps.maxTasks && !caps.maxAgencies ? indicatorCount(tasks) : 0);
    if (!k) k = caps.maxTasks ? Math.max(1, Math.floor((n + caps.maxTasks - 1) / caps.maxTasks)) : 1;
    k = Math.max(1, Math.min(k, Math.max(1, n)));
    let inst = null, found = null;
    for (;;) {
      const maxTasks = caps.maxTasks || share(k);
      if (n > k * maxTasks) {
        if (caps.meetings) return { error: t('planTooFew').replace('{n}', n).replace('{k}', k).replace('{cap}', maxTasks) };
        k++; continue;
      }
      inst = new Partition(pins, agencies.length, maxTasks, maxAgencies);
      found = inst.plan(k);
      if (found) break;
      if (caps.meetings || k >= n) return { error: t('planNone').replace('{k}', k).replace('{cap}', maxAgencies) };
      k++;
    }
    const meetings = Array.from({ length: k }, () => ({ tasks: [], agencies: [], collectives: [] }));
    tasks.forEach((i, p) => meetings[found.part[p]].tasks.push(i));
    const held = meetings.filter(m => m.tasks.length);
    for (const m of held) {
      const named = [...agenciesOf(m.tasks)].sort((x, y) => x - y);
      m.agencies = named.filter(a => !A[a].collective); m.collectives = named.filter(a => A[a].collective);
    }
    return { meetings: held, attendance: found.attendance, lowerBound: found.optimal ? found.attendance : inst.lowerBound(), optimal: found.optimal,
             caps: { meetings: held.length, maxTasks: inst.maxTasks, maxAgencies: caps.maxAgencies || null } };
  }
  function agenciesOf(ids) { const set = new Set(); for (const i of ids) { for (const a of TK[i].leads) set.add(a); for (const a of TK[i].supporters) set.add(a); } return set; }
  function planView(view) {
    const P = state.plan, f = state.tasks;
    const candidates = filteredTasks(f);
    const selected = scopedTasks().filter(i => P.selected.has(i));
    const list = h('table', { id: 'plan-candidates' }, h('tbody', {}, candidates.slice(0, 300).map(i => h('tr', {},
      h('td', {}, h('input', { type: 'checkbox', 'data-task': TK[i].key, checked: P.selected.has(i), onchange: e => { if (e.target.checked) P.selected.add(i); else P.selected.delete(i); render(); } })),
      h('td', {}, taskLink(i)), h('td', {}, D.indicators[TK[i].indicator]), h('td', { class: 'text' }, taskText(TK[i]).slice(0, 60))))));
    const number = (id, key, label) => [h('label', {}, label), h('input', { id, type: 'number', min: 1, value: P[key] || '', placeholder: t('planAuto'),
      onchange: e => { const x = Math.floor(Number(e.target.value)); P[key] = x >= 1 ? x : null; render(); } })];
    view.append(h('h2', {}, t('plan')), filterBar(f, render), h('div', { class: 'filters' },
      h('button', { id: 'plan-select-all', onclick: () => { for (const i of candidates) P.selected.add(i); render(); } }, t('selectAll')),
      h('button', { id: 'plan-clear', onclick: () => { P.selected.clear(); P.meetings = null; render(); } }, t('clear')),
      ...number('plan-meetings', 'meetings', t('meetings')), ...number('plan-max-tasks', 'maxTasks', t('maxTasks')),
      ...number('plan-max-agencies', 'maxAgencies', t('maxAgencies')),
      h('span', {}, `${t('selected')} `, h('b', { id: 'plan-selected' }, selected.length))));
    const result = h('div', { id: 'plan-result' });
    if (selected.length) {
      const plan = capPlan(selected, { meetings: P.meetings, maxTasks: P.maxTasks, maxAgencies: P.maxAgencies });
      if (plan.error) result.append(h('p', { id: 'plan-error', class: 'warning' }, plan.error));
      else {
        const lead = new Map(), support = new Map();
        for (const i of selected) { for (const a of TK[i].leads) lead.set(a, (lead.get(a) || 0) + 1); for (const a of TK[i].supporters) support.set(a, (support.get(a) || 0) + 1); }
        const convened = [...agenciesOf(selected)].sort((x, y) => (lead.get(y) || 0) - (lead.get(x) || 0) || (support.get(y) || 0) - (support.get(x) || 0) || (A[x].name < A[y].name ? -1 : 1));
        result.append(h('div', { class: 'facts' },
          h('div', {}, `${t('attendance')}：`, h('b', { id: 'plan-attendance' }, plan.attendance), ` (${plan.meetings.length} ${t('meetingsUnit')}, ≤ ${plan.caps.maxTasks} ${t('tasksCount')}`
            + (plan.caps.maxAgencies ? `, ≤ ${plan.caps.maxAgencies} ${t('agenciesCount')}` : '') + ')'),
          h('div', {}, `${t('lowerBound')}：`, h('b', { id: 'plan-lower-bound' }, plan.lowerBound), plan.optimal ? ` · ${t('provenOptimal')}` : '')),
          h('p', { class: 'muted' }, t('planNote')),
          h('div', { id: 'plan-meetings-list' }, plan.meetings.map((m, k) => h('div', { class: 'meeting' }, h('b', {}, `${t('meeting')} ${k + 1}`), ` · ${m.tasks.length} ${t('tasksCount')} · ${m.agencies.length} ${t('agenciesCount')}`,
            h('div', {}, m.tasks.map(i => [taskLink(i), ' '])), h('div', { class: 'muted' }, names(m.agencies)),
            m.collectives.length ? h('div', { class: 'muted' }, `${t('collectivesListed')}：`, names(m.collectives)) : ''))),
          h('h3', {}, `${t('convene')}（`, h('span', { id: 'plan-convened' }, convened.length), '）'),
          table('plan-agencies', [t('agency'), t('kind'), t('lead'), t('support')], convened.map(a => [agencyLink(a), kindLabel(a), lead.get(a) || 0, support.get(a) || 0]), [2, 3]));
      }
    }
    view.append(result, h('h3', {}, t('selectTasks')), list);
  }

  // ---- Compare two documents, agencies matched through the registry's lineage. ----
  function compareView(view) {
    if (!D.compare.length) { view.append(h('p', {}, t('noCompare'))); return; }
    const pick = h('select', { id: 'compare-pair', onchange: e => { state.compare = Number(e.target.value); render(); } },
      D.compare.map((c, k) => h('option', { value: k }, `${DOCS[c.before].id} → ${DOCS[c.after].id}`)));
    pick.value = String(state.compare);
    const C = D.compare[state.compare], x = DOCS[C.before].id, y = DOCS[C.after].id;
    const change = r => (r[3] + r[5]) - (r[2] + r[4]);
    const present = C.rows.filter(r => r[2] + r[4] > 0 && r[3] + r[5] > 0);
    const nameOf = r => r[1].length ? `${r[0]}（原${r[1].join('、')}）` : r[0];
    const rows = list => list.map(r => [nameOf(r), r[2], r[3], r[4], r[5], (change(r) > 0 ? '+' : '') + change(r)]);
    const head = [t('agency'), `${t('lead')} ${x}`, `${t('lead')} ${y}`, `${t('support')} ${x}`, `${t('support')} ${y}`, t('change')];
    view.append(h('h2', {}, t('compare')), h('div', { class: 'filters' }, h('label', {}, t('pickPair')), pick),
      h('p', {}, `${t('indicatorsAdded')}：${C.indicators_added.join('、') || t('none')}`), h('p', {}, `${t('indicatorsRemoved')}：${C.indicators_removed.join('、') || t('none')}`),
      h('p', { id: 'indicators-renamed' }, `${t('indicatorsRenamed')}：${C.indicators_renamed.join('、') || t('none')}`),
      h('h3', {}, t('roseMost')), table('rose', head, rows(present.filter(r => change(r) > 0).sort((p, q) => change(q) - change(p) || (p[0] < q[0] ? -1 : 1)).slice(0, 15)), [1, 2, 3, 4, 5]),
      h('h3', {}, t('fellMost')), table('fell', head, rows(present.filter(r => change(r) < 0).sort((p, q) => change(p) - change(q) || (p[0] < q[0] ? -1 : 1)).slice(0, 15)), [1, 2, 3, 4, 5]),
      h('h3', {}, t('appeared')), table('appeared', [t('agency'), t('lead'), t('support')], C.rows.filter(r => r[2] + r[4] === 0).map(r => [r[0], r[3], r[5]]), [1, 2]),
      h('h3', {}, t('disappeared')), table('disappeared', [t('agency'), t('lead'), t('support')], C.rows.filter(r => r[3] + r[5] === 0).map(r => [r[0], r[2], r[4]]), [1, 2]));
  }

  render();
  document.body.setAttribute('data-ready', String(Math.round(performance.now())));
})();
