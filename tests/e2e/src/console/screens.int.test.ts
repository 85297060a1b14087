// Every screen of the console at a phone's and a laptop's width: axe-core finds no serious or critical
// violation, nothing spills sideways; a viewer sees no write control anywhere.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../docs-screenshots-render.js';
import {
  CONSOLE_SCREENS,
  type ConsoleState,
  openScreen,
  populateConsole,
  sidewaysOverflow,
} from './console-screens.js';
import { ADMIN, type ConsoleStack, seriousAxeViolations, signIn, startConsoleStack, VIEWER } from './console-stack.js';

const chromiumPath = findChromium();
const WIDTHS = [375, 1280] as const;
/** The names of controls that change something: none may be on a viewer's screen. */
const WRITE_CONTROL =
  /^(save|save schedule|new schedule|delete|delete…|send now…|send a test…|resend…|post again…|verify|add user|reset password…|disable|enable|fill in these settings|add slack or webhook…|send test|edit…|remove…)$/i;

describe.skipIf(!chromiumPath)('every console screen', () => {
  let stack: ConsoleStack;
  let state: ConsoleState;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    stack = await startConsoleStack(chromiumPath as string);
    state = await populateConsole(stack);
    for (const width of WIDTHS) {
      for (const user of [ADMIN, VIEWER]) {
        const page = await stack.newPage(width);
        await signIn(page, stack.baseUrl, user);
        pages.set(`${user.email}@${width}`, page);
      }
    }
  }, 180_000);
  afterAll(() => stack?.close());

  const cases = WIDTHS.flatMap((width) => CONSOLE_SCREENS.map((screen) => ({ width, screen })));

  it.each(cases)(
    '$screen.name at $width px: no serious accessibility violation, nothing spills sideways',
    async ({ width, screen }) => {
      const page = screen.signedOut ? await stack.newPage(width) : (pages.get(`${ADMIN.email}@${width}`) as Page);
      await openScreen(page, stack.baseUrl, screen.path(state));
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      if (screen.signedOut) await page.context().close();
    },
  );

  // My account stays writable for a viewer (their own password); filters are not writes.
  const viewerScreens = CONSOLE_SCREENS.filter((screen) => !screen.signedOut && screen.name !== 'account');
  const FORMS = new Set(['smtp', 'schedule-editor']);

  it.each(viewerScreens)('a viewer sees no write control on $name', async (screen) => {
    const page = pages.get(`${VIEWER.email}@1280`) as Page;
    await openScreen(page, stack.baseUrl, screen.path(state));
    const controls = await page
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((button) => (button.textContent ?? '').trim()));
    expect(controls.filter((name) => WRITE_CONTROL.test(name))).toEqual([]);
    if (FORMS.has(screen.name)) {
      const editable = page.locator('input:not([disabled]):not([readonly]):not([type=hidden]), textarea');
      expect(await editable.count()).toBe(0);
    }
  });
});
