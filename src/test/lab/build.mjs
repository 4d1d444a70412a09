// Bundles page/main.js with its JupyterLab packages and their CSS into OUT (default: build/lab/page).
//   node build.mjs [OUT]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', '..', '..', 'build', 'lab', 'page'));
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { bundle: join(here, 'page', 'main.js') },
  bundle: true,
  outdir: out,
  format: 'iife',
  target: 'chrome120',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  // JupyterLab's packages import their icons as SVG text and their fonts from CSS.
  loader: { '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.png': 'dataurl', '.gif': 'dataurl' },
  // As webpack does for JupyterLab's own build: MathJax's loader reads __dirname, which a page lacks.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/"' },
});
copyFileSync(join(here, 'page', 'index.html'), join(out, 'index.html'));
console.log(`built ${out}`);
