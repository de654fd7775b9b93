// OpenCAC review page: plain JS, no build step, nothing loaded from the network.
// Note text is only ever inserted as text nodes (never as HTML), so a note cannot inject markup.
'use strict';

const state = { auth: sessionStorage.getItem('cacAuth'), user: null, page: 1, size: 20,
  note: null, selected: 0, pendingAction: null };

const $ = (id) => document.getElementById(id);

function show(view) {
  for (const v of ['login-view', 'worklist-view', 'note-view']) {
    $(v).hidden = v !== view;
  }
  $('logout').hidden = view === 'login-view';
}

function say(text, isError) {
  $('message').textContent = text || '';
  $('message').className = isError ? 'error' : '';
}

async function api(method, path, body) {
  const headers = { 'Authorization': state.auth, 'Accept': 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    logout();
    throw new Error('Please log in again');
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((data && data.message) || ('HTTP ' + response.status));
  }
  return data;
}

// ---- login ----

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  state.auth = 'Basic ' + btoa(unescape(encodeURIComponent($('username').value + ':' + $('password').value)));
  try {
    const response = await fetch('/api/v1/me', { headers: { 'Authorization': state.auth } });
    if (!response.ok) {
      throw new Error('Wrong user or password');
    }
    state.user = await response.json();
    sessionStorage.setItem('cacAuth', state.auth);
    $('password').value = '';
    $('login-error').textContent = '';
    openWorklist();
  } catch (e) {
    state.auth = null;
    $('login-error').textContent = e.message;
  }
});

function logout() {
  state.auth = null;
  state.user = null;
  sessionStorage.removeItem('cacAuth');
  $('who').textContent = '';
  show('login-view');
}
$('logout').addEventListener('click', logout);

// ---- worklist ----

async function openWorklist() {
  show('worklist-view');
  $('who').textContent = state.user ? state.user.username + ' (' + state.user.roles.join(', ') + ')' : '';
  const status = $('status-filter').value;
  const query = '?page=' + state.page + '&size=' + state.size + (status ? '&status=' + status : '');
  try {
    const list = await api('GET', '/api/v1/worklist' + query);
    const body = $('worklist').querySelector('tbody');
    body.replaceChildren();
    for (const item of list.items) {
      const row = document.createElement('tr');
      row.dataset.noteId = item.id;
      for (const value of [item.externalEncounterId || item.id, item.patientRef || '', item.status,
        item.suggestions, item.pending, new Date(item.createdAt).toLocaleString()]) {
        const cell = document.createElement('td');
        cell.textContent = value;
        row.appendChild(cell);
      }
      row.addEventListener('click', () => openNote(item.id));
      body.appendChild(row);
    }
    const pages = Math.max(1, Math.ceil(list.total / state.size));
    $('page-info').textContent = 'page ' + state.page + ' of ' + pages + ' (' + list.total + ' notes)';
    $('prev-page').disabled = state.page <= 1;
    $('next-page').disabled = state.page >= pages;
  } catch (e) {
    say(e.message, true);
  }
}
$('status-filter').addEventListener('change', () => { state.page = 1; openWorklist(); });
$('prev-page').addEventListener('click', () => { state.page--; openWorklist(); });
$('next-page').addEventListener('click', () => { state.page++; openWorklist(); });
$('back').addEventListener('click', () => { state.note = null; openWorklist(); });

// ---- one note ----

async function openNote(id) {
  try {
    state.note = await api('GET', '/api/v1/notes/' + encodeURIComponent(id));
    state.selected = 0;
    show('note-view');
    renderNote();
    say('');
  } catch (e) {
    say(e.message, true);
  }
}

function renderNote() {
  const note = state.note;
  $('note-meta').textContent = (note.externalEncounterId || note.id) + ' · ' + note.encounterType + ' · '
    + (note.dateOfService || 'no date') + ' · status ' + note.status + ' · version ' + note.version
    + ' · pipeline ' + note.coderVersion;
  renderText(note);
  renderSuggestions(note);
  $('finalize').disabled = note.status === 'finalized';
}

