// The smallest JupyterLab front end that shows a lesson: @jupyterlab/services talks to the Jupyter server
// (contents, sessions, the kernel websocket), JupyterLab's own OutputArea applies the messaging protocol
// (streams, displays, update_display_data, clear_output) and JupyterLab's rendermime registry renders
// every output with its default renderer factories, its HTML sanitizer, its Markdown parser (marked) and
// its MathJax 3 typesetter — the pieces JupyterLab 4's notebook uses, without the rest of the app.
//
// window.runLesson(path) executes one notebook cell by cell and returns what it saw; lab-renderers.mjs
// (node, Playwright) judges it and takes the screenshot.
import { Sanitizer } from '@jupyterlab/apputils';
import { EditorLanguageRegistry } from '@jupyterlab/codemirror';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import { MathJaxTypesetter } from '@jupyterlab/mathjax-extension';
import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { MimeModel, RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { ContentsManager, KernelManager, ServerConnection, SessionManager } from '@jupyterlab/services';
import { Widget } from '@lumino/widgets';

import { imagesIn, rawMathIn, tablesIn } from '../checks.js';

import '@lumino/widgets/style/index.css';
import '@jupyterlab/theme-light-extension/style/variables.css';
import '@jupyterlab/apputils/style/base.css';
import '@jupyterlab/rendermime/style/base.css';
import '@jupyterlab/outputarea/style/base.css';
import './page.css';

const KERNEL = 'backprop-java';

const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
const serverSettings = ServerConnection.makeSettings({
  baseUrl: `${location.origin}/`,
  wsUrl: `${location.origin.replace(/^http/, 'ws')}/`,
  token,
  appendToken: true,
});

const languages = new EditorLanguageRegistry();
for (const language of EditorLanguageRegistry.getDefaultLanguages()) languages.addLanguage(language);
const markdownParser = createMarkdownParser(languages);
// As @jupyterlab/rendermime-extension builds it for the app.
const rendermime = new RenderMimeRegistry({
  initialFactories: standardRendererFactories,
  sanitizer: new Sanitizer(),
  latexTypesetter: new MathJaxTypesetter(),
  markdownParser,
});

// The messaging protocol's meaning for one cell, written independently of JupyterLab's OutputArea:
// consecutive streams of one name join, update_display_data replaces the output that showed that
// display_id (and adds nothing), clear_output empties the list (or on the next output, with wait).
function expectedOutputs(messages) {
  let outputs = [];
  const byDisplayId = new Map();
  let clearOnNext = false;
  for (const msg of messages) {
    const type = msg.header.msg_type;
    const content = msg.content;
    if (type === 'clear_output') {
      if (content.wait) clearOnNext = true;
      else { outputs = []; byDisplayId.clear(); }
      continue;
    }
    if (!['stream', 'display_data', 'execute_result', 'error', 'update_display_data'].includes(type)) continue;
    if (type === 'update_display_data') {
      for (const i of byDisplayId.get(content.transient?.display_id) || []) {
        outputs[i] = { output_type: 'display_data', data: content.data };
      }
      continue;
    }
    if (clearOnNext) { outputs = []; byDisplayId.clear(); clearOnNext = false; }
    const last = outputs[outputs.length - 1];
    if (type === 'stream' && last && last.output_type === 'stream' && last.name === content.name) {
      last.text += content.text;
      continue;
    }
    const output = { output_type: type, ...(type === 'stream' ? { name: content.name, text: content.text } : {}),
      ...(content.data ? { data: content.data } : {}), ...(type === 'error' ? { ename: content.ename } : {}) };
    const displayId = content.transient?.display_id;
    if (displayId) byDisplayId.set(displayId, [...(byDisplayId.get(displayId) || []), outputs.length]);
    outputs.push(output);
  }
  return outputs;
}

function sameOutputs(shown, expected) {
  if (shown.length !== expected.length) return `${shown.length} outputs shown, ${expected.length} expected`;
  for (let i = 0; i < shown.length; i++) {
    const a = shown[i];
    const b = expected[i];
    if (a.output_type !== b.output_type && !(a.output_type === 'display_data' && b.output_type === 'display_data')) {
      return `output ${i}: ${a.output_type} shown, ${b.output_type} expected`;
    }
    if (b.data && JSON.stringify(a.data) !== JSON.stringify(b.data)) {
      return `output ${i}: shows ${JSON.stringify(a.data).slice(0, 120)}, expected ${JSON.stringify(b.data).slice(0, 120)}`;
    }
    if (b.output_type === 'stream' && (a.name !== b.name || a.text.replace(/\r?\n$/, '') !== b.text.replace(/\r?\n$/, ''))) {
      return `output ${i}: stream ${a.name} differs from ${b.name}`;
    }
  }
  return null;
}

// The tables an output holds before any sanitizing: its HTML, or the HTML marked makes of its Markdown.
async function tablesSent(outputs) {
  const sum = { tables: 0, cells: 0 };
  for (const o of outputs) {
    const mime = o.data && rendermime.preferredMimeType(o.data, 'any');
    let html = '';
    if (mime === 'text/html') html = [].concat(o.data[mime]).join('');
    else if (mime === 'text/markdown') html = await markdownParser.render([].concat(o.data[mime]).join(''));
    const t = tablesIn(html);
    sum.tables += t.tables;
    sum.cells += t.cells;
  }
  return sum;
}

function cellBox(kind, index) {
  const box = document.createElement('div');
  box.className = `kit-cell kit-${kind}`;
  box.dataset.index = index;
  document.getElementById('notebook').appendChild(box);
  return box;
}

async function renderMarkdown(source, index) {
  const box = cellBox('markdown', index);
  const renderer = rendermime.createRenderer('text/markdown');
  await renderer.renderModel(new MimeModel({ data: { 'text/markdown': source } }));
  Widget.attach(renderer, box);
  return renderer.node;
}

async function runCode(kernel, source, index) {
  const box = cellBox('code', index);
  const input = document.createElement('pre');
  input.className = 'kit-input';
  input.textContent = source;
  box.appendChild(input);
  // Outputs of a cell the learner just ran are trusted, as in JupyterLab.
  const area = new OutputArea({ model: new OutputAreaModel({ trusted: true }), rendermime });
  Widget.attach(area, box);
  const messages = [];
  const future = kernel.requestExecute({ code: source, stop_on_error: true, store_history: true });
  area.future = future;
  future.registerMessageHook((msg) => { messages.push(msg); return true; });
  const reply = await future.done;
  return { area, messages, reply, box };
}

// The same outputs as they come back when the saved notebook is opened again, untrusted: now the
// sanitizer cleans every HTML output and only "safe" renderers may draw.
async function reopenUntrusted(outputs) {
  const host = document.getElementById('reopened');
  const area = new OutputArea({ model: new OutputAreaModel({ trusted: false, values: outputs }), rendermime });
  Widget.attach(area, host);
  return area;
}

async function settled(node) {
  // MathJax typesets after the renderers resolve; wait until the TeX stops changing.
  let last = -1;
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = node.querySelectorAll('mjx-container').length;
    if (now === last) return;
    last = now;
  }
}

