import type { Page } from 'playwright-core';
import { type ApiCall, apiClient, awaitFinalDelivery, seedRecentWeek, smtpToSink } from './console-data.js';
import { ADMIN, type ConsoleStack, RECEIVER_SECRET } from './console-stack.js';

/**
 * What the screens show: a configured shop with a week of takings, two schedules, sent reports, and the
 * weekly schedule's report posted to Slack and a signed webhook too.
 */
export type ConsoleState = { weeklyScheduleId: string; deliveryId: string; slackDeliveryId: string };

export const WEEKLY_SCHEDULE = {
  name: 'Weekly takings',
  enabled: true,
  frequency: 'weekly',
  weekday: 'monday',
  sendTime: '08:00',
  timezone: 'Asia/Manila',
  recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
};

/** Sets the stack up through the API (the browser tests do the same things by hand). */
export async function populateConsole(stack: ConsoleStack): Promise<ConsoleState> {
  await seedRecentWeek(stack.pipeline.database);
  const call = await apiClient(stack.baseUrl, ADMIN);
  await call('PUT', '/v1/smtp-settings', smtpToSink(stack.pipeline.sink));
  const weekly = await call<{ id: string }>('POST', '/v1/schedules', WEEKLY_SCHEDULE);
  await call('POST', '/v1/schedules', {
    ...{ name: 'Daily takings', enabled: false, frequency: 'daily', sendTime: '07:30', timezone: 'Asia/Manila' },
    recipients: { to: ['owner@shop.example'], cc: [], bcc: [] },
  });
  const test = await call<{ deliveryId: string }>('POST', `/v1/schedules/${weekly.id}/test`, {
    to: 'owner@shop.example',
  });
  await awaitFinalDelivery(call, test.deliveryId);
  await addWebhooks(stack, call, weekly.id);
  const run = await call<{ deliveryId: string }>('POST', `/v1/schedules/${weekly.id}/run`);
  await awaitFinalDelivery(call, run.deliveryId);
  const posts = await awaitPosts(call, run.deliveryId, 2);
  const slack = posts.find((post) => post.channel === 'slack');
  return { weeklyScheduleId: weekly.id, deliveryId: run.deliveryId, slackDeliveryId: slack?.id ?? '' };
}

/** The shop's Slack channel and bookkeeping system, both the stack's local receivers. */
async function addWebhooks(stack: ConsoleStack, call: ApiCall, scheduleId: string): Promise<void> {
  await call('POST', `/v1/schedules/${scheduleId}/webhooks`, {
    kind: 'slack',
    label: '#owners on Slack',
    url: `${stack.receivers.slack.url}/services/T0SHOP/B0OWNERS/q8Rk2mXw`,
  });
  await call('POST', `/v1/schedules/${scheduleId}/webhooks`, {
    kind: 'webhook',
    label: 'Bookkeeping system',
    url: `${stack.receivers.webhook.url}/reportmail/hook`,
    signingSecret: RECEIVER_SECRET,
  });
}

type Post = { id: string; channel: string; status: string; reportDeliveryId: string | null };

/** Waits until the report's `count` Slack and webhook posts are final, and returns them. */
export async function awaitPosts(call: ApiCall, reportDeliveryId: string, count: number): Promise<Post[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await call<{ items: Post[] }>('GET', '/v1/deliveries?pageSize=100');
    const posts = page.items.filter((item) => item.reportDeliveryId === reportDeliveryId);
    const final = posts.filter((post) => ['sent', 'failed', 'unknown', 'skipped'].includes(post.status));
    if (final.length >= count) return posts;
    if (Date.now() > deadline) throw new Error(`posts of ${reportDeliveryId}: ${JSON.stringify(posts)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type ConsoleScreen = { name: string; path: (state: ConsoleState) => string; signedOut?: boolean };

/** Every screen of the console, as the screenshots and the accessibility checks visit them. */
export const CONSOLE_SCREENS: ConsoleScreen[] = [
  { name: 'sign-in', path: () => '/sign-in', signedOut: true },
  { name: 'home', path: () => '/' },
  { name: 'smtp', path: () => '/smtp' },
  { name: 'schedules', path: () => '/schedules' },
  { name: 'schedule-editor', path: (state) => `/schedules/${state.weeklyScheduleId}` },
  { name: 'schedule-new', path: () => '/schedules/new' },
  { name: 'deliveries', path: () => '/deliveries' },
  { name: 'delivery-detail', path: (state) => `/deliveries/${state.deliveryId}` },
  { name: 'delivery-slack', path: (state) => `/deliveries/${state.slackDeliveryId}` },
  { name: 'users', path: () => '/users' },
  { name: 'audit', path: () => '/audit' },
  { name: 'account', path: () => '/account' },
];

/** Opens a screen and waits until it is drawn with nothing still loading. */
export async function openScreen(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // The email preview's frame shows a labelled loader (not aria-busy) until it has loaded.
  const loading = '[aria-busy="true"], [aria-label="Loading the email preview"]';
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, loading);
}

/** How far the page spills past the viewport sideways (0 when nothing does). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
