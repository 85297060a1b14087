import { join } from 'node:path';
import { CONSOLE_SCREENS, openScreen, populateConsole, sidewaysOverflow } from './console/console-screens.js';
import { ADMIN, buildConsole, signIn, startConsoleStack } from './console/console-stack.js';

/** A phone and a laptop: the widths the console is checked at. */
export const CONSOLE_WIDTHS = [375, 1280] as const;

/**
 * docs/screenshots/console-<screen>-<width>.png for every screen, from a stack of its own over the database
 * reportmail_docs_console (recreated) with a week of takings, two schedules and two sent reports.
 */
export async function screenshotConsole(chromiumPath: string, outDir: string): Promise<string[]> {
  buildConsole();
  const stack = await startConsoleStack(chromiumPath, { databaseName: 'reportmail_docs_console' });
  const written: string[] = [];
  try {
    const state = await populateConsole(stack);
    for (const width of CONSOLE_WIDTHS) {
      const signedIn = await stack.newPage(width);
      await signIn(signedIn, stack.baseUrl, ADMIN);
      for (const screen of CONSOLE_SCREENS) {
        const page = screen.signedOut ? await stack.newPage(width) : signedIn;
        await openScreen(page, stack.baseUrl, screen.path(state));
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) throw new Error(`${screen.name} spills ${overflow} px sideways at ${width} px`);
        const name = `console-${screen.name}-${width}`;
        // A full-page capture leaves a sandboxed (out-of-process) email frame blank below the fold: the
        // window is made as tall as the page instead, so everything is on screen when it is taken.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width, height });
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.screenshot({ path: join(outDir, `${name}.png`) });
        await page.setViewportSize({ width, height: 900 });
        written.push(name);
        if (screen.signedOut) await page.context().close();
      }
      await signedIn.context().close();
    }
  } finally {
    await stack.close();
  }
  return written;
}