// Splits the text at every evidence boundary and wraps covered pieces in <mark>, tagged with their suggestions.
function renderText(note) {
  const cuts = new Set([0, note.text.length]);
  for (const s of note.suggestions) {
    for (const e of s.evidence) {
      cuts.add(e.start);
      cuts.add(e.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const container = $('note-text');
  container.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const owners = note.suggestions.filter((s) => s.evidence.some((e) => e.start <= start && end <= e.end));
    const piece = document.createTextNode(note.text.slice(start, end));
    if (owners.length === 0) {
      container.appendChild(piece);
    } else {
      const mark = document.createElement('mark');
      mark.dataset.suggestions = owners.map((s) => s.id).join(' ');
      mark.title = owners.map((s) => s.system + ' ' + s.code).join(', ');
      mark.appendChild(piece);
      container.appendChild(mark);
    }
  }
  highlightSelected();
}

function renderSuggestions(note) {
  const list = $('suggestions');
  list.replaceChildren();
  note.suggestions.forEach((s, index) => {
    const item = document.createElement('li');
    item.dataset.suggestionId = s.id;
    item.className = 'suggestion';
    const status = s.decision.status;
    const line = document.createElement('div');
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = s.system + ' ' + s.code;
    const confidence = document.createElement('span');
    confidence.className = 'confidence';
    confidence.textContent = Math.round(s.confidence * 100) + '%';
    line.append(code, ' ', s.description || '', confidence);
    const rationale = document.createElement('div');
    rationale.className = 'rationale';
    rationale.textContent = (s.rationale || '') + (s.assertion ? ' · ' + s.assertion : '');
    const decision = document.createElement('div');
    decision.className = 'decision status-' + status;
    decision.textContent = status
      + (s.decision.replacement ? ' → ' + s.decision.replacement.system + ' ' + s.decision.replacement.code : '')
      + (s.decision.reason ? ' (' + s.decision.reason + ')' : '')
      + (s.decision.by ? ' by ' + s.decision.by : '');
    const buttons = document.createElement('div');
    for (const [label, action] of [['Accept', 'accept'], ['Reject', 'reject'], ['Replace', 'replace']]) {
      const button = document.createElement('button');
      button.textContent = label;
      button.className = action;
      button.disabled = note.status === 'finalized';
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        state.selected = index;
        highlightSelected();
        startAction(action);
      });
      buttons.appendChild(button);
    }
    item.append(line, rationale, decision, buttons);
    item.addEventListener('click', () => { state.selected = index; highlightSelected(); });
    list.appendChild(item);
  });
}

function highlightSelected() {
  const current = state.note && state.note.suggestions[state.selected];
  document.querySelectorAll('#suggestions li').forEach((li, index) => {
    li.classList.toggle('selected', index === state.selected);
  });
  document.querySelectorAll('#note-text mark').forEach((mark) => {
    const on = current && mark.dataset.suggestions.split(' ').includes(String(current.id));
    mark.classList.toggle('selected', Boolean(on));
  });
  const first = document.querySelector('#note-text mark.selected');
  if (first) {
    first.scrollIntoView({ block: 'nearest' });
  }
}

function selectedSuggestion() {
  return state.note && state.note.suggestions[state.selected];
}

function startAction(action) {
  const s = selectedSuggestion();
  if (!s || state.note.status === 'finalized') {
    return;
  }
  if (action === 'accept') {
    decide(s, { action: 'accept' });
    return;
  }
  state.pendingAction = action;
  $('reason-label').textContent = action === 'reject' ? 'Reason for rejecting ' + s.code : 'Reason for replacing ' + s.code;
  $('replacement-fields').hidden = action !== 'replace';
  $('replacement-system').value = s.system;
  $('reason-form').hidden = false;
  (action === 'replace' ? $('replacement-code') : $('reason')).focus();
}

