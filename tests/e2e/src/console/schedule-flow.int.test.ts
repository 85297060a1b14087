// The shop admin's main path in a real browser against the real API, scheduler and workers: a weekly
// schedule made through the form, its preview, a test email, send now, the delivery log, the delivery's
// workbook, and a resend. Every figure is the seeded week's: ₱7,502.75 from 9 payments.
import { reportSchedule } from '@reportmail/db';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../docs-screenshots-render.js';
import { apiClient, seedRecentWeek, smtpToSink, WEEK_BEFORE_TODAY } from './console-data.js';
import { ADMIN, type ConsoleStack, fieldError, signIn, startConsoleStack } from './console-stack.js';

const chromiumPath = findChromium();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Every numeric cell of a sheet, as the workbook stores it. */
function numbersOf(sheet: ExcelJS.Worksheet | undefined): number[] {
  const numbers: number[] = [];
  sheet?.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') numbers.push(cell.value);
    }),
  );
  return numbers;
}

/**
 * The seeded payments (see seedRecentWeek) in the seven Manila days before the next Monday 08:00 send, as
 * far as they have happened: what the preview of that send shows today, whatever weekday today is.
 */
function nextMondayPreviewTotal(now: Date = new Date()): string {
  const manila = new Date(now.getTime() + 8 * 3_600_000);
  const weekday = (manila.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const beforeSend = manila.getUTCHours() < 8;
  const toMonday = weekday === 0 && beforeSend ? 0 : 7 - weekday;
  const counted = (day: number) => day >= toMonday - 7 && day <= toMonday - 1;
  const cents = [
    ...[-7, -6, -5, -4, -3, -2, -1].filter(counted).map(() => 100_025),
    ...[-1, -3].filter(counted).map(() => 25_050),
    ...(counted(0) ? [999_900] : []),
  ].reduce((sum, amount) => sum + amount, 0);
  const pesos = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `₱${pesos}.${String(cents % 100).padStart(2, '0')}`;
}

async function fillScheduleForm(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Weekly takings');
  await page.getByRole('combobox', { name: 'Frequency' }).click();
  await page.getByRole('option', { name: 'Weekly' }).click();
  await page.getByRole('radiogroup', { name: 'Weekday' }).getByText('Mon', { exact: true }).click();
  await page.getByLabel('Send time, hours').fill('08');
  await page.getByLabel('Send time, minutes').fill('00');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Manila');
  await page.getByRole('option', { name: /^Asia\/Manila/ }).click();
}

describe.skipIf(!chromiumPath)('a schedule, from the form to the inbox', () => {
  let stack: ConsoleStack;
  let page: Page;
  let scheduleId: string;

  beforeAll(async () => {
    stack = await startConsoleStack(chromiumPath as string);
    await seedRecentWeek(stack.pipeline.database);
    const call = await apiClient(stack.baseUrl, ADMIN);
    await call('PUT', '/v1/smtp-settings', smtpToSink(stack.pipeline.sink));
    page = await stack.newPage();
    await signIn(page, stack.baseUrl, ADMIN, '/schedules/new');
  }, 120_000);
  afterAll(() => stack?.close());

  it('refuses an invalid recipient before saving, then saves a weekly Monday 08:00 schedule', async () => {
    await fillScheduleForm(page);
    const to = page.getByRole('combobox', { name: 'To' });
    await to.fill('not-an-address');
    await to.press('Enter');
    await expect.poll(() => fieldError(to)).toMatch(/not-an-address/);
    await to.fill('owner@shop.example');
    await to.press('Enter');
    await page.getByRole('button', { name: 'Save schedule' }).click();
    await page.waitForURL(new RegExp(`/schedules/${UUID}$`));
    scheduleId = page.url().split('/').at(-1) ?? '';
    const rows = await stack.pipeline.database.db.select().from(reportSchedule);
    expect(rows.map((row) => [row.id, row.name, row.frequency, row.weekday, row.sendTime, row.timezone])).toEqual([
      [scheduleId, 'Weekly takings', 'weekly', 'monday', '08:00', 'Asia/Manila'],
    ]);
    expect(rows[0]?.recipientsTo).toEqual(['owner@shop.example']);
  });

  it('previews the email of the next send’s period, with the payments received so far', async () => {
    const preview = page.frameLocator('iframe[title="Email preview"]');
    await expect
      .poll(() => preview.locator('body').textContent(), { timeout: 15_000 })
      .toContain(nextMondayPreviewTotal());
  });

  it('sends a test that arrives with [TEST] and the right figures', async () => {
    await page.getByRole('button', { name: 'Send a test…' }).click();
    await page.getByLabel('Send the test to').fill('me@shop.example');
    await page.getByRole('button', { name: 'Send test', exact: true }).click();
    const [mail] = await stack.pipeline.sink.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(['me@shop.example']);
    expect(mail?.parsed.subject).toMatch(/^\[TEST\] /);
    expect(mail?.parsed.html).toContain(WEEK_BEFORE_TODAY.total);
    expect(mail?.parsed.html).toContain(WEEK_BEFORE_TODAY.repairs);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('sends now; the delivery shows as sent in the log; its workbook holds the total; resend sends again', async () => {
    await page.getByRole('button', { name: 'Send now…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send the report now' });
    await expect.poll(() => dialog.textContent()).toContain('owner@shop.example');
    await dialog.getByRole('button', { name: 'Send now', exact: true }).click();
    await stack.pipeline.sink.waitForMessages(2);

    await page.goto(`${stack.baseUrl}/deliveries?trigger=manual`);
    const sentRow = page.getByRole('row').filter({ hasText: 'Sent' }).filter({ hasText: 'Send now' });
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
        return sentRow.count();
      })
      .toBe(1);
    await sentRow.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/deliveries/${UUID}$`));
    const firstDelivery = page.url();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download workbook (.xlsx)' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await (await download).path());
    expect(numbersOf(workbook.getWorksheet('Summary'))).toContain(7502.75);

    await page.getByRole('button', { name: 'Resend…' }).click();
    await page.getByRole('dialog', { name: 'Resend this report?' }).getByRole('button', { name: 'Resend' }).click();
    await page.waitForURL((url) => new RegExp(`/deliveries/${UUID}$`).test(url.pathname) && url.href !== firstDelivery);
    const received = await stack.pipeline.sink.waitForMessages(3);
    expect(received.map((mail) => mail.envelope.to)).toEqual([
      ['me@shop.example'],
      ['owner@shop.example'],
      ['owner@shop.example'],
    ]);
    await expect.poll(() => page.getByText('Sent', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
