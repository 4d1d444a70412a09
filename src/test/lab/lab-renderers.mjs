// Every lesson through JupyterLab's own front-end packages, in headless Chromium: Debian's jupyter_server
// on 127.0.0.1 serves the notebooks, the kernel and the test page (page/, bundled by build.mjs); the
// page executes each notebook with @jupyterlab/services and renders every output with JupyterLab's
// rendermime registry (page/main.js). This script judges what the page saw and keeps a screenshot.
//
//   node lab-renderers.mjs --page DIR [--out DIR] [--timeout SECONDS] NOTEBOOK.ipynb ...
//
// Checks, per lesson: every code cell runs with status ok, no error output, nothing on stderr; every
// output has a renderer (trusted, as just run, and untrusted, as reopened from disk); the outputs
// JupyterLab shows are what the messaging protocol says (so update_display_data replaces, never
// appends); every HTML table survives the sanitizer with all its cells; math typesets (MathJax
// elements, no MathJax errors, no raw $…$ left) in outputs and Markdown; images load; no page errors.
// Over the whole run: at least one display update, one HTML table and one typeset output were seen,
// so none of these checks passed for want of something to check.
// Environment: JUPYTER_PYTHON (default /usr/bin/python3), CHROMIUM (default /usr/bin/chromium),
// JUPYTER_PATH to find the kit's kernel. Exits 1 listing each failed check (expected and found).
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { freePort, launchChromium, startServer, stopServer, waitForServer } from './server.mjs';

function parseArgs(argv) {
  const args = { page: null, out: 'build/lab', timeout: 600, notebooks: [], expectAll: true, planted: null, wanted: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--page') args.page = resolve(argv[++i]);
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else if (argv[i] === '--timeout') args.timeout = Number(argv[++i]);
    else if (argv[i] === '--no-coverage') args.expectAll = false;
    else if (argv[i] === '--planted') {
      args.planted = resolve(argv[++i]);
      args.wanted = argv[++i];
    }
    else args.notebooks.push(resolve(argv[i]));
  }
  if (!args.page || args.notebooks.length === 0) {
    console.error('usage: node lab-renderers.mjs --page DIR [--out DIR] [--timeout SECONDS] [--no-coverage] '
      + '[--planted NOTEBOOK TEXT] NOTEBOOK.ipynb ...');
    process.exit(2);
  }
  return args;
}

const same = (a, b) => a.tables === b.tables && a.cells === b.cells;

