import type { Page } from 'playwright-core';
import { apiClient, awaitFinalDelivery, seedRecentWeek, smtpToSink } from './console-data.js';
import { ADMIN, type ConsoleStack } from './console-stack.js';

/** What the screens show: a configured shop with a week of takings, two schedules and sent reports. */
export type ConsoleState = { weeklyScheduleId: string; deliveryId: string };

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
  const run = await call<{ deliveryId: string }>('POST', `/v1/schedules/${weekly.id}/run`);
  await awaitFinalDelivery(call, run.deliveryId);
  return { weeklyScheduleId: weekly.id, deliveryId: run.deliveryId };
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
  { name: 'users', path: () => '/users' },
  { name: 'audit', path: () => '/audit' },
  { name: 'account', path: () => '/account' },
];

/** Opens a screen and waits until it is drawn with nothing still loading. */
export async function openScreen(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
}

/** How far the page spills past the viewport sideways (0 when nothing does). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
