// Starting and stopping a Jupyter server on 127.0.0.1 for the JupyterLab tests, and the browser.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// Runs `python ARGS… --ServerApp.…` in its own process group (stopping it stops its kernels), with its
// runtime and config folders inside ROOT so no user setting leaks in; output is collected into LOG.
export function startServer(args, { root, port, token, env = {}, log }) {
  const python = process.env.JUPYTER_PYTHON || '/usr/bin/python3';
  const server = spawn(python, [...args, '--ServerApp.ip=127.0.0.1', `--ServerApp.port=${port}`,
    '--ServerApp.port_retries=0', `--ServerApp.token=${token}`, '--ServerApp.open_browser=False',
    `--ServerApp.root_dir=${root}`, ...(process.getuid() === 0 ? ['--ServerApp.allow_root=True'] : [])], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, JUPYTER_RUNTIME_DIR: join(root, '.runtime'), JUPYTER_CONFIG_DIR: join(root, '.config'), ...env },
  });
  server.stdout.on('data', (d) => log.push(d.toString()));
  server.stderr.on('data', (d) => log.push(d.toString()));
  return server;
}

export async function waitForServer(server, url, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the Jupyter server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the Jupyter server did not answer in time');
}

export async function stopServer(server) {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
