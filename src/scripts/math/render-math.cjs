// Typesets the TeX of nbconvert HTML pages to SVG at build time, in place, so that the pages show their
// math in any browser, offline, with no MathJax on the machine and no JavaScript needed:
//
//   node src/scripts/math/render-math.cjs PAGE.html ...
//
// MathJax 3 (mathjax-full, pinned in package-lock.json) reads each page with its own small DOM, finds the
// math as the notebook front ends do ($…$ and \(…\) inline, $$…$$ and \[…\] displayed, \begin{…}
// environments; never inside <pre>, <code>, <script>, <style>, <textarea>), replaces each formula with an
// SVG plus hidden MathML for screen readers, and then removes the page's MathJax <script> tags and any script
// loaded from a file:// path (Debian's nbconvert points them at file:///usr/share/javascript/, which other
// machines do not have; the lessons' pages need no script).
// Glyphs are shared through one cache per page (fontCache "global"), which keeps pages small.
//
// Prints one line per page: how many formulas it typeset. Exits with 1 if a formula has a TeX error (the
// lines say which page and which formula) or a page cannot be read; the pages with errors are still written.
'use strict';
const fs = require('fs');
const { mathjax } = require('mathjax-full/js/mathjax.js');
const { TeX } = require('mathjax-full/js/input/tex.js');
const { SVG } = require('mathjax-full/js/output/svg.js');
const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
const { AssistiveMmlHandler } = require('mathjax-full/js/a11y/assistive-mml.js');
const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');
require('mathjax-full/js/util/entities/all.js');

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));

/** The page with its math typeset and its MathJax scripts gone, the number of formulas, and the TeX errors. */
function render(page) {
  const tex = new TeX({
    // bussproofs needs a browser to lay out; without noundefined an unknown macro is an error, not red text
    packages: AllPackages.filter((name) => name !== 'bussproofs' && name !== 'noundefined'),
    inlineMath: [['$', '$'], ['\\(', '\\)']],
    displayMath: [['$$', '$$'], ['\\[', '\\]']],
    processEscapes: true,
    processEnvironments: true,
    formatError: (jax, error) => jax.formatError(error),
  });
  const svg = new SVG({ fontCache: 'global' });
  const html = mathjax.document(page, { InputJax: tex, OutputJax: svg });
  html.render();
  const math = Array.from(html.math);
  const errors = math.filter((m) => {
    let error = false;
    m.root.walkTree((node) => { error = error || node.isKind('merror'); });
    return error;
  }).map((m) => m.math);
  if (math.length === 0) adaptor.remove(html.outputJax.svgStyles);
  for (const script of adaptor.tags(adaptor.root(html.document), 'script')) {
    const src = adaptor.getAttribute(script, 'src') || '';
    const type = adaptor.getAttribute(script, 'type') || '';
    if (/mathjax/i.test(src) || src.startsWith('file:') || type === 'text/x-mathjax-config') adaptor.remove(script);
  }
  const out = adaptor.doctype(html.document) + '\n' + adaptor.outerHTML(adaptor.root(html.document)) + '\n';
  return { out, count: math.length, errors };
}

let status = 0;
for (const file of process.argv.slice(2)) {
  try {
    const { out, count, errors } = render(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, out);
    console.log(`${file}: ${count} formulas typeset to SVG`);
    for (const tex of errors) {
      console.log(`${file}: TeX error in ${JSON.stringify(tex)}`);
      status = 1;
    }
  } catch (e) {
    console.log(`${file}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