window.runLesson = async function runLesson(path) {
  const contents = new ContentsManager({ serverSettings });
  const kernels = new KernelManager({ serverSettings });
  const sessions = new SessionManager({ kernelManager: kernels, serverSettings });
  const notebook = (await contents.get(path, { content: true })).content;
  document.getElementById('title').textContent = path;
  const session = await sessions.startNew({ path, name: path.split('/').pop(), type: 'notebook', kernel: { name: KERNEL } });
  const result = { cells: [], markdown: [] };
  try {
    for (const [i, cell] of notebook.cells.entries()) {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      if (cell.cell_type === 'markdown') {
        const node = await renderMarkdown(source, i + 1);
        result.markdown.push({ index: i + 1, node });
        continue;
      }
      if (cell.cell_type !== 'code' || !source.trim()) continue;
      const started = performance.now();
      const { area, messages, reply } = await runCode(session.kernel, source, i + 1);
      const shown = area.model.toJSON();
      const reopened = await reopenUntrusted(shown);
      result.cells.push({ index: i + 1, area, reopened, messages, shown, status: reply.content.status,
        seconds: (performance.now() - started) / 1000 });
      if (reply.content.status !== 'ok') break;
    }
  } finally {
    await session.shutdown();
    session.dispose();
    kernels.dispose();
  }
  await settled(document.body);
  for (const c of result.cells) c.tablesSent = await tablesSent(c.shown);
  return summarise(result);
};

function summarise(result) {
  const cells = result.cells.map((c) => {
    const outputs = c.shown;
    const types = c.messages.map((m) => m.header.msg_type);
    const unrenderable = outputs.filter((o, j) => !rendermime.preferredMimeType(c.area.model.get(j).data, 'any'))
      .map((o) => Object.keys(o.data || {}).join(','));
    const unsafe = outputs.filter((o, j) => !rendermime.preferredMimeType(c.reopened.model.get(j).data, 'ensure'))
      .map((o) => Object.keys(o.data || {}).join(','));
    const mathOutputs = outputs.filter((o) => o.data && (o.data['text/latex'] || o.data['text/markdown'])).length;
    return {
      index: c.index,
      status: c.status,
      seconds: c.seconds,
      outputs: outputs.length,
      mimeTypes: [...new Set(outputs.flatMap((o) => Object.keys(o.data || { [o.output_type]: 1 })))],
      errors: outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
      stderr: outputs.filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => o.text.slice(0, 300)),
      protocol: sameOutputs(outputs, expectedOutputs(c.messages)),
      updates: types.filter((t) => t === 'update_display_data').length,
      unrenderable,
      unsafe,
      renderFailures: [...c.area.node.querySelectorAll('pre')].filter((p) => p.textContent.startsWith('Javascript Error')).length,
      tablesRaw: c.tablesSent,
      tablesShown: { tables: c.area.node.querySelectorAll('table').length, cells: c.area.node.querySelectorAll('td, th').length },
      tablesSanitized: { tables: c.reopened.node.querySelectorAll('table').length, cells: c.reopened.node.querySelectorAll('td, th').length },
      mathOutputs,
      math: c.area.node.querySelectorAll('mjx-container').length,
      mathErrors: c.area.node.querySelectorAll('mjx-merror').length,
      rawMath: rawMathIn(c.area.node),
      images: imagesIn(c.area.node),
    };
  });
  const markdown = result.markdown.map((m) => ({
    index: m.index,
    math: m.node.querySelectorAll('mjx-container').length,
    mathErrors: m.node.querySelectorAll('mjx-merror').length,
    rawMath: rawMathIn(m.node),
    tables: m.node.querySelectorAll('table').length,
  }));
  document.getElementById('reopened').remove();  // only for counting; keep it off the screenshot
  return { cells, markdown };
}
