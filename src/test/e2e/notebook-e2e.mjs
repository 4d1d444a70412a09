// A learner's view of a lesson, in a real browser: start Debian's Jupyter Notebook (classic) on
// 127.0.0.1 with a token, open a copy of the notebook in headless Chromium, choose Cell → Run All,
// and check the page: rendered LaTeX (MathJax), a PNG plot, every code cell run, no error output.
// A full-page screenshot goes to the output folder whatever the result.
//
//   node notebook-e2e.mjs NOTEBOOK.ipynb [--out DIR] [--expect-latex-output] [--expect-frames] [--timeout SECONDS]
//
// --expect-frames: the notebook has a code cell tagged `frames` whose picture changes in place while it runs
// (a step-through played into one display) and a cell tagged `final-frame` that shows the last frame on its
// own. The page is sampled every 100 ms during Run All: the `frames` cell must show at least 3 different
// images, one at a time, and end on exactly the `final-frame` cell's image.
//
// Environment: JUPYTER_PYTHON (default /usr/bin/python3, which runs Debian's Jupyter), CHROMIUM
// (default /usr/bin/chromium), JUPYTER_PATH to find the kernel the notebook names.
// Exits 0 when every check holds, 1 with the failed checks listed (expected and actual) otherwise.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_FLAGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

function parseArgs(argv) {
  const args = { notebook: null, out: 'build/e2e', expectLatexOutput: false, expectFrames: false, timeout: 300 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--expect-latex-output') args.expectLatexOutput = true;
    else if (argv[i] === '--expect-frames') args.expectFrames = true;
    else if (argv[i] === '--timeout') args.timeout = Number(argv[++i]);
    else args.notebook = argv[i];
  }
  if (!args.notebook) {
    console.error('usage: node notebook-e2e.mjs NOTEBOOK.ipynb [--out DIR] [--expect-latex-output] [--expect-frames] '
      + '[--timeout SECONDS]');
    process.exit(2);
  }
  return args;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// A person watches this browser: the kernels must not skip to final frames as a headless run does.
function withoutHeadless(env) {
  const copy = { ...env };
  delete copy.BACKPROP_KIT_HEADLESS;
  return copy;
}

// The images of the cells tagged `frames` and `final-frame` right now (data URIs, or null), and how many
// images the `frames` cell shows at once.
function taggedImages() {
  const find = (tag) => Jupyter.notebook.get_cells().find((c) => (c.metadata.tags || []).includes(tag));
  const imgs = (cell) => (cell ? [...cell.output_area.element[0].querySelectorAll('img')] : []);
  const frames = imgs(find('frames'));
  const final = imgs(find('final-frame'));
  return {
    hasCells: Boolean(find('frames')) && Boolean(find('final-frame')),
    frame: frames.length > 0 ? frames[frames.length - 1].src : null,
    shownAtOnce: frames.length,
    final: final.length > 0 ? final[final.length - 1].src : null,
  };
}

// Starts `jupyter notebook` in its own process group, so stopping it also stops its kernels.
function startJupyter(dir, port, token, log) {
  const python = process.env.JUPYTER_PYTHON || '/usr/bin/python3';
  const server = spawn(python, ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
    '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${dir}`,
    ...(process.getuid() === 0 ? ['--allow-root'] : [])], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...withoutHeadless(process.env), JUPYTER_RUNTIME_DIR: join(dir, '.runtime'), JUPYTER_CONFIG_DIR: join(dir, '.config') },
  });
  server.stdout.on('data', (d) => log.push(d.toString()));
  server.stderr.on('data', (d) => log.push(d.toString()));
  return server;
}

