// The mail server form in a real browser against the real API: a wrong port gets the API's hint beside the
// Port field; the right settings verify and save, and the mail worker then sends through them.
import { smtpSettings } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../docs-screenshots-render.js';
import { ADMIN, type ConsoleStack, fieldError, signIn, startConsoleStack } from './console-stack.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('the mail server form', () => {
  let stack: ConsoleStack;
  beforeAll(async () => {
    stack = await startConsoleStack(chromiumPath as string);
  }, 120_000);
  afterAll(() => stack?.close());

  it('shows the hint beside the field, then verifies and saves the right settings', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN, '/smtp');
    await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await page.getByRole('radiogroup', { name: 'Security' }).getByText('None').click();
    await page.getByLabel('Port', { exact: true }).fill('1');
    await page.getByLabel('Username', { exact: true }).fill('reports@shop.example');
    await page.getByRole('textbox', { name: 'Password' }).fill('sink-password');
    await page.getByLabel('From address', { exact: true }).fill('reports@shop.example');
    await page.getByLabel('From name', { exact: true }).fill('Shop Reports');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => fieldError(page.getByLabel('Port', { exact: true })))
      .toBe(
        'Nothing accepts connections on 127.0.0.1:1: check the host and the port (port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)).',
      );
    expect(await fieldError(page.getByLabel('Host', { exact: true }))).toBeNull();

    await page.getByLabel('Port', { exact: true }).fill(String(stack.pipeline.sink.port));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count()).toBe(1);
    expect(await fieldError(page.getByLabel('Port', { exact: true }))).toBeNull();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Reports now go out through this mail server.').count()).toBe(1);
    const saved = await stack.pipeline.database.db.select().from(smtpSettings);
    expect(
      saved.map(({ host, port, security, username, fromAddress, fromName }) => ({
        ...{ host, port, security, username, fromAddress, fromName },
      })),
    ).toEqual([
      {
        ...{ host: '127.0.0.1', port: stack.pipeline.sink.port, security: 'none' },
        ...{ username: 'reports@shop.example', fromAddress: 'reports@shop.example', fromName: 'Shop Reports' },
      },
    ]);
    expect(stack.pipeline.sink.logins.at(-1)).toEqual({ username: 'reports@shop.example', password: 'sink-password' });
    await page.context().close();
  });
});
