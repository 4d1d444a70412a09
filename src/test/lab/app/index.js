// JupyterLab 4 itself, from its npm packages: the application shell and the core extensions a learner
// meets in a notebook (file browser, menus, notebook, rendermime with marked and MathJax, code editor,
// completer, tooltips, status bar, the light theme). build.mjs bundles it with esbuild; lab_app.py serves it.
import { JupyterLab } from '@jupyterlab/application';

import '@jupyterlab/application-extension/style/index.js';
import '@jupyterlab/apputils-extension/style/index.js';
import '@jupyterlab/codemirror-extension/style/index.js';
import '@jupyterlab/completer-extension/style/index.js';
import '@jupyterlab/docmanager-extension/style/index.js';
import '@jupyterlab/filebrowser-extension/style/index.js';
import '@jupyterlab/launcher-extension/style/index.js';
import '@jupyterlab/mainmenu-extension/style/index.js';
import '@jupyterlab/markedparser-extension/style/index.js';
import '@jupyterlab/mathjax-extension/style/index.js';
import '@jupyterlab/notebook-extension/style/index.js';
import '@jupyterlab/rendermime-extension/style/index.js';
import '@jupyterlab/statusbar-extension/style/index.js';
import '@jupyterlab/tooltip-extension/style/index.js';
import '@jupyterlab/translation-extension/style/index.js';
import '@jupyterlab/ui-components-extension/style/index.js';

import * as application from '@jupyterlab/application-extension';
import * as apputils from '@jupyterlab/apputils-extension';
import * as codemirror from '@jupyterlab/codemirror-extension';
import * as completer from '@jupyterlab/completer-extension';
import * as docmanager from '@jupyterlab/docmanager-extension';
import * as filebrowser from '@jupyterlab/filebrowser-extension';
import * as launcher from '@jupyterlab/launcher-extension';
import * as mainmenu from '@jupyterlab/mainmenu-extension';
import * as markedparser from '@jupyterlab/markedparser-extension';
import * as mathjax from '@jupyterlab/mathjax-extension';
import * as notebook from '@jupyterlab/notebook-extension';
import * as rendermime from '@jupyterlab/rendermime-extension';
import * as services from '@jupyterlab/services-extension';
import * as shortcuts from '@jupyterlab/shortcuts-extension';
import * as statusbar from '@jupyterlab/statusbar-extension';
import * as themeLight from '@jupyterlab/theme-light-extension';
import * as tooltip from '@jupyterlab/tooltip-extension';
import * as translation from '@jupyterlab/translation-extension';
import * as uiComponents from '@jupyterlab/ui-components-extension';

import * as checks from '../checks.js';

window.kitChecks = checks;  // for lab-app.mjs, which reads the page

window.addEventListener('load', async () => {
  const lab = new JupyterLab();
  const modules = [application, apputils, codemirror, completer, docmanager, filebrowser, launcher, mainmenu,
    markedparser, mathjax, notebook, rendermime, services, shortcuts, statusbar, themeLight, tooltip, translation, uiComponents];
  // Each package's default export is a plugin or a list of them (esbuild's namespaces carry no __esModule).
  // Plugins for features this build leaves out (search, table of contents, language servers, the raw-cell
  // metadata form, consoles and file editors) would fail to activate for want of their packages.
  const leftOut = new Set(['@jupyterlab/notebook-extension:search', '@jupyterlab/notebook-extension:toc',
    '@jupyterlab/notebook-extension:language-server', '@jupyterlab/notebook-extension:update-raw-mimetype',
    '@jupyterlab/tooltip-extension:consoles', '@jupyterlab/tooltip-extension:files']);
  lab.registerPlugins(modules.flatMap((m) => [].concat(m.default)).filter((p) => !leftOut.has(p.id)));
  window.lab = lab;
  await lab.start();
  window.labStarted = true;
});
