// Sorts a table.sortable by the clicked column (the pages work without it).
document.querySelectorAll('table.sortable th').forEach(th => th.addEventListener('click', () => {
  const col = th.cellIndex; // within its own row: a page may have several sortable tables
  const body = th.closest('table').tBodies[0];
  const dir = th.dataset.dir === 'asc' ? -1 : 1; th.dataset.dir = dir === 1 ? 'asc' : 'desc';
  const key = r => { const c = r.cells[col]; return c.dataset.sort ?? c.textContent.trim(); };
  [...body.rows].sort((a, b) => {
    const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
    return dir * (!isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y));
  }).forEach(r => body.appendChild(r));
}));
