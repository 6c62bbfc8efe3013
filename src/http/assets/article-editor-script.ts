/**
 * The article editor's script, as the exact bytes served at `/assets/article-editor.HASH.js`.
 * Plain ES2017; the form works without it. With it:
 *
 * - Autosave. Two seconds after the last `input` or `change` in the form (the body editor fires
 *   `input` from its hidden textarea), a draft (`data-autosave="server"`) is posted as JSON to
 *   `data-autosave-url` with the X-CSRF-Token header; the answer's version becomes the form's
 *   `baseVersion`. A new article (`"create"`) is created by its first autosave once it has a
 *   headline, and the form becomes that article's. A published or scheduled article
 *   (`"local"`) is never saved by itself, since that would change the public page: its unsaved
 *   changes are kept in this browser's localStorage until the form is submitted, and offered
 *   back when the editor is opened again. A 409 (someone else saved) stops autosaving and says
 *   so; the text stays on the screen.
 * - The status of all this in an aria-live region: "Saved at 10:42", "Not saved: …".
 * - Publishing or scheduling a hero picture without alt text asks for confirmation first
 *   (the server asks again if this script is not running).
 */
export const articleEditorScript = `(function () {
  'use strict';
  var form = document.getElementById('article-form');
  if (!form || !window.fetch || !window.JSON) return;
  var status = form.querySelector('[data-autosave-status]');
  var mode = form.getAttribute('data-autosave') || '';
  var url = form.getAttribute('data-autosave-url') || '';
  var articleId = form.getAttribute('data-article-id') || '';
  var WORKFLOW_FIELDS = { _csrf: 1, note: 1, publishAt: 1, confirmNoAlt: 1 };
  var DELAY = 2000;
  var timer = 0, saving = false, again = false, dirty = false, submitting = false, submitAfterCreate = null;

  function say(text, kind) {
    if (!status) return;
    status.textContent = text;
    status.setAttribute('data-kind', kind || 'info');
  }
  function token() {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }
  function clock(date) {
    return ('0' + date.getHours()).slice(-2) + ':' + ('0' + date.getMinutes()).slice(-2);
  }
  function fields() {
    var out = {};
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (WORKFLOW_FIELDS[name] || typeof value !== 'string') return;
      if (name === 'authorIds') (out[name] = out[name] || []).push(value);
      else out[name] = value;
    });
    if (!out.authorIds && form.querySelector('[name="authorIds"]')) out.authorIds = [];
    return out;
  }
  function storageKey() { return 'masthead:unsaved:' + articleId; }
  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function keepLocally() {
    var storage = store();
    if (!storage) return say('Unsaved changes: press Update to publish them.', 'warning');
    var now = new Date();
    storage.setItem(storageKey(), JSON.stringify({ savedAt: now.toISOString(), fields: fields() }));
    dirty = false;
    say('Unsaved changes kept in this browser at ' + clock(now) + '. Press Update to publish them.', 'warning');
  }

  function becomeArticle(answer) {
    articleId = answer.id;
    url = answer.autosaveUrl;
    mode = 'server';
    form.setAttribute('action', answer.editUrl);
    form.setAttribute('data-article-id', answer.id);
    form.setAttribute('data-autosave', 'server');
    var kind = form.querySelector('input[name="kind"]');
    if (kind) kind.parentNode.removeChild(kind);
    if (window.history && history.replaceState) history.replaceState(null, '', answer.editUrl);
  }

  function saveToServer() {
    if (saving) { again = true; return; }
    var body = fields();
    if (mode === 'create' && !String(body.headline || '').trim()) return say('Not saved yet: give it a headline first.', 'info');
    saving = true;
    dirty = false;
    say('Saving…', 'info');
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': token() },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) { return { status: response.status, answer: answer }; });
    }).then(function (result) {
      var answer = result.answer || {};
      if (result.status === 200 || result.status === 201) {
        if (mode === 'create' && answer.id) becomeArticle(answer);
        var version = form.querySelector('input[name="baseVersion"]');
        if (!version && answer.version) {
          version = document.createElement('input');
          version.type = 'hidden';
          version.name = 'baseVersion';
          form.appendChild(version);
        }
        if (version && answer.version) version.value = String(answer.version);
        say(answer.message || ('Saved at ' + clock(new Date())), 'ok');
      } else {
        if (result.status === 409 || result.status === 403 || result.status === 401) mode = 'off';
        dirty = true;
        say('Not saved: ' + (answer.error || 'the server answered ' + result.status) + (mode === 'off' ? '' : ' It will be tried again.'), 'error');
      }
    }, function () {
      dirty = true;
      say('Not saved: the server cannot be reached. It will be tried again when you type.', 'error');
    }).then(function () {
      saving = false;
      if (submitAfterCreate) {
        // The button was pressed while the first autosave was creating the article: press it again, now for that article.
        var button = submitAfterCreate;
        submitAfterCreate = null;
        if (form.requestSubmit) form.requestSubmit(button); else form.submit();
        return;
      }
      if (again) { again = false; schedule(); }
    });
  }

  function schedule() {
    clearTimeout(timer);
    if (mode === 'server' || mode === 'create') timer = setTimeout(saveToServer, DELAY);
    else if (mode === 'local') timer = setTimeout(keepLocally, DELAY);
  }

  function changed(event) {
    var target = event.target;
    if (!target || !target.name || WORKFLOW_FIELDS[target.name]) return;
    dirty = true;
    schedule();
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  function offerLocalCopy() {
    var storage = store();
    var kept = storage && storage.getItem(storageKey());
    if (!kept) return;
    var copy;
    try { copy = JSON.parse(kept); } catch (e) { storage.removeItem(storageKey()); return; }
    if (storage.getItem(storageKey() + ':restore')) {
      storage.removeItem(storageKey() + ':restore');
      return restore(copy.fields || {});
    }
    var box = document.createElement('div');
    box.className = 'notice warning';
    box.setAttribute('role', 'status');
    var text = document.createElement('p');
    text.textContent = 'This browser has changes to this article that were never saved (from ' + new Date(copy.savedAt).toLocaleString() + ').';
    var use = document.createElement('button');
    use.type = 'button';
    use.textContent = 'Bring them back';
    use.addEventListener('click', function () {
      // The body editor reads its field once, when the page opens: restore, then open it again.
      storage.setItem(storageKey() + ':restore', '1');
      location.reload();
    });
    var drop = document.createElement('button');
    drop.type = 'button';
    drop.textContent = 'Discard them';
    drop.addEventListener('click', function () { storage.removeItem(storageKey()); box.parentNode.removeChild(box); });
    var actions = document.createElement('div');
    actions.className = 'actions';
    actions.appendChild(use);
    actions.appendChild(drop);
    box.appendChild(text);
    box.appendChild(actions);
    form.parentNode.insertBefore(box, form);
  }

  function restore(values) {
    Object.keys(values).forEach(function (name) {
      var value = values[name];
      var field = form.elements.namedItem(name);
      if (!field || name === 'baseVersion' || name === '_csrf') return;
      if (field.tagName === 'SELECT' && field.multiple) {
        var chosen = [].concat(value);
        for (var i = 0; i < field.options.length; i++) field.options[i].selected = chosen.indexOf(field.options[i].value) !== -1;
      } else if ('value' in field) field.value = String(value);
    });
    dirty = true;
    say('Your unsaved changes are back. Press Update to publish them.', 'warning');
  }

  if (mode === 'local' && articleId) offerLocalCopy();

  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (mode === 'create' && saving) {
      // Posting now would create the article a second time.
      event.preventDefault();
      submitAfterCreate = button || null;
      return;
    }
    var action = button && button.getAttribute('data-action');
    if (action === 'publish' || action === 'schedule') {
      var picture = form.querySelector('[name="heroPictureId"]');
      var alt = form.querySelector('[name="heroAlt"]');
      var confirmed = form.querySelector('[name="confirmNoAlt"]');
      if (picture && picture.value.trim() && alt && !alt.value.trim() && !(confirmed && confirmed.checked)) {
        if (!window.confirm('The hero picture has no alt text. Publish anyway?')) { event.preventDefault(); return; }
        var yes = document.createElement('input');
        yes.type = 'hidden';
        yes.name = 'confirmNoAlt';
        yes.value = 'on';
        form.appendChild(yes);
      }
    }
    clearTimeout(timer);
    submitting = true;
    var storage = store();
    if (storage && articleId) storage.removeItem(storageKey());
  });

  window.addEventListener('beforeunload', function (event) {
    if (!dirty || submitting) return;
    if (mode === 'local') keepLocally();
    else { event.preventDefault(); event.returnValue = ''; }
  });
})();
`