// What went wrong in one lesson, one line per failed check.
function judge(seen) {
  const failures = [];
  for (const c of seen.cells) {
    const at = `cell ${c.index}`;
    if (c.status !== 'ok') failures.push(`${at}: status ok expected, found ${c.status}`);
    if (c.errors.length) failures.push(`${at}: no error output expected, found ${c.errors.join(' | ')}`);
    if (c.stderr.length) failures.push(`${at}: nothing on stderr expected, found ${JSON.stringify(c.stderr)}`);
    if (c.protocol) failures.push(`${at}: JupyterLab's outputs differ from the protocol's: ${c.protocol}`);
    if (c.unrenderable.length) failures.push(`${at}: no renderer for outputs with ${c.unrenderable.join('; ')}`);
    if (c.unsafe.length) failures.push(`${at}: reopened untrusted, no safe renderer for ${c.unsafe.join('; ')}`);
    if (c.renderFailures) failures.push(`${at}: ${c.renderFailures} renderer(s) threw`);
    if (!same(c.tablesShown, c.tablesRaw)) failures.push(`${at}: HTML tables shown ${JSON.stringify(c.tablesShown)}, sent ${JSON.stringify(c.tablesRaw)}`);
    if (!same(c.tablesSanitized, c.tablesRaw)) failures.push(`${at}: the sanitizer stripped tables: ${JSON.stringify(c.tablesSanitized)} left of ${JSON.stringify(c.tablesRaw)}`);
    if (c.mathOutputs && !c.math) failures.push(`${at}: ${c.mathOutputs} LaTeX/Markdown output(s) but no MathJax element`);
    if (c.mathErrors) failures.push(`${at}: ${c.mathErrors} MathJax error(s)`);
    if (c.rawMath.length) failures.push(`${at}: raw TeX left untypeset: ${JSON.stringify(c.rawMath)}`);
    const notDrawn = c.images.filter((i) => !i.drawn);
    if (notDrawn.length) failures.push(`${at}: ${notDrawn.length} of ${c.images.length} images not drawn`);
  }
  for (const m of seen.markdown) {
    if (m.mathErrors) failures.push(`markdown cell ${m.index}: ${m.mathErrors} MathJax error(s)`);
    if (m.rawMath.length) failures.push(`markdown cell ${m.index}: raw TeX left untypeset: ${JSON.stringify(m.rawMath)}`);
  }
  return failures;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + args.timeout * 1000;
  const root = mkdtempSync(join(tmpdir(), 'backprop-kit-lab-'));
  // A planted notebook goes first: it must fail, with TEXT among its failures, or the harness is blind.
  if (args.planted) args.notebooks.unshift(args.planted);
  for (const nb of args.notebooks) copyFileSync(nb, join(root, basename(nb)));
  mkdirSync(args.out, { recursive: true });
  const token = randomBytes(24).toString('hex');
  const port = await freePort();
  const log = [];
  // Debian's jupyter_server (the server JupyterLab 4 runs on); the test page is one of its static
  // folders, so the page and the API share an origin.
  const server = startServer(['-m', 'jupyter_server', `--ServerApp.extra_static_paths=${JSON.stringify([args.page])}`],
    { root, port, token, log });
  const failures = [];
  const totals = { updates: 0, tables: 0, math: 0, outputs: 0, mimeTypes: new Set() };
  let browser;
  try {
    await waitForServer(server, `http://127.0.0.1:${port}/api/status?token=${token}`, deadline);
    browser = await launchChromium();
    for (const nb of args.notebooks) {
      const name = basename(nb);
      const started = Date.now();
      const page = await browser.newPage({ viewport: { width: 1040, height: 900 } });
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
      page.setDefaultTimeout(Math.max(1, deadline - Date.now()));
      const lessonFailures = [];
      try {
        await page.goto(`http://127.0.0.1:${port}/static/index.html#token=${token}`);
        await page.waitForFunction(() => typeof window.runLesson === 'function');
        const seen = await page.evaluate((path) => window.runLesson(path), name);
        lessonFailures.push(...judge(seen));
        if (pageErrors.length) lessonFailures.push(`no errors on the page expected, found: ${pageErrors.join(' | ').slice(0, 600)}`);
        if (nb === args.planted) {
          const blind = lessonFailures.length === 0 ? 'passed it'
            : !lessonFailures.some((f) => f.includes(args.wanted)) ? `failed it, but not for "${args.wanted}": ${lessonFailures.join(' | ')}` : null;
          if (blind) failures.push(`the harness ${blind}; ${name} is planted to fail`);
          else console.log(`${name}: failed as planted (${lessonFailures.find((f) => f.includes(args.wanted))})`);
          await page.close();
          continue;
        }
        for (const c of seen.cells) {
          totals.updates += c.updates;
          totals.tables += c.tablesRaw.tables;
          totals.math += c.math;
          totals.outputs += c.outputs;
          c.mimeTypes.forEach((t) => totals.mimeTypes.add(t));
        }
        const math = seen.cells.reduce((n, c) => n + c.math, 0) + seen.markdown.reduce((n, m) => n + m.math, 0);
        console.log(`${name}: ${seen.cells.length} code cells, ${seen.cells.reduce((n, c) => n + c.outputs, 0)} outputs, `
          + `${seen.cells.reduce((n, c) => n + c.updates, 0)} display updates, ${seen.cells.reduce((n, c) => n + c.tablesRaw.tables, 0)} HTML tables, `
          + `${math} typeset formulas; ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } catch (e) {
        lessonFailures.push(`the page did not get through: ${e.message.split('\n')[0]}`);
      }
      await page.screenshot({ path: join(args.out, name.replace(/\.ipynb$/, '.png')), fullPage: true });
      await page.close();
      failures.push(...lessonFailures.map((f) => `${name}: ${f}`));
    }
    if (args.expectAll) {
      if (totals.updates === 0) failures.push('expected at least one update_display_data over the lessons, found none: the replace check checked nothing');
      if (totals.tables === 0) failures.push('expected at least one HTML table over the lessons, found none: the sanitizer check checked nothing');
      if (totals.math === 0) failures.push('expected typeset math in the outputs, found none');
    }
  } catch (e) {
    failures.push(`the run did not get through: ${e.message.split('\n')[0]}`);
  } finally {
    if (browser) await browser.close();
    await stopServer(server);
    writeFileSync(join(args.out, 'jupyter_server.log'), log.join(''));
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`${totals.outputs} outputs in ${args.notebooks.length} notebooks; MIME types: ${[...totals.mimeTypes].sort().join(', ')}; `
    + `display updates ${totals.updates}, HTML tables ${totals.tables}, MathJax elements in outputs ${totals.math}; screenshots in ${args.out}`);
  if (failures.length) {
    console.error(`FAILED:\n- ${failures.join('\n- ')}\n(jupyter_server's log: ${join(args.out, 'jupyter_server.log')})`);
    process.exit(1);
  }
  console.log('passed: every output rendered by JupyterLab\'s rendermime');
}

main();
