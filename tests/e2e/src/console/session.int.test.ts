// The console's session in a real browser: sign-in, expiry back to where one was, CSRF on cookie writes.
import { adminUser } from '@reportmail/db';
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
});
