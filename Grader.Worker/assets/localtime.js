// Rewrites each <time class="local" datetime="…"> into the browser's own time zone (the page
// writes it in the course's); the zone's name is added. Without JavaScript the course's time stays.
document.addEventListener('DOMContentLoaded', () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll('time.local[datetime]').forEach(el => {
    const at = new Date(el.getAttribute('datetime'));
    if (isNaN(at)) return;
    el.title = el.textContent;
    el.textContent = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) + ' (' + zone + ')';
    el.dataset.zone = zone;
  });
});
