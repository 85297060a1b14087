// `pnpm docs:screenshots`: regenerates docs/screenshots/*.png from a fresh demo database — the weekly
// report email at 375 px and 800 px and the workbook's three sheets. Not part of the test suite (it
// needs Chromium, LibreOffice and poppler, which CI does not install).
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recreateMigratedDatabase } from '@reportmail/testing';
import {
  findTools,
  INSTALL_HINT,
  pdfPageSizes,
  rasterisePage,
  screenshotEmail,
  type Tools,
  workbookToPdf,
} from './docs-screenshots-render.js';
import { buildDocsReport, type DocsReport, dropDatabase, seedDemoShop } from './docs-screenshots-report.js';

const HELP = `Usage: pnpm docs:screenshots

Creates a fresh database (reportmail_docs_screenshots on DATABASE_URL's server, dropped afterwards), seeds
the CLI's demo shop, builds the weekly report for Mar 1 – Mar 7, 2026 (Asia/Manila) and writes
docs/screenshots/email-375.png, email-800.png (headless Chromium, full page) and workbook-summary.png,
workbook-sales.png, workbook-repairs.png (LibreOffice → PDF → pdftoppm; the detail sheets cut to ~40 rows).
Needs chromium (or CHROMIUM_PATH), soffice, pdftoppm and pdfinfo.
${INSTALL_HINT}`;

const OUT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const DATABASE_NAME = 'reportmail_docs_screenshots';

/** 110 dpi makes LibreOffice's 10 pt cell text about as large as a spreadsheet shows it on screen. */
const SHEET_DPI = 110;
/** About 40 rows of a detail sheet: enough to show the layout, small enough (< 400 KB) for the README. */
const SHEET_MAX_HEIGHT_PX = 900;
const SHEETS = ['summary', 'sales', 'repairs'] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void say(HELP);
  const tools = findTools();
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const workDir = await mkdtemp(join(tmpdir(), 'reportmail-docs-'));
  try {
    const report = await demoReport(adminUrl);
    say(`report: ${report.email.subject} (${report.rows} detail rows, ${report.filename})`);
    await mkdir(OUT_DIR, { recursive: true });
    await screenshotEmail(tools.chromium, report.email.html, [
      { width: 375, path: join(OUT_DIR, 'email-375.png') },
      { width: 800, path: join(OUT_DIR, 'email-800.png') },
    ]);
    const xlsxPath = join(workDir, report.filename);
    await writeFile(xlsxPath, report.workbook);
    await screenshotSheets(tools, xlsxPath, workDir);
    for (const name of ['email-375', 'email-800', ...SHEETS.map((sheet) => `workbook-${sheet}`)]) {
      const { size } = await stat(join(OUT_DIR, `${name}.png`));
      say(`wrote docs/screenshots/${name}.png (${Math.round(size / 1024)} KB)`);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
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
