// A lesson's HTML page on a machine without Debian's MathJax, offline: copy the page alone into a fresh
// temporary folder, open it from there in headless Chromium with file:///usr/share/javascript/ blocked and
// every host name unresolvable, and check what a reader sees — typeset math (drawn, with a size), no TeX
// error, and no raw TeX ($…$, \(…\), \[…\], \begin{…}) left in the text outside code. A full-page
// screenshot goes to the output folder whatever the result.
//
//   node page-math.mjs PAGE.html [--out DIR]
//
// Environment: CHROMIUM (default /usr/bin/chromium). Exits 0 when every check holds, 1 with the failed
// checks listed (expected and found) otherwise.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const BLOCKED = /^file:\/\/\/usr\/share\/javascript\//;

function parseArgs(argv) {
  const args = { page: null, out: 'build/e2e' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else args.page = argv[i];
  }
  if (!args.page) {
    console.error('usage: node page-math.mjs PAGE.html [--out DIR]');
    process.exit(2);
  }
  return args;
}

// What the page shows, counted in the browser.
function inspectPage() {
  const skip = 'pre, code, script, style, textarea, mjx-container, .MathJax, .MathJax_Display, .MathJax_Preview';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += n.nodeValue;
  const raw = [...text.matchAll(/\$\$[^$]+\$\$|\$[^$\s][^$]*\$|\\\(.+?\\\)|\\\[[\s\S]+?\\\]|\\begin\{\w+\*?\}/g)].map((m) => m[0]);
  const typeset = [...document.querySelectorAll('mjx-container, .MathJax, .MathJax_Display')];
  const drawn = typeset.filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
  return {
    typeset: typeset.length,
    drawn: drawn.length,
    errors: document.querySelectorAll('[data-mml-node="merror"], .merror, .MathJax_Error, mjx-merror').length,
    raw: raw.slice(0, 5).map((r) => r.slice(0, 80)),
    rawCount: raw.length,
    mathJaxScript: [...document.querySelectorAll('script[src]')].filter((s) => /mathjax/i.test(s.src)).map((s) => s.src),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'backprop-kit-page-'));
  const name = basename(args.page);
  copyFileSync(args.page, join(work, name));
  mkdirSync(args.out, { recursive: true });
  const screenshot = resolve(args.out, name.replace(/\.html$/, '') + '.page.png');
  const failures = [];
  const blocked = [];
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      chromiumSandbox: false,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND'],
    });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.route(BLOCKED, (route) => {
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(work, name)).href, { waitUntil: 'load' });
    // A page that still relies on MathJax in the browser would typeset now, if MathJax had loaded.
    await page.evaluate(() => new Promise((done) => (window.MathJax && window.MathJax.Hub
      ? window.MathJax.Hub.Queue(() => done()) : done())));
    const seen = await page.evaluate(inspectPage);
    await page.screenshot({ path: screenshot, fullPage: true });
    if (seen.typeset === 0) failures.push('typeset math: expected formulas drawn by MathJax or pre-rendered SVG, found none');
    else if (seen.drawn === 0) failures.push(`typeset math is visible: found ${seen.typeset} formulas, none with a size on the page`);
    if (seen.errors > 0) failures.push(`no TeX errors: expected 0, found ${seen.errors}`);
    if (seen.rawCount > 0) failures.push(`no raw TeX in the text: expected none, found ${seen.rawCount}, e.g. ${seen.raw.join('  ')}`);
    console.log(`${name}: ${seen.typeset} formulas typeset, ${seen.drawn} drawn; raw TeX left: ${seen.rawCount}; `
      + `MathJax scripts on the page: ${seen.mathJaxScript.length}; requests blocked under file:///usr/share/javascript/: `
      + `${blocked.length}; screenshot ${screenshot}`);
  } catch (e) {
    failures.push(`the page did not get through: ${e.message.split('\n')[0]}`);
  } finally {
    if (browser) await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`FAILED ${name}:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`passed ${name}`);
}

main();
