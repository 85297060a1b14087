// `pnpm bench:console`: what the web console costs a browser: the JavaScript the home screen loads
// (gzipped, as served) and the time from navigation to a usable home screen on loopback.
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { apiClient, seedRecentWeek, smtpToSink } from './console/console-data.js';
import { ADMIN, buildConsole, startConsoleStack } from './console/console-stack.js';
import { findChromium } from './docs-screenshots-render.js';

const HELP = `Usage: pnpm bench:console [--runs 5]

Builds the console, starts the API, scheduler and workers over the database reportmail_bench_console on
DATABASE_URL's server (recreated), seeds a week of payments and a schedule, signs in once, then over --runs
fresh browser contexts (empty HTTP cache) measures:
  - initial JavaScript: every script the browser loads for the home screen, gzipped (limit 250 KB);
  - home usable: navigation start to the home screen drawn with no part still loading (limit 1 s).
Needs Debian's chromium (or CHROMIUM_PATH).`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

type Load = { ms: number; scripts: { url: string; gzip: number }[]; cssGzip: number };

/** One cold load of the home screen: what it fetched and when it became usable. */
async function loadHome(page: Page, baseUrl: string): Promise<Load> {
  const scripts: { url: string; gzip: number }[] = [];
  let cssGzip = 0;
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript|css/.test(type)) return;
    const gzip = gzipSync(await response.body()).length;
    if (type.includes('css')) cssGzip += gzip;
    else scripts.push({ url: new URL(response.url()).pathname, gzip });
  });
  const started = Date.now();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  return { ms, scripts, cssGzip };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, help: { type: 'boolean' } } });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs: expected 1 … 50');
  const chromium = findChromium();
  if (!chromium) throw new Error('chromium is missing (apt install chromium, or set CHROMIUM_PATH)');
  buildConsole();

  const stack = await startConsoleStack(chromium, { databaseName: 'reportmail_bench_console' });
  try {
    await seedRecentWeek(stack.pipeline.database);
    const call = await apiClient(stack.baseUrl, ADMIN);
    await call('PUT', '/v1/smtp-settings', smtpToSink(stack.pipeline.sink));
    await call('POST', '/v1/schedules', {
      ...{ name: 'Weekly takings', enabled: true, frequency: 'weekly', weekday: 'monday', sendTime: '08:00' },
      ...{ timezone: 'Asia/Manila', recipients: { to: ['owner@shop.example'] } },
    });
    const signedIn = await stack.newPage();
    await signedIn.goto(`${stack.baseUrl}/sign-in`);
    await signedIn.getByLabel('Email').fill(ADMIN.email);
    await signedIn.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await signedIn.getByRole('button', { name: 'Sign in' }).click();
    await signedIn.waitForURL(`${stack.baseUrl}/`);
    const storageState = await signedIn.context().storageState();
    const loads: Load[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await stack.browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      loads.push(await loadHome(await context.newPage(), stack.baseUrl));
      await context.close();
    }
    const first = loads[0] as Load;
    const jsGzip = first.scripts.reduce((sum, script) => sum + script.gzip, 0);
    process.stdout.write(
      [
        `Home screen scripts (${first.scripts.length} files):`,
        ...first.scripts.map((script) => `  ${kb(script.gzip).padStart(9)}  ${script.url}`),
        `Initial JavaScript, gzipped: ${kb(jsGzip)} (limit 250 KB)   CSS, gzipped: ${kb(first.cssGzip)}`,
        `Home usable (cold cache), ${runs} runs: ${loads.map((load) => `${load.ms} ms`).join(', ')}`,
        `  median ${median(loads.map((load) => load.ms))} ms (limit 1000 ms)`,
        '',
      ].join('\n'),
    );
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:console: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
