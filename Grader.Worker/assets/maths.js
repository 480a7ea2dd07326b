// Renders TeX between $...$ in question texts with KaTeX (served from /katex, installed by the build).
// Without JavaScript the TeX is shown as written.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof renderMathInElement !== 'function') return;
  document.querySelectorAll('.tex').forEach(el => renderMathInElement(el, {
    delimiters: [{ left: '$$', right: '$$', display: true }, { left: '$', right: '$', display: false }],
    throwOnError: false,
  }));
});
