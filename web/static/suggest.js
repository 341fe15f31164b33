// Suggestions as you type for the search box (GET /api/v1/suggest), as an ARIA 1.2 combobox:
// arrow keys move through the list, Enter picks, Escape closes. Without JavaScript the box is a
// plain search field; this file only adds to it (loaded with defer; no inline script anywhere).
(function () {
  'use strict';
  var input = document.getElementById('q');
  if (!input || !window.fetch) return;
  var form = input.form;
  var DELAY_MS = 150;  // debounce: one request per pause in typing
  var list = document.createElement('ul');
  list.id = 'q-suggestions';
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.getAttribute('data-suggestions-label') || '');
  list.hidden = true;
  input.insertAdjacentElement('afterend', list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');

  var timer = 0;
  var active = -1;
  var latest = 0;  // number of the newest request: older answers are dropped

  function options() { return list.querySelectorAll('[role=option]'); }

  function close() {
    list.hidden = true;
    list.textContent = '';
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    var all = options();
    if (!all.length) return;
    active = (index + all.length) % all.length;
    for (var i = 0; i < all.length; i++) {
      all[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
    }
    input.setAttribute('aria-activedescendant', all[active].id);
    all[active].scrollIntoView({block: 'nearest'});
  }

  function pick(option) {
    if (option.getAttribute('data-url')) {
      window.location.assign(option.getAttribute('data-url'));
      return;
    }
    input.value = option.getAttribute('data-completion');
    close();
    form.submit();
  }

  function add(text, lang, attribute, value) {
    var option = document.createElement('li');
    option.id = 'q-option-' + list.children.length;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.setAttribute(attribute, value);
    if (lang) option.lang = lang;
    option.textContent = text;
    option.addEventListener('mousedown', function (event) {
      event.preventDefault();  // keep the focus in the box
      pick(option);
    });
    list.appendChild(option);
  }

  function unhighlight() {
    var all = options();
    for (var i = 0; i < all.length; i++) all[i].setAttribute('aria-selected', 'false');
    active = -1;
    input.removeAttribute('aria-activedescendant');
  }

  // `text` is what the answer was asked for; data-query says so, so that a reader (or a test)
  // can tell the list of an earlier prefix from the list of the text in the box.
  function show(answer, text) {
    list.textContent = '';
    active = -1;
    list.setAttribute('data-query', text);
    answer.terms.forEach(function (term) { add(term.completion, '', 'data-completion', term.completion); });
    answer.titles.forEach(function (title) { add(title.title, title.language, 'data-url', title.url); });
    var any = list.children.length > 0;
    list.hidden = !any;
    input.setAttribute('aria-expanded', any ? 'true' : 'false');
  }

  function ask() {
    var text = input.value;
    if (!text.trim()) { close(); return; }
    var number = ++latest;
    var url = '/api/v1/suggest?q=' + encodeURIComponent(text);
    var languages = form.querySelectorAll('input[type=hidden][name=lang]');
    if (languages.length === 1) url += '&lang=' + encodeURIComponent(languages[0].value);
    // The interface language's words first (the page's lang is the interface language).
    var reader = document.documentElement.lang;
    if (reader) url += '&hl=' + encodeURIComponent(reader);
    fetch(url, {headers: {Accept: 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer && number === latest) show(answer, text); })
      .catch(function () { close(); });
  }

  input.addEventListener('input', function () {
    unhighlight();  // Enter must not pick an option chosen for an earlier text
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY_MS);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) return;
      event.preventDefault();
      var step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(active < 0 ? (step > 0 ? 0 : options().length - 1) : active + step);
    } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
      event.preventDefault();
      pick(options()[active]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
})();
