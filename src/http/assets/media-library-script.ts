/**
 * The media library's uploads, as the exact bytes served at `/assets/media-library.HASH.js`
 * (plain ES2017, no inline script, so the admin's CSP can allow only 'self').
 *
 * The page's form posts one picture without it. With it: the form uploads every chosen file
 * through `data-upload-url` (XMLHttpRequest, for upload progress), pictures dropped anywhere on
 * the page or pasted anywhere (outside text fields holding text) are uploaded too, and each new
 * picture is put first in the grid. What happens is said in the `role="status"` region: a line
 * per file when it starts and when it ends (progress is a visual bar, not announced). Text
 * from the server is only ever set as textContent.
 */
export const mediaLibraryScript = `(function () {
  'use strict';
  var form = document.querySelector('form[data-media-upload]');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var endpoint = form.getAttribute('data-upload-url');
  var token = form.querySelector('input[name="_csrf"]').value;
  var fileInput = form.querySelector('input[type="file"]');
  var altInput = form.querySelector('input[name="alt"]');
  var zone = form.querySelector('[data-drop-zone]');
  var status = document.querySelector('[data-upload-status]');
  var grid = document.querySelector('[data-media-grid]');
  var count = document.querySelector('[data-media-count]');
  var hidden = document.querySelectorAll('[data-needs-script]');
  for (var i = 0; i < hidden.length; i++) hidden[i].hidden = false;
  fileInput.multiple = true;

  function line(text, kind) {
    var p = document.createElement('p');
    p.className = 'upload-line ' + kind;
    var words = document.createElement('span');
    words.textContent = text;
    p.appendChild(words);
    status.insertBefore(p, status.firstChild);
    return p;
  }
  function settle(p, text, kind) {
    p.className = 'upload-line ' + kind;
    var bar = p.querySelector('progress');
    if (bar) p.removeChild(bar);
    p.firstChild.textContent = text;
  }
  function nameOf(file) {
    return file.name && file.name !== 'image.png' ? '\\u201c' + file.name + '\\u201d' : 'The pasted picture';
  }
  function addCard(picture, name) {
    var li = document.createElement('li');
    li.className = 'media-card';
    li.setAttribute('data-picture-id', picture.id);
    var link = document.createElement('a');
    link.className = 'media-thumb';
    link.href = '/admin/media/' + encodeURIComponent(picture.id) + '/';
    link.setAttribute('aria-label', 'Picture ' + (name || picture.id) + ': details');
    var img = document.createElement('img');
    img.src = picture.thumbUrl;
    img.alt = '';
    img.width = picture.width;
    img.height = picture.height;
    link.appendChild(img);
    var alt = document.createElement('p');
    alt.className = 'media-alt';
    if (picture.alt) alt.textContent = picture.alt;
    else {
      var none = document.createElement('span');
      none.className = 'muted';
      none.textContent = 'No alt text';
      alt.appendChild(none);
    }
    var facts = document.createElement('p');
    facts.className = 'media-facts';
    var id = document.createElement('span');
    id.appendChild(document.createTextNode('Id '));
    var code = document.createElement('code');
    code.textContent = picture.id;
    id.appendChild(code);
    facts.appendChild(id);
    li.appendChild(link);
    li.appendChild(alt);
    li.appendChild(facts);
    grid.insertBefore(li, grid.firstChild);
    if (count) {
      var total = Number(count.getAttribute('data-total') || 0) + 1;
      count.setAttribute('data-total', String(total));
      count.textContent = total + (total === 1 ? ' picture.' : ' pictures.');
    }
  }
  function answerOf(xhr) {
    try { return JSON.parse(xhr.responseText); } catch (e) { return null; }
  }
  function upload(file, alt) {
    var name = nameOf(file);
    var p = line(name + ': uploading\\u2026', 'busy');
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.setAttribute('aria-hidden', 'true');
    p.appendChild(bar);
    var data = new FormData();
    data.append('file', file, file.name || 'pasted-picture');
    if (alt) data.append('alt', alt);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', endpoint);
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    };
    xhr.onload = function () {
      var answer = answerOf(xhr);
      if (xhr.status === 201 && answer && answer.id) {
        settle(p, name + ' was added.', 'done');
        addCard(answer, file.name);
      } else {
        var why = answer && typeof answer.error === 'string' ? answer.error : 'the server answered ' + xhr.status + '.';
        settle(p, name + ' was not added: ' + why, 'failed');
      }
    };
    xhr.onerror = function () {
      settle(p, name + ' was not added: the server could not be reached. Check the connection and try again.', 'failed');
    };
    xhr.send(data);
  }
  function uploadAll(list, alt) {
    var files = [];
    for (var i = 0; i < list.length; i++) files.push(list[i]);
    files.forEach(function (file) { upload(file, files.length === 1 ? alt : ''); });
  }

  form.addEventListener('submit', function (event) {
    if (!fileInput.files || fileInput.files.length === 0) return;
    event.preventDefault();
    uploadAll(fileInput.files, altInput ? altInput.value.trim() : '');
    form.reset();
  });

  // Dropping a file anywhere would otherwise open it in place of the page.
  var depth = 0;
  function carriesFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') !== -1;
  }
  document.addEventListener('dragenter', function (event) {
    if (!carriesFiles(event)) return;
    depth++;
    zone.classList.add('dragging');
  });
  document.addEventListener('dragleave', function () {
    if (depth > 0 && --depth === 0) zone.classList.remove('dragging');
  });
  document.addEventListener('dragover', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    zone.classList.remove('dragging');
    uploadAll(event.dataTransfer.files, '');
  });

  document.addEventListener('paste', function (event) {
    var data = event.clipboardData;
    if (!data) return;
    var files = [];
    for (var i = 0; i < data.files.length; i++) if (/^image\\//.test(data.files[i].type)) files.push(data.files[i]);
    if (files.length === 0) return;
    // Text pasted into a field is the field's business; a picture is always an upload.
    event.preventDefault();
    uploadAll(files, '');
  });
})();
`