async function waitForServer(server, url, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`jupyter notebook exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`jupyter notebook did not answer ${url.replace(/token=\w+/, 'token=…')} in time`);
}

// What the page shows once every cell has run: counted in the browser, judged in node.
function inspectPage() {
  const code = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
  const outputs = document.querySelectorAll('.output_area');
  const mathIn = (root) => root.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_SVG, mjx-container').length;
  const pngs = [...document.querySelectorAll('.output_area img')]
    .filter((img) => img.src.startsWith('data:image/png'));
  return {
    codeCells: code.length,
    unrun: code.filter((c) => c.get_text().trim() !== '' && typeof c.input_prompt_number !== 'number').length,
    errors: [...document.querySelectorAll('.output_error')].map((e) => e.innerText.slice(0, 400)),
    stderr: [...document.querySelectorAll('.output_stderr')].map((e) => e.innerText.slice(0, 400)),
    mathErrors: document.querySelectorAll('.MathJax_Error, .merror').length,
    mathInMarkdown: [...document.querySelectorAll('.text_cell_render')].reduce((n, el) => n + mathIn(el), 0),
    mathInOutputs: [...outputs].reduce((n, el) => n + mathIn(el), 0),
    pngs: pngs.length,
    pngsDrawn: pngs.filter((img) => img.complete && img.naturalWidth > 0).length,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const deadline = started + args.timeout * 1000;
  const work = mkdtempSync(join(tmpdir(), 'backprop-kit-e2e-'));
  const name = basename(args.notebook);
  copyFileSync(args.notebook, join(work, name));
  mkdirSync(args.out, { recursive: true });
  const screenshot = resolve(args.out, name.replace(/\.ipynb$/, '.png'));
  const token = randomBytes(24).toString('hex');
  const port = await freePort();
  const log = [];
  const server = startJupyter(work, port, token, log);
  let browser;
  const failures = [];
  try {
    await waitForServer(server, `http://127.0.0.1:${port}/api/status?token=${token}`, deadline);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      chromiumSandbox: false,
      args: CHROMIUM_FLAGS,
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/notebooks/${encodeURIComponent(name)}?token=${token}`);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected() && !Jupyter.notebook.kernel_busy, null,
    { timeout: Math.max(1, deadline - Date.now()), polling: 200 });
    const kernelReady = Date.now();

    await page.click('#celllink');
    await page.click('#run_all_cells > a');
    // Run All marks every queued cell `In [*]`; done when none is left and the kernel is idle.
    const finished = () => Jupyter.notebook.get_cells()
      .every((c) => c.cell_type !== 'code' || c.input_prompt_number !== '*')
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    const seenFrames = [];
    let mostAtOnce = 0;
    if (args.expectFrames) {
      // Sample the `frames` cell while the notebook runs, remembering each image it shows in turn.
      await new Promise((r) => setTimeout(r, 300)); // let Run All queue the cells
      while (!(await page.evaluate(finished))) {
        if (Date.now() > deadline) throw new Error('Run All did not finish in time');
        const now = await page.evaluate(taggedImages);
        mostAtOnce = Math.max(mostAtOnce, now.shownAtOnce);
        if (now.frame && seenFrames[seenFrames.length - 1] !== now.frame) seenFrames.push(now.frame);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await page.waitForFunction(finished, null, { timeout: Math.max(1, deadline - Date.now()), polling: 250 });
    const ran = Date.now();
    // MathJax typesets after the outputs arrive: wait for its queue to drain.
    await page.evaluate(() => new Promise((done) => (window.MathJax && MathJax.Hub
      ? MathJax.Hub.Queue(() => done()) : done())));
    await page.waitForFunction(() => [...document.querySelectorAll('.output_area img')]
      .every((img) => img.complete), null, { timeout: 10000 });
    // MathJax's "Typesetting math: 100%" box fades out after the queue drains; keep it off the screenshot.
    await page.waitForFunction(() => {
      const box = document.getElementById('MathJax_Message');
      return !box || box.style.display === 'none' || box.innerText.trim() === '';
    }, null, { timeout: 5000 }).catch(() => {});

    const seen = await page.evaluate(inspectPage);
    if (args.expectFrames) {
      const end = await page.evaluate(taggedImages);
      if (end.frame && seenFrames[seenFrames.length - 1] !== end.frame) seenFrames.push(end.frame);
      const distinct = new Set(seenFrames).size;
      if (!end.hasCells) failures.push('frames: expected code cells tagged `frames` and `final-frame`, found none');
      else if (distinct < 3) failures.push(`frames: expected the \`frames\` cell to show at least 3 different images in turn, saw ${distinct}`);
      if (mostAtOnce > 1 || end.shownAtOnce > 1) failures.push(`frames: expected one display updated in place, saw ${Math.max(mostAtOnce, end.shownAtOnce)} images at once`);
      if (end.hasCells && (!end.final || end.frame !== end.final)) failures.push('frames: expected the `frames` cell to end on the `final-frame` picture, it ends on another');
      console.log(`${name}: the \`frames\` cell showed ${distinct} different images in turn`
        + `${end.frame && end.frame === end.final ? ', ending on the final frame' : ''}`);
    }
    // The classic Notebook scrolls inside #site; let it grow so that the screenshot holds the whole notebook.
    await page.evaluate(() => {
      const site = document.getElementById('site');
      if (site) { site.style.height = 'auto'; site.style.overflow = 'visible'; }
      document.body.style.overflow = 'visible';
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    if (seen.unrun > 0) failures.push(`every code cell runs: expected 0 cells left unrun, found ${seen.unrun} of ${seen.codeCells}`);
    if (seen.errors.length > 0) failures.push(`no error output: expected 0, found ${seen.errors.length}:\n  ${seen.errors.join('\n  ')}`);
    if (seen.stderr.length > 0) failures.push(`no stderr output: expected 0, found ${seen.stderr.length}:\n  ${seen.stderr.join('\n  ')}`);
    if (seen.mathErrors > 0) failures.push(`LaTeX renders: expected 0 MathJax errors, found ${seen.mathErrors}`);
    if (seen.mathInMarkdown + seen.mathInOutputs === 0) failures.push('rendered LaTeX: expected MathJax elements on the page, found none');
    if (args.expectLatexOutput && seen.mathInOutputs === 0) failures.push('a rendered derivation: expected MathJax elements in a cell output, found none');
    if (seen.pngsDrawn === 0) failures.push(`a plot: expected an <img src="data:image/png…"> drawn in an output, found ${seen.pngs} PNG images, ${seen.pngsDrawn} drawn`);
    if (pageErrors.length > 0) failures.push(`no JavaScript errors on the page: found ${pageErrors.join('; ')}`);
    console.log(`${name}: ${seen.codeCells} code cells; kernel ready ${((kernelReady - started) / 1000).toFixed(1)} s, `
      + `run all ${((ran - kernelReady) / 1000).toFixed(1)} s; MathJax elements: ${seen.mathInMarkdown} in text, `
      + `${seen.mathInOutputs} in outputs; PNG images drawn: ${seen.pngsDrawn}; screenshot ${screenshot}`);
  } catch (e) {
    failures.push(`the page did not get through: ${e.message.split('\n')[0]}`);
  } finally {
    if (browser) await browser.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));
    writeFileSync(resolve(args.out, name.replace(/\.ipynb$/, '.jupyter.log')), log.join(''));
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`FAILED ${name}:\n- ${failures.join('\n- ')}\n(Jupyter's log: ${resolve(args.out, name.replace(/\.ipynb$/, '.jupyter.log'))})`);
    process.exit(1);
  }
  console.log(`passed ${name}`);
}

main();
