// The student page's answers. (1) Beside the text field of an answer of rank 1 or 2, a grid of
// cells sized to the expected shape (data-shape); grid and field fill the same answer: typing in
// the grid writes the field, and a field holding plain numbers of that shape fills the grid.
// (2) A submission still being graded is polled at its status URL until its grade arrives.
// Without JavaScript the text field and a reload work as before.
document.addEventListener('DOMContentLoaded', () => {
  const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

  // The field's text as rows of cell texts when it holds plain numbers in the expected shape, else null.
  function cellsOf(text, rows, cols, rank) {
    const t = text.trim();
    if (t === '') return Array.from({ length: rows }, () => Array(cols).fill(''));
    // A row with commas keeps its blank cells ("1, , 3"); a row without is split at spaces, as NumPy prints it.
    const split = inner => inner.includes(',') ? inner.split(',').map(x => x.trim()) : inner.split(/\s+/).filter(x => x !== '');
    let lines;
    if (rank === 1) {
      const m = /^\[([^\[\]]*)\]$/.exec(t);
      lines = m ? [split(m[1])] : null;
    } else {
      const m = /^\[\s*((?:\[[^\[\]]*\][\s,]*)*)\]$/.exec(t);
      lines = m ? [...m[1].matchAll(/\[([^\[\]]*)\]/g)].map(r => split(r[1])) : null;
    }
    if (!lines || lines.length !== rows || lines.some(l => l.length !== cols || l.some(x => x !== '' && !number.test(x)))) return null;
    return lines;
  }

  function textOf(cells, rank) {
    if (cells.every(r => r.every(c => c.trim() === ''))) return '';
    const row = r => '[' + r.map(c => c.trim()).join(', ') + ']';
    return rank === 1 ? row(cells[0]) : '[' + cells.map(row).join(', ') + ']';
  }

  document.querySelectorAll('input[data-shape]').forEach(field => {
    const shape = field.dataset.shape.split(',').map(Number);
    const rank = shape.length;
    const rows = rank === 1 ? 1 : shape[0];
    const cols = rank === 1 ? shape[0] : shape[1];
    const grid = document.createElement('table');
    grid.className = 'answer-grid';
    grid.dataset.grid = field.name.slice(2);
    const inputs = [];
    for (let r = 0; r < rows; r++) {
      const tr = grid.insertRow();
      inputs.push([]);
      for (let c = 0; c < cols; c++) {
        const cell = document.createElement('input');
        cell.type = 'text';
        cell.size = 7;
        cell.autocomplete = 'off';
        cell.spellcheck = false;
        cell.setAttribute('aria-label', `${grid.dataset.grid} row ${r + 1}, column ${c + 1}`);
        cell.dataset.cell = rank === 1 ? `${c}` : `${r},${c}`;
        cell.addEventListener('input', () => {
          field.value = textOf(inputs.map(row => row.map(i => i.value)), rank);
        });
        tr.insertCell().appendChild(cell);
        inputs[r].push(cell);
      }
    }
    const fill = () => {
      const cells = cellsOf(field.value, rows, cols, rank);
      grid.classList.toggle('stale', cells === null);
      if (cells) cells.forEach((row, r) => row.forEach((v, c) => { inputs[r][c].value = v; }));
    };
    field.addEventListener('input', fill);
    field.insertAdjacentElement('afterend', grid);
    fill();
  });

  const format = x => x === null || x === undefined ? '—' : String(Number(Number(x).toFixed(4)));
  document.querySelectorAll('tr[data-status-url]').forEach(row => {
    let tries = 0;
    const poll = async () => {
      try {
        const response = await fetch(row.dataset.statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (response.ok) {
          const s = await response.json();
          if (s.status !== 'accepted') {
            const status = row.querySelector('td[class^="status-"]');
            status.className = 'status-' + s.status;
            status.textContent = s.status + (s.reason ? ' — ' + s.reason : '');
            row.querySelector('td.score').textContent = s.score === null || s.score === undefined ? '—' : `${format(s.score)} / ${format(s.maxScore)}`;
            row.dataset.polled = s.status;
            const notice = document.getElementById('notice');
            if (notice && s.status === 'graded') notice.textContent = `Submission #${s.id} is graded: ${format(s.score)} / ${format(s.maxScore)}. Its report is linked below.`;
            return;
          }
        }
      } catch (e) { /* try again */ }
      if (++tries < 150) setTimeout(poll, tries < 10 ? 500 : 2000);
    };
    setTimeout(poll, 300);
  });
});
