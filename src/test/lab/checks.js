// What both JupyterLab front ends of the test look for in the rendered page (bundled into each).

const RAW_MATH = /\$\$[\s\S]+?\$\$|\\\[[\s\S]+?\\\]|\$[^$\s][^$\n]*?\$/;

// TeX left untypeset in NODE: text that still reads $…$, $$…$$ or \[…\], outside code and editors.
export function rawMathIn(node) {
  const found = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
    acceptNode: (t) => (t.parentElement.closest('code, pre, mjx-container, .kit-input, .cm-editor')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  while (walker.nextNode()) {
    const m = walker.currentNode.textContent.match(RAW_MATH);
    if (m) found.push(m[0].slice(0, 80));
  }
  return found;
}

// Tables and their cells in an HTML string, before any sanitizer has seen it.
export function tablesIn(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { tables: doc.querySelectorAll('table').length, cells: doc.querySelectorAll('td, th').length };
}

// Images in NODE, and how many of them the browser could draw.
export function imagesIn(node) {
  return [...node.querySelectorAll('img')].map((img) => ({ drawn: img.complete && img.naturalWidth > 0, src: img.src.slice(0, 22) }));
}
