// Turns the docs report into pictures: the email HTML in headless Chromium (playwright-core drives the
// system's browser, it downloads none) and each workbook sheet through LibreOffice's own renderer (PDF,
// one page per sheet) rasterised by poppler's pdftoppm, so the sheets look as a spreadsheet app draws them.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';

const run = promisify(execFile);

export const INSTALL_HINT =
  'On Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium libreoffice-calc-nogui poppler-utils fonts-dejavu-core fonts-crosextra-carlito';

export type Tools = { chromium: string; soffice: string; pdftoppm: string; pdfinfo: string };

/** Launch flags that keep a headless Chromium quiet and offline on a server (no sandbox: runs as root in CI-like boxes). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function findOnPath(names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return undefined;
}

/** CHROMIUM_PATH, else a Chromium or Chrome on PATH. */
export function findChromium(): string | undefined {
  return process.env.CHROMIUM_PATH || findOnPath(['chromium', 'chromium-browser', 'google-chrome']);
}

/** The external programs, or one error naming every missing one and the packages that provide them. */
export function findTools(): Tools {
  const found = {
    chromium: findChromium(),
    soffice: findOnPath(['soffice', 'libreoffice']),
    pdftoppm: findOnPath(['pdftoppm']),
    pdfinfo: findOnPath(['pdfinfo']),
  };
  const missing = Object.entries(found)
    .filter(([, path]) => !path)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')} (chromium may also be given as CHROMIUM_PATH).\n${INSTALL_HINT}`);
  }
  return found as Tools;
}

/** Chromium through playwright-core; each launch gets a fresh temporary profile, removed on close. */
export function launchChromium(chromiumPath: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** `html` in a page `width` px wide, like a mail client's reading pane; nothing may load from outside. */
export async function openEmail(browser: Browser, html: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  // The email references nothing external; any request would be a bug, so none is allowed out.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/**
 * How wide the laid-out email is: more than the viewport means it scrolls sideways. (A string
 * expression: this package compiles without the DOM types.)
 */
export async function contentWidth(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth'));
}

/**
 * Full-page screenshots of `html`, one per viewport width. Fails on an email wider than its viewport:
 * a full-page shot grows to the content's width, so the spill would otherwise go unseen.
 */
export async function screenshotEmail(
  chromiumPath: string,
  html: string,
  shots: { width: number; path: string }[],
): Promise<void> {
  const browser = await launchChromium(chromiumPath);
  try {
    for (const shot of shots) {
      const page = await openEmail(browser, html, shot.width);
      const width = await contentWidth(page);
      if (width > shot.width) throw new Error(`at ${shot.width} px the email is ${width} px wide (scrolls sideways)`);
      await page.screenshot({ path: shot.path, fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/**
 * The workbook as a PDF with each sheet on one page sized to its used range (LibreOffice 7.4+ takes
 * export options as JSON on the command line), converted with a profile of its own so a running
 * LibreOffice of the user's neither blocks nor changes it.
 */
export async function workbookToPdf(tools: Tools, xlsxPath: string, workDir: string): Promise<string> {
  const options = JSON.stringify({ SinglePageSheets: { type: 'boolean', value: 'true' } });
  await run(
    tools.soffice,
    [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(workDir, 'lo-profile')).href}`,
      '--convert-to',
      `pdf:calc_pdf_Export:${options}`,
      '--outdir',
      workDir,
      xlsxPath,
    ],
    { timeout: 180_000 },
  );
  return join(workDir, basename(xlsxPath).replace(/\.xlsx$/, '.pdf'));
}

/** Page sizes in points, in page order (pdfinfo prints `Page    2 size: 612 x 7020 pts`). */
export async function pdfPageSizes(tools: Tools, pdfPath: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run(tools.pdfinfo, ['-f', '1', '-l', '999', pdfPath]);
  return [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
    width: Number(match[1]),
    height: Number(match[2]),
  }));
}

export type PageShot = { page: number; size: { width: number; height: number }; path: string; maxHeightPx: number };

/** One PDF page as a PNG at `dpi`, cut to its top `maxHeightPx` (a long detail sheet shows its first rows). */
export async function rasterisePage(tools: Tools, pdfPath: string, shot: PageShot, dpi: number): Promise<void> {
  const widthPx = Math.ceil((shot.size.width * dpi) / 72);
  const heightPx = Math.min(Math.ceil((shot.size.height * dpi) / 72), shot.maxHeightPx);
  const page = String(shot.page);
  // Crop from the top-left corner (pdftoppm's -x/-y default to 0); no output root: the PNG goes to stdout.
  const args = ['-f', page, '-l', page, '-r', String(dpi), '-W', String(widthPx), '-H', String(heightPx)];
  const { stdout } = await run(tools.pdftoppm, [...args, '-png', pdfPath], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  await writeFile(shot.path, stdout);
}