$('reason-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const s = selectedSuggestion();
  const body = { action: state.pendingAction, reason: $('reason').value };
  if (state.pendingAction === 'replace') {
    body.replacement = { system: $('replacement-system').value, code: $('replacement-code').value };
  }
  decide(s, body);
});
$('reason-cancel').addEventListener('click', closeReasonForm);

function closeReasonForm() {
  $('reason-form').hidden = true;
  $('reason').value = '';
  $('replacement-code').value = '';
  state.pendingAction = null;
}

async function decide(s, body) {
  body.version = state.note.version;
  try {
    state.note = await api('POST', '/api/v1/notes/' + encodeURIComponent(state.note.id) + '/suggestions/' + s.id
      + '/decision', body);
    closeReasonForm();
    renderNote();
    say(s.code + ': ' + body.action + ' saved');
    moveSelection(1);
  } catch (e) {
    say(e.message, true);
  }
}

function moveSelection(step) {
  if (!state.note || state.note.suggestions.length === 0) {
    return;
  }
  const last = state.note.suggestions.length - 1;
  state.selected = Math.min(last, Math.max(0, state.selected + step));
  highlightSelected();
}

$('finalize').addEventListener('click', finalizeNote);

async function finalizeNote() {
  try {
    state.note = await api('POST', '/api/v1/notes/' + encodeURIComponent(state.note.id) + '/finalize',
      { version: state.note.version });
    renderNote();
    say('Note finalized');
  } catch (e) {
    say(e.message, true);
  }
}

$('add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    state.note = await api('POST', '/api/v1/notes/' + encodeURIComponent(state.note.id) + '/suggestions', {
      system: $('add-system').value, code: $('add-code').value, reason: $('add-reason').value,
      version: state.note.version });
    $('add-code').value = '';
    $('add-reason').value = '';
    renderNote();
    say('Code added');
  } catch (e) {
    say(e.message, true);
  }
});

$('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const results = $('search-results');
  results.replaceChildren();
  try {
    const codes = await api('GET', '/api/v1/vocab/' + encodeURIComponent($('search-system').value) + '/search?q='
      + encodeURIComponent($('code-search').value) + (state.note && state.note.dateOfService
      ? '&date=' + state.note.dateOfService : ''));
    for (const entry of codes) {
      const item = document.createElement('li');
      const pick = document.createElement('button');
      pick.textContent = entry.code;
      pick.title = 'Use this code as the replacement or added code';
      pick.addEventListener('click', () => {
        $('replacement-code').value = entry.code;
        $('add-code').value = entry.code;
        $('add-system').value = $('search-system').value;
      });
      item.append(pick, ' ', entry.title + (entry.billable ? '' : ' (category)'));
      results.appendChild(item);
    }
    if (codes.length === 0) {
      say('No codes found');
    }
  } catch (e) {
    say(e.message, true);
  }
});

// Keyboard shortcuts on the note view, except while typing in a field.
document.addEventListener('keydown', (event) => {
  if ($('note-view').hidden || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
  if (typing) {
    if (event.key === 'Escape') {
      closeReasonForm();
      document.activeElement.blur();
    }
    return;
  }
  const actions = {
    j: () => moveSelection(1), ArrowDown: () => moveSelection(1),
    k: () => moveSelection(-1), ArrowUp: () => moveSelection(-1),
    a: () => startAction('accept'), r: () => startAction('reject'), e: () => startAction('replace'),
    f: () => finalizeNote(), '/': () => $('code-search').focus(),
  };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

if (state.auth) {
  fetch('/api/v1/me', { headers: { 'Authorization': state.auth } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error('expired'))))
    .then((user) => { state.user = user; openWorklist(); })
    .catch(logout);
} else {
  show('login-view');
}
