// Every lesson in JupyterLab itself: the JupyterLab 4 application that build.mjs assembles from its npm
// packages, served by Debian's jupyter_server and jupyterlab_server (app/lab_app.py), in headless
// Chromium. For each notebook: File → Open (docmanager:open), Run → Run All Cells, then the checks a
// learner's eye would make, and a screenshot of the whole notebook.
//
//   node lab-app.mjs --app DIR [--out DIR] [--timeout SECONDS] NOTEBOOK.ipynb ...
//
// Checks, per lesson: every code cell ran (an execution count, none left running), no error output,
// nothing on stderr, every output has a renderer in JupyterLab's registry, PNG images drawn, math
// typeset in outputs and Markdown (MathJax elements, no MathJax errors, no raw $…$ left), no page error,
// and no console error but the two a jupyter_server 1.x must give JupyterLab 4 (below).
// Environment as lab-renderers.mjs. Exits 1 listing each failed check (expected and found).
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, launchChromium, startServer, stopServer, waitForServer } from './server.mjs';

// JupyterLab 4 asks the server who the user is (/api/me) and subscribes to its event stream
// (/api/events/subscribe); both came with jupyter_server 2.x, so Debian's 1.23 answers 404. JupyterLab
// carries on without them (an anonymous user, no server events); nothing a lesson needs.
const KNOWN_404 = [/\/api\/me(\?|$)/, /\/api\/events\/subscribe/];

function parseArgs(argv) {
  const args = { app: null, out: 'build/lab/app-screenshots', timeout: 600, notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--app') args.app = resolve(argv[++i]);
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else if (argv[i] === '--timeout') args.timeout = Number(argv[++i]);
    else args.notebooks.push(resolve(argv[i]));
  }
  if (!args.app || args.notebooks.length === 0) {
    console.error('usage: node lab-app.mjs --app DIR [--out DIR] [--timeout SECONDS] NOTEBOOK.ipynb ...');
    process.exit(2);
  }
  return args;
}

// In the page: open PATH, run all, wait for the kernel to finish, and report what the notebook shows.
async function runInLab(path) {
  const { lab, kitChecks } = window;
  const panel = await lab.commands.execute('docmanager:open', { path, factory: 'Notebook' });
  await panel.context.ready;
  await panel.sessionContext.ready;
  const started = performance.now();
  await lab.commands.execute('notebook:run-all-cells');
  const code = () => panel.content.widgets.filter((c) => c.model.type === 'code');
  const busy = () => panel.sessionContext.session?.kernel?.status !== 'idle'
    || code().some((c) => c.model.executionState === 'running' || c.promptNode?.textContent.includes('*'));
  while (busy()) await new Promise((r) => setTimeout(r, 200));
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));  // MathJax typesets after the outputs arrive
  const rendermime = panel.content.rendermime;
  const outputs = code().flatMap((c) => c.model.outputs.toJSON().map((o) => ({ cell: c, o })));
  const areas = panel.node.querySelectorAll('.jp-OutputArea');
  const markdown = panel.node.querySelectorAll('.jp-MarkdownOutput');
  const count = (nodes, selector) => [...nodes].reduce((n, el) => n + el.querySelectorAll(selector).length, 0);
  return {
    seconds,
    codeCells: code().length,
    unrun: code().filter((c) => c.model.sharedModel.getSource().trim() && c.model.executionCount === null).length,
    outputs: outputs.length,
    errors: outputs.filter(({ o }) => o.output_type === 'error').map(({ o }) => `${o.ename}: ${o.evalue}`),
    stderr: outputs.filter(({ o }) => o.output_type === 'stream' && o.name === 'stderr').map(({ o }) => [].concat(o.text).join('').slice(0, 300)),
    unrenderable: outputs.filter(({ o }) => o.data && !rendermime.preferredMimeType(o.data, 'any')).map(({ o }) => Object.keys(o.data).join(',')),
    mathInOutputs: count(areas, 'mjx-container'),
    mathInMarkdown: count(markdown, 'mjx-container'),
    mathErrors: panel.node.querySelectorAll('mjx-merror').length,
    rawMath: [...markdown, ...areas].flatMap((el) => kitChecks.rawMathIn(el)),
    tables: count(areas, 'table'),
    images: [...areas].flatMap((el) => kitChecks.imagesIn(el)),
    // the notebook scrolls inside its own (windowed) panel: the tallest of its boxes is the content
    height: Math.max(...[panel.content.node, ...panel.content.node.querySelectorAll('[class*="WindowedPanel"]')]
      .map((el) => el.scrollHeight)) + 140,
  };
}

async function closeAll() {
  for (const widget of [...window.lab.shell.widgets('main')]) {
    await widget.sessionContext?.shutdown();
    widget.dispose();
  }
}

