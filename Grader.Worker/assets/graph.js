// The student page's graph answers: redraws a graph's figure after typing pauses (debounced, so
// within the per-client rate limit) and shows what Check would say of it. Stores nothing; without
// JavaScript, Check draws the graph instead.
(function () {
  'use strict';
  var form = document.getElementById('answers');
  if (!form) { return; }
  var token = form.querySelector('input[name="__RequestVerificationToken"]');
  var areas = form.querySelectorAll('textarea[data-graph]');
  Array.prototype.forEach.call(areas, function (area) {
    var timer = null;
    var sent = 0;
    var box = area.closest('.question');
    var figure = box.querySelector('.graph-figure');
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++sent;
        var body = new FormData();
        body.append('question', area.dataset.graph);
        body.append('text', area.value);
        if (token) { body.append(token.name, token.value); }
        fetch(form.getAttribute('action') + '/graph', { method: 'POST', body: body, credentials: 'same-origin' })
          .then(function (r) {
            if (r.ok) { return r.json(); }
            // Refused (the page's form token went stale: signed in or out in another tab; too many
            // requests): say so instead of leaving the last drawing as if it were current.
            return { status: 'refused', svg: null, message: r.status === 429
              ? 'The drawing pauses: too many requests; it resumes as you type.'
              : 'The drawing has stopped: reload the page (your sign-in changed, or the page is old). Check still works after a reload.' };
          })
          .then(function (result) {
            if (!result || mine !== sent) { return; }
            if (result.svg !== null) { figure.innerHTML = result.svg || ''; }
            var check = box.querySelector('.check');
            if (!check) {
              check = document.createElement('div');
              box.appendChild(check);
            }
            check.className = 'check ' + (result.status === 'ok' ? 'shape-ok' : result.status === 'empty' ? 'muted' : 'shape-wrong');
            check.setAttribute('data-status', result.status);
            check.textContent = result.message;
          })
          .catch(function () { /* the drawing waits for the next pause or Check */ });
      }, 400);
    });
  });
})();
