// `pnpm docs:screenshots`: regenerates docs/screenshots/*.png from a fresh demo database — the weekly
// report email at 320 px, 375 px and 800 px and the workbook's three sheets. Not part of the test suite (it
// needs Chromium, LibreOffice and poppler, which CI does not install).
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recreateMigratedDatabase } from '@reportmail/testing';
import { screenshotConsole } from './docs-screenshots-console.js';
import {
  findChromium,
  findTools,
  INSTALL_HINT,
  pdfPageSizes,
  rasterisePage,
  screenshotEmail,
  type Tools,
  workbookToPdf,
} from './docs-screenshots-render.js';
import { buildDocsReport, type DocsReport, dropDatabase, seedDemoShop } from './docs-screenshots-report.js';

const HELP = `Usage: pnpm docs:screenshots [--email-only | --console-only]

Creates a fresh database (reportmail_docs_screenshots on DATABASE_URL's server, dropped afterwards), seeds
the CLI's demo shop, builds the weekly report for Mar 1 – Mar 7, 2026 (Asia/Manila) and writes
docs/screenshots/email-320.png, email-375.png, email-800.png (headless Chromium, full page; fails if the
email is wider than the screen) and workbook-summary.png, workbook-sales.png, workbook-repairs.png
(LibreOffice → PDF → pdftoppm; the detail sheets cut to ~40 rows).
Needs chromium (or CHROMIUM_PATH), soffice, pdftoppm and pdfinfo; --email-only takes the email pictures
alone and needs only chromium.
It also writes console-<screen>-375.png and -1280.png for every screen of the web console, from the real
API, scheduler and workers over reportmail_docs_console (recreated); --console-only takes those alone.
${INSTALL_HINT}`;

const OUT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const DATABASE_NAME = 'reportmail_docs_screenshots';

/** 110 dpi makes LibreOffice's 10 pt cell text about as large as a spreadsheet shows it on screen. */
const SHEET_DPI = 110;
/** About 40 rows of a detail sheet: enough to show the layout, small enough (< 400 KB) for the README. */
const SHEET_MAX_HEIGHT_PX = 900;
const SHEETS = ['summary', 'sales', 'repairs'] as const;
/** Smallest phones still in use (iPhone SE 1st gen, small Androids), a common phone, a desktop reading pane. */
const EMAIL_WIDTHS = [320, 375, 800] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void say(HELP);
  const emailOnly = process.argv.includes('--email-only');
  const consoleOnly = process.argv.includes('--console-only');
  const tools = emailOnly || consoleOnly ? undefined : findTools();
  const chromiumPath = tools?.chromium ?? findChromium();
  if (!chromiumPath) throw new Error(`missing chromium (or CHROMIUM_PATH).\n${INSTALL_HINT}`);
  await mkdir(OUT_DIR, { recursive: true });
  if (!emailOnly) await reportWritten(await screenshotConsole(chromiumPath, OUT_DIR));
  if (consoleOnly) return;
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const workDir = await mkdtemp(join(tmpdir(), 'reportmail-docs-'));
  try {
    const report = await demoReport(adminUrl);
    say(`report: ${report.email.subject} (${report.rows} detail rows, ${report.filename})`);
    const shots = EMAIL_WIDTHS.map((width) => ({ width, path: join(OUT_DIR, `email-${width}.png`) }));
    await screenshotEmail(chromiumPath, report.email.html, shots);
    const names = EMAIL_WIDTHS.map((width) => `email-${width}`);
    if (tools) {
      const xlsxPath = join(workDir, report.filename);
      await writeFile(xlsxPath, report.workbook);
      await screenshotSheets(tools, xlsxPath, workDir);
      names.push(...SHEETS.map((sheet) => `workbook-${sheet}`));
    }
    await reportWritten(names);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function reportWritten(names: string[]): Promise<void> {
  for (const name of names) {
    const { size } = await stat(join(OUT_DIR, `${name}.png`));
    say(`wrote docs/screenshots/${name}.png (${Math.round(size / 1024)} KB)`);
  }
}

/** The week's report from a database of its own, dropped afterwards (recreated from scratch every run). */
async function demoReport(adminUrl: string): Promise<DocsReport> {
  say(`creating ${DATABASE_NAME} and seeding the demo shop (3,000 payments)…`);
  try {
    const databaseUrl = await recreateMigratedDatabase(adminUrl, DATABASE_NAME);
    await seedDemoShop(databaseUrl);
    return await buildDocsReport(databaseUrl);
  } finally {
    await dropDatabase(adminUrl, DATABASE_NAME);
  }
}

/** LibreOffice prints the sheets in workbook order, one page each; anything else means the export changed. */
async function screenshotSheets(tools: Tools, xlsxPath: string, workDir: string): Promise<void> {
  say('rendering the workbook with LibreOffice…');
  const pdfPath = await workbookToPdf(tools, xlsxPath, workDir);
  const sizes = await pdfPageSizes(tools, pdfPath);
  if (sizes.length !== SHEETS.length) {
    throw new Error(`expected ${SHEETS.length} PDF pages (one per sheet), LibreOffice produced ${sizes.length}`);
  }
  for (const [index, sheet] of SHEETS.entries()) {
    const size = sizes[index] as { width: number; height: number };
    const path = join(OUT_DIR, `workbook-${sheet}.png`);
    await rasterisePage(tools, pdfPath, { page: index + 1, size, path, maxHeightPx: SHEET_MAX_HEIGHT_PX }, SHEET_DPI);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
