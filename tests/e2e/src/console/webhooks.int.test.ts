// A schedule's Slack and webhooks in a real browser against the real API and workers: the API's refusal
// of a bad URL beside its input, a signed webhook and a Slack webhook added through the form, "Send test"
// to each (local receivers stand in for Slack and the shop's system), a report sent now posted to both,
// its Slack row in the delivery log and "Post again"; a viewer sees the list and nothing to change.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../docs-screenshots-render.js';
import { type ApiCall, apiClient, awaitFinalDelivery, seedRecentWeek, smtpToSink } from './console-data.js';
import { awaitPosts, WEEKLY_SCHEDULE } from './console-screens.js';
import {
  ADMIN,
  type ConsoleStack,
  fieldError,
  RECEIVER_SECRET,
  signIn,
  startConsoleStack,
  VIEWER,
} from './console-stack.js';

const chromiumPath = findChromium();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe.skipIf(!chromiumPath)('a schedule’s Slack and webhooks', () => {
  let stack: ConsoleStack;
  let call: ApiCall;
  let page: Page;
  let scheduleId: string;

  const addDialog = () => page.getByRole('dialog', { name: 'Add Slack or a webhook' });
  /**
   * Opens the add dialog. Right after signing in the page may still render again (the session, the
   * schedule), which closes a dialog opened in that moment: the click is repeated until the dialog is up.
   */
  const openAddDialog = async () => {
    await expect
      .poll(async () => {
        if (!(await addDialog().isVisible())) await page.getByRole('button', { name: 'Add Slack or webhook…' }).click();
        return addDialog().getByRole('combobox', { name: 'Kind' }).isVisible();
      })
      .toBe(true);
  };
  const chooseKind = async (kind: string) => {
    await addDialog().getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: kind, exact: true }).click();
  };

  beforeAll(async () => {
    stack = await startConsoleStack(chromiumPath as string);
    await seedRecentWeek(stack.pipeline.database);
    call = await apiClient(stack.baseUrl, ADMIN);
    await call('PUT', '/v1/smtp-settings', smtpToSink(stack.pipeline.sink));
    scheduleId = (await call<{ id: string }>('POST', '/v1/schedules', WEEKLY_SCHEDULE)).id;
    page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN, `/schedules/${scheduleId}`);
  }, 120_000);
  afterAll(() => stack?.close());

  it('shows the API’s refusal of a bad URL on the URL input, then adds the signed webhook once corrected', async () => {
    await openAddDialog();
    await chooseKind('Webhook (signed JSON)');
    await addDialog().getByRole('textbox', { name: 'Label' }).fill('Bookkeeping');
    const url = addDialog().getByRole('textbox', { name: 'URL' });
    await url.fill('books.shop.example/hook');
    await addDialog().getByLabel('Signing secret', { exact: true }).fill(RECEIVER_SECRET);
    await addDialog().getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => fieldError(url)).toMatch(/https URL/);
    expect(await call('GET', `/v1/schedules/${scheduleId}/webhooks`)).toEqual({ items: [] });

    await url.fill(`${stack.receivers.webhook.url}/reportmail`);
    await addDialog().getByRole('button', { name: 'Add webhook' }).click();
    await addDialog().waitFor({ state: 'hidden' });
    const card = page.getByRole('article', { name: 'Bookkeeping' });
    await card.getByRole('button', { name: 'Send test' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Test posted.*answered HTTP 200$/);
    expect(stack.receivers.webhook.received.map((request) => [request.method, request.signatureValid])).toEqual([
      ['POST', true],
    ]);
  });

  it('adds a Slack webhook; Send test posts exactly one message with a text to it and says so', async () => {
    await openAddDialog();
    await chooseKind('Slack');
    await addDialog().getByRole('textbox', { name: 'Label' }).fill('#owners');
    await addDialog().getByRole('textbox', { name: 'URL' }).fill(`${stack.receivers.slack.url}/services/T0/B0/c0nsole`);
    await addDialog().getByRole('button', { name: 'Add webhook' }).click();
    await addDialog().waitFor({ state: 'hidden' });

    const card = page.getByRole('article', { name: '#owners' });
    await expect.poll(() => card.textContent()).toContain(`${stack.receivers.slack.url}/…sole`);
    await card.getByRole('button', { name: 'Send test' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/^Test posted.*answered HTTP 200$/);
    const received = stack.receivers.slack.received;
    expect(received.map((request) => [request.method, request.path])).toEqual([['POST', '/services/T0/B0/c0nsole']]);
    expect(JSON.parse(received[0]?.body ?? '{}')).toEqual({ text: expect.stringContaining('Weekly takings') });
  });

  it('posts a report sent now to both; the log shows its Slack row, whose detail posts it again', async () => {
    const run = await call<{ deliveryId: string }>('POST', `/v1/schedules/${scheduleId}/run`);
    await awaitFinalDelivery(call, run.deliveryId);
    const posts = await awaitPosts(call, run.deliveryId, 2);
    expect(posts.map((post) => [post.channel, post.status]).sort()).toEqual([
      ['slack', 'sent'],
      ['webhook', 'sent'],
    ]);

    await page.goto(`${stack.baseUrl}/deliveries?channel=slack`);
    const row = page.getByRole('row').filter({ hasText: '#owners' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Bookkeeping' }).count()).toBe(0);
    await row.getByRole('link').first().click();
    const slackPost = posts.find((post) => post.channel === 'slack');
    await page.waitForURL(`${stack.baseUrl}/deliveries/${slackPost?.id}`);
    await expect.poll(() => page.getByText('HTTP 200', { exact: true }).count()).toBe(1);
    const report = page.getByRole('link', { name: 'The email delivery of this report' });
    expect(await report.getAttribute('href')).toBe(`/deliveries/${run.deliveryId}`);
    expect(await page.getByRole('region', { name: 'Recipients' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'The email as it was sent' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Post again…' }).click();
    await page
      .getByRole('dialog', { name: 'Post this report again?' })
      .getByRole('button', { name: 'Post again' })
      .click();
    await page.waitForURL(
      (url) => new RegExp(`/deliveries/${UUID}$`).test(url.pathname) && !url.href.includes(slackPost?.id ?? '-'),
    );
    const [, , again] = await stack.receivers.slack.waitForRequests(3);
    expect(JSON.parse(again?.body ?? '{}').text).toContain('Weekly');
    await expect.poll(() => page.getByText('HTTP 200', { exact: true }).count()).toBe(1);
    expect(stack.pipeline.sink.received).toHaveLength(1);
  });

  it('shows a viewer the webhooks with nothing to change', async () => {
    const viewer = await stack.newPage();
    await signIn(viewer, stack.baseUrl, VIEWER, `/schedules/${scheduleId}`);
    const section = viewer.getByRole('region', { name: 'Slack and webhooks' });
    await expect.poll(() => section.getByRole('article').count()).toBe(2);
    expect(await section.getByRole('article', { name: '#owners' }).textContent()).toContain('On');
    expect([await section.getByRole('button').count(), await section.getByRole('switch').count()]).toEqual([0, 0]);
    await viewer.context().close();
  });
});