function judge(seen) {
  const failures = [];
  if (seen.unrun) failures.push(`every code cell runs: ${seen.unrun} of ${seen.codeCells} left without an execution count`);
  if (seen.errors.length) failures.push(`no error output expected, found ${seen.errors.join(' | ')}`);
  if (seen.stderr.length) failures.push(`nothing on stderr expected, found ${JSON.stringify(seen.stderr)}`);
  if (seen.unrenderable.length) failures.push(`no renderer for outputs with ${seen.unrenderable.join('; ')}`);
  if (seen.mathErrors) failures.push(`${seen.mathErrors} MathJax error(s)`);
  if (seen.rawMath.length) failures.push(`raw TeX left untypeset: ${JSON.stringify(seen.rawMath.slice(0, 5))}`);
  if (seen.mathInMarkdown === 0) failures.push('typeset math in the Markdown cells expected, found none');
  const notDrawn = seen.images.filter((i) => !i.drawn);
  if (notDrawn.length) failures.push(`${notDrawn.length} of ${seen.images.length} images not drawn`);
  return failures;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + args.timeout * 1000;
  const root = mkdtempSync(join(tmpdir(), 'backprop-kit-lab-app-'));
  const state = mkdtempSync(join(tmpdir(), 'backprop-kit-lab-state-'));
  for (const nb of args.notebooks) copyFileSync(nb, join(root, basename(nb)));
  mkdirSync(args.out, { recursive: true });
  const token = randomBytes(24).toString('hex');
  const port = await freePort();
  const log = [];
  const here = dirname(fileURLToPath(import.meta.url));
  const server = startServer([join(here, 'app', 'lab_app.py')],
    // Kernels run headless here, as the kit's lesson runner does: step-throughs show their final frame at once.
    // The renderer test (lab-renderers.mjs) plays them live, where in-place updates are what it checks.
    { root, port, token, log, env: { KIT_LAB_BUILD: args.app, KIT_LAB_STATE: state, BACKPROP_KIT_HEADLESS: '1' } });
  const failures = [];
  let browser;
  try {
    await waitForServer(server, `http://127.0.0.1:${port}/api/status?token=${token}`, deadline);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(Math.max(1, deadline - Date.now()));
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message.split('\n')[0]}`));
    page.on('response', (r) => {
      if (r.status() >= 400 && !KNOWN_404.some((re) => re.test(r.url()))) problems.push(`HTTP ${r.status()} for ${r.url()}`);
    });
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() !== 'error' || /Failed to load resource/.test(text) || KNOWN_404.some((re) => re.test(text))) return;
      problems.push(`console error: ${text.split('\n')[0].slice(0, 300)}`);
    });
    await page.goto(`http://127.0.0.1:${port}/lab?token=${token}`);
    await page.waitForFunction(() => window.labStarted === true);
    const version = await page.evaluate(() => window.lab.version);
    console.log(`JupyterLab ${version} started on jupyter_server (Debian) with ${await page.evaluate(() => window.lab.listPlugins().length)} plugins`);
    for (const nb of args.notebooks) {
      const name = basename(nb);
      const before = problems.length;
      try {
        const seen = await page.evaluate(runInLab, name);
        failures.push(...judge(seen).map((f) => `${name}: ${f}`));
        // A viewport as tall as the notebook, so the screenshot holds all of it.
        await page.setViewportSize({ width: 1280, height: Math.min(16000, seen.height + 200) });
        await page.evaluate(() => {  // Run All left the last cell in view: back to the top
          const notebook = window.lab.shell.currentWidget.content;
          notebook.activeCellIndex = 0;
          for (const el of [notebook.node, ...notebook.node.querySelectorAll('*')]) if (el.scrollTop > 0) el.scrollTop = 0;
        });
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(args.out, name.replace(/\.ipynb$/, '.png')) });
        await page.setViewportSize({ width: 1280, height: 900 });
        console.log(`${name}: ${seen.codeCells} code cells, ${seen.outputs} outputs, run all ${seen.seconds.toFixed(1)} s; `
          + `MathJax ${seen.mathInMarkdown} in Markdown, ${seen.mathInOutputs} in outputs; ${seen.tables} HTML tables; `
          + `${seen.images.filter((i) => i.drawn).length} images drawn`);
      } catch (e) {
        failures.push(`${name}: the notebook did not get through: ${e.message.split('\n')[0]}`);
      }
      await page.evaluate(closeAll);
      failures.push(...problems.slice(before).map((p) => `${name}: ${p}`));
    }
  } catch (e) {
    failures.push(`JupyterLab did not get through: ${e.message.split('\n')[0]}`);
  } finally {
    if (browser) await browser.close();
    await stopServer(server);
    writeFileSync(join(args.out, 'jupyter_server.log'), log.join(''));
    rmSync(root, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`FAILED:\n- ${failures.join('\n- ')}\n(the server's log: ${join(args.out, 'jupyter_server.log')})`);
    process.exit(1);
  }
  console.log(`passed: ${args.notebooks.length} notebooks run in JupyterLab; screenshots in ${args.out}`);
}

main();
