// The console in a real browser: sign-in (by keyboard alone too), expiry back to where one was, CSRF on
// cookie writes, and the first-run checklist removing the demo's data.
import { adminUser, DEMO_SCHEDULE_NAME, reportSchedule } from '@reportmail/db';
import { createShopFactory } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../docs-screenshots-render.js';
import { ADMIN, type ConsoleStack, expiredSessionToken, signIn, startConsoleStack } from './console-stack.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the console session in Chromium', () => {
  let stack: ConsoleStack;
  beforeAll(async () => {
    stack = await startConsoleStack(chromiumPath as string);
  }, 120_000);
  afterAll(() => stack?.close());

  it('signs in, and a wrong password says so without leaving the page', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/`, { waitUntil: 'commit' });
    await page.waitForURL(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password');
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.baseUrl}/`);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain(`${ADMIN.email} · admin`);
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, path, httpOnly, sameSite }) => ({ name, path, httpOnly, sameSite }))).toEqual([
      { name: 'reportmail_session', path: '/', httpOnly: true, sameSite: 'Strict' },
      { name: 'reportmail_csrf', path: '/', httpOnly: false, sameSite: 'Strict' },
    ]);
    await page.context().close();
  });

  it('an expired session goes to sign-in, then back to the page and its filters', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN);
    const [admin] = await stack.pipeline.database.db.select().from(adminUser).where(eq(adminUser.email, ADMIN.email));
    const expired = expiredSessionToken({ id: admin?.id ?? '', email: ADMIN.email, role: 'admin' });
    // Off the console first: its background refresh would meet the expired session and leave on its own.
    await page.goto('about:blank');
    await page.context().addCookies([{ name: 'reportmail_session', value: expired, url: stack.baseUrl }]);
    // The page sends itself to sign-in as it loads: wait for the response, not for a load that is cut short.
    await page.goto(`${stack.baseUrl}/deliveries?status=sent`, { waitUntil: 'commit' });
    await page.waitForURL(`${stack.baseUrl}/sign-in?next=${encodeURIComponent('/deliveries?status=sent')}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.baseUrl}/deliveries?status=sent`);
    await page.context().close();
  });

  it('a cookie-authenticated write without the CSRF token is refused; with it, it is taken', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN);
    const post = (withToken: boolean) =>
      page.evaluate(async (sendToken) => {
        const token = document.cookie.match(/reportmail_csrf=([^;]+)/)?.[1] ?? '';
        const response = await fetch('/v1/schedules', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(sendToken ? { 'x-csrf-token': token } : {}) },
          body: JSON.stringify({ name: 'Made by a script in the page', frequency: 'daily' }),
        });
        return { status: response.status, error: ((await response.json()) as { error?: string }).error ?? null };
      }, withToken);
    expect(await post(false)).toEqual({ status: 403, error: 'CSRF_REJECTED' });
    expect(await post(true)).toEqual({ status: 201, error: null });
    await page.context().close();
  });

  it('the session opens Bull Board and Swagger UI too, and the old sign-in address leads to the console', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/admin/queues`, { waitUntil: 'commit' });
    await page.waitForURL(`${stack.baseUrl}/sign-in?next=${encodeURIComponent('/admin/queues')}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.baseUrl}/admin/queues`);
    await expect.poll(() => page.title()).toBe('reportmail queues');
    const me = await page.evaluate(async () => (await fetch('/v1/me')).status);
    expect(me).toBe(200);
    await page.context().close();
  });

  it('works from the keyboard alone: sign in and reach a screen', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('Email').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.baseUrl}/`);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Mail server') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.baseUrl}/smtp`);
    await page.getByRole('heading', { name: 'Mail server', level: 1 }).waitFor();
    await page.context().close();
  });

  it('the first-run checklist removes the demo’s data for an admin', async () => {
    const { db, sql } = stack.pipeline.database;
    await db.insert(reportSchedule).values({ name: DEMO_SCHEDULE_NAME, frequency: 'daily' });
    await createShopFactory(sql).createSale({ payments: [{ amount: '10.00', paidAt: new Date().toISOString() }] });
    const page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN);
    await page.getByRole('button', { name: 'Remove demo data…' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the demo data?' })
      .getByRole('button', { name: 'Remove demo data' })
      .click();
    await expect.poll(() => page.getByText('Demo data removed').count()).toBe(1);
    const schedules = await db.select({ name: reportSchedule.name }).from(reportSchedule);
    expect(schedules.map((row) => row.name)).not.toContain(DEMO_SCHEDULE_NAME);
    const [sales] = await sql<{ n: number }[]>`select count(*)::int as n from sale`;
    expect(sales?.n).toBe(0);
    await expect.poll(() => page.getByText('Demo data present').count()).toBe(0);
    await page.context().close();
  });
});
