import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CONSOLE_SCREENS, openScreen, populateConsole, sidewaysOverflow } from './console/console-screens.js';
import { ADMIN, buildConsole, type ConsoleStack, signIn, startConsoleStack } from './console/console-stack.js';

/** A phone and a laptop: the widths the console is checked at. */
export const CONSOLE_WIDTHS = [375, 1280] as const;

/** Parts of a screen also taken alone (console-<name>-<width>.png): the region's accessible name. */
const PARTS = [{ screen: 'schedule-editor', name: 'schedule-webhooks', region: 'Slack and webhooks' }];

/**
 * The stack's webhooks post to local http receivers; the pictures show the hints a real Slack URL and the
 * shop's own https endpoint give (`https://hooks.slack.com/…/2mXw`), as the API writes them.
 */
async function publicUrlHints(stack: ConsoleStack): Promise<void> {
  const slack = 'https://hooks.slack.com/…/2mXw';
  const books = 'https://books.shop.example/…/hook';
  await stack.pipeline.database.sql`
    update reportmail.schedule_webhook set url_hint = case when kind = 'slack' then ${slack} else ${books} end`;
}

/** The parts of the screen on the page taken alone, while the whole page is on screen. */
async function screenshotParts(page: Page, screen: string, width: number, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const part of PARTS.filter((candidate) => candidate.screen === screen)) {
    const name = `console-${part.name}-${width}`;
    await page.getByRole('region', { name: part.region }).screenshot({ path: join(outDir, `${name}.png`) });
    written.push(name);
  }
  return written;
}

/**
 * docs/screenshots/console-<screen>-<width>.png for every screen, from a stack of its own over the database
 * reportmail_docs_console (recreated) with a week of takings, two schedules, two sent reports and the
 * weekly one's posts to Slack and a webhook; and console-schedule-webhooks-<width>.png, that section alone.
 */
export async function screenshotConsole(chromiumPath: string, outDir: string): Promise<string[]> {
  buildConsole();
  const stack = await startConsoleStack(chromiumPath, { databaseName: 'reportmail_docs_console' });
  const written: string[] = [];
  try {
    const state = await populateConsole(stack);
    await publicUrlHints(stack);
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
        written.push(name, ...(await screenshotParts(page, screen.name, width, outDir)));
        await page.setViewportSize({ width, height: 900 });
        if (screen.signedOut) await page.context().close();
      }
      await signedIn.context().close();
    }
  } finally {
    await stack.close();
  }
  return written;
}
