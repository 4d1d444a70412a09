// Bundles the two JupyterLab front ends of the test with esbuild into OUT (default: build/lab):
//   OUT/page  the small renderer page (page/main.js): services + rendermime + outputarea
//   OUT/app   JupyterLab itself (app/index.js) with what jupyterlab_server serves beside it: the
//             settings schemas of every @jupyterlab package, the light theme, the page template and
//             settings overrides (no news or update checks: the test runs offline)
//   node build.mjs [OUT]
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', '..', '..', 'build', 'lab'));

// JupyterLab's packages import their icons as SVG text and their fonts from CSS.
const loader = { '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl',
  '.png': 'dataurl', '.gif': 'dataurl' };
// As webpack does for JupyterLab's own build: MathJax's loader reads __dirname, which a page lacks.
const define = { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/"' };
// webpack's css-loader reads "~package/file" as a package path; JupyterLab's CSS is written for it.
const tilde = {
  name: 'tilde',
  setup(b) {
    b.onResolve({ filter: /^~/ }, (args) => b.resolve(args.path.slice(1), { kind: args.kind, resolveDir: args.resolveDir }));
  },
};
const common = { bundle: true, loader, plugins: [tilde], logLevel: 'warning', minify: true };

// The renderer page.
mkdirSync(join(out, 'page'), { recursive: true });
await build({ ...common, entryPoints: { bundle: join(here, 'page', 'main.js') }, outdir: join(out, 'page'),
  format: 'iife', target: 'chrome120', define });
copyFileSync(join(here, 'page', 'index.html'), join(out, 'page', 'index.html'));

// JupyterLab.
const app = join(out, 'app');
await build({ ...common, entryPoints: { bundle: join(here, 'app', 'index.js') }, outdir: join(app, 'static'),
  format: 'iife', target: 'chrome120', define });
const lab = join(here, 'node_modules', '@jupyterlab');
await build({ ...common, entryPoints: { index: join(lab, 'theme-light-extension', 'style', 'theme.css') },
  outdir: join(app, 'themes', '@jupyterlab', 'theme-light-extension') });
for (const name of readdirSync(lab)) {
  const schema = join(lab, name, 'schema');
  if (!existsSync(schema)) continue;
  const target = join(app, 'schemas', '@jupyterlab', name);
  cpSync(schema, target, { recursive: true });
  copyFileSync(join(lab, name, 'package.json'), join(target, 'package.json.orig'));
}
mkdirSync(join(app, 'templates'), { recursive: true });
copyFileSync(join(here, 'app', 'index.html'), join(app, 'templates', 'index.html'));
mkdirSync(join(app, 'application_settings'), { recursive: true });
writeFileSync(join(app, 'application_settings', 'overrides.json'), JSON.stringify({
  '@jupyterlab/apputils-extension:notification': { fetchNews: 'false', checkForUpdates: false },
  // Every cell drawn, not only those in view: the test reads the whole notebook and screenshots it.
  '@jupyterlab/notebook-extension:tracker': { windowingMode: 'none' },
}, null, 1));
console.log(`built ${out}/page and ${out}/app`);
