/**
 * The search page's as-you-type suggestions, as the exact bytes served at
 * `/assets/search.HASH.js`. Plain ES2017 for every current browser; no inline script is needed
 * (the page loads it with `defer`), so a strict Content-Security-Policy can allow only 'self'.
 *
 * The form works without it. With it, the search box becomes an ARIA combobox: typing fetches
 * `/search/suggest?q=` (debounced, stale answers dropped), ArrowDown/ArrowUp move through the
 * suggestions, Enter opens the chosen one, Escape closes the list. Text from the server is only
 * ever set as textContent.
 */
export const searchScript = `(function () {
  'use strict';
  var form = document.querySelector('form[data-suggest]');
  var input = form && form.querySelector('input[name="q"]');
  if (!input || !window.fetch || !window.AbortController) return;
  var endpoint = form.getAttribute('data-suggest');
  var list = document.createElement('ul');
  list.id = input.id + '-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  input.parentNode.appendChild(list);
  input.parentNode.appendChild(status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');

  var items = [];
  var active = -1;
  var timer = 0;
  var pending = null;
  var shownFor = '';

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) select(-1);
  }
  function select(index) {
    active = index;
    var options = list.children;
    for (var i = 0; i < options.length; i++) options[i].setAttribute('aria-selected', String(i === index));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function render(results, query) {
    items = results;
    shownFor = query;
    list.textContent = '';
    results.forEach(function (result, i) {
      var option = document.createElement('li');
      option.id = list.id + '-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      var link = document.createElement('a');
      link.href = result.url;
      link.tabIndex = -1;
      var headline = document.createElement('span');
      headline.className = 'suggestion-headline';
      headline.textContent = result.headline;
      var snippet = document.createElement('span');
      snippet.className = 'suggestion-snippet';
      (result.snippetParts || []).forEach(function (part) {
        var node = part.mark ? document.createElement('mark') : document.createTextNode(part.text);
        if (part.mark) node.textContent = part.text;
        snippet.appendChild(node);
      });
      link.appendChild(headline);
      link.appendChild(snippet);
      option.appendChild(link);
      list.appendChild(option);
    });
    status.textContent = results.length === 0 ? 'No suggestions' : results.length + (results.length === 1 ? ' suggestion' : ' suggestions');
    open(results.length > 0);
  }
  function suggest() {
    var query = input.value.trim();
    if (pending) pending.abort();
    if (query.length < 2) { render([], ''); status.textContent = ''; return; }
    if (query === shownFor) { open(items.length > 0); return; }
    var controller = new AbortController();
    pending = controller;
    fetch(endpoint + '?q=' + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (body) { if (pending === controller) render(body.results || [], query); })
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener('keydown', function (event) {
    var count = list.children.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (list.hidden) { open(true); select(event.key === 'ArrowDown' ? 0 : count - 1); return; }
      var step = event.key === 'ArrowDown' ? 1 : -1;
      select(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
    } else if (event.key === 'Escape') {
      if (!list.hidden) { event.preventDefault(); open(false); }
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].url);
    }
  });
  // Keep focus in the box while a suggestion is clicked; the link itself navigates.
  list.addEventListener('mousedown', function (event) { event.preventDefault(); });
  input.addEventListener('blur', function () { open(false); });
  input.addEventListener('focus', function () { if (input.value.trim() === shownFor && items.length) open(true); });
})();
`
