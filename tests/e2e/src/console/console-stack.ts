import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { adminUser } from '@reportmail/db';
import { hashPassword } from '@reportmail/secrets';
import { createWebhookReceiver, sparePort, type WebhookReceiver } from '@reportmail/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../docs-screenshots-render.js';
import { createPipeline, type Pipeline } from '../harness.js';

export const ADMIN = { email: 'owner@shop.example', password: 'console-admin-password' };
export const VIEWER = { email: 'clerk@shop.example', password: 'console-viewer-password' };
/** Known to the test so it can make an expired session the API's own way (HS256 with this secret). */
export const JWT_SECRET = 'console-e2e-secret-that-is-long-enough-0123';
/** The generic webhook receiver's signing secret (the console's form is given the same one). */
export const RECEIVER_SECRET = 'console-e2e-webhook-signing-secret-4f1c';
/** Webhooks to the local receivers: plain http on loopback, which the API and mail worker refuse by default. */
const PRIVATE_WEBHOOKS = { ALLOW_PRIVATE_WEBHOOKS: 'true' };

export type ConsoleStack = {
  pipeline: Pipeline;
  baseUrl: string;
  browser: Browser;
  /** Local stand-ins for Slack and a customer's endpoint (this one checks signatures with RECEIVER_SECRET). */
  receivers: { slack: WebhookReceiver; webhook: WebhookReceiver };
  /** A fresh browser context (no cookies) at this width. */
  newPage: (width?: number) => Promise<Page>;
  close: () => Promise<void>;
};

/** Scripts (benchmarks, screenshots) build the console first, as `pnpm test` does before the tests. */
export function buildConsole(): void {
  const build = spawnSync('pnpm', ['build:console'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the console failed (pnpm build:console)');
}

/**
 * The API, scheduler and both workers as real processes over a fresh database, Redis prefix and SMTP sink
 * (SMTP left unconfigured: the tests save it through the console), two webhook receivers on loopback, and
 * Chromium to drive the console.
 */
export async function startConsoleStack(
  chromiumPath: string,
  options: { databaseName?: string } = {},
): Promise<ConsoleStack> {
  const pipeline = await createPipeline({ smtpSettings: false, ...options });
  const port = await sparePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = pipeline.start('api', {
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    COOKIE_SECURE: 'false',
    ALLOW_PRIVATE_SMTP: 'true',
    SENDS_PER_MINUTE: '1000',
    ...PRIVATE_WEBHOOKS,
  });
  const services = [
    api,
    pipeline.start('scheduler'),
    pipeline.start('report-worker'),
    pipeline.start('mail-worker', PRIVATE_WEBHOOKS),
  ];
  await Promise.all([
    api.waitForLog((line) => line.msg === 'api started', 'the API listening'),
    ...services.slice(1).map((service) => service.waitForLog((line) => /started/.test(line.msg ?? ''), 'started')),
  ]);
  // After the API's start, which creates the first admin only in an empty user table.
  await pipeline.database.db
    .insert(adminUser)
    .values({ email: VIEWER.email, passwordHash: await hashPassword(VIEWER.password), role: 'viewer' });
  const receivers = {
    slack: await createWebhookReceiver(),
    webhook: await createWebhookReceiver({ signingSecret: RECEIVER_SECRET }),
  };
  const browser = await launchChromium(chromiumPath);
  return {
    pipeline,
    baseUrl,
    browser,
    receivers,
    newPage: async (width = 1280) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
      return context.newPage();
    },
    close: async () => {
      await browser.close();
      await Promise.all([receivers.slack.close(), receivers.webhook.close()]);
      await pipeline.close();
    },
  };
}

/** Signs in through the console's form and waits for the page it leads to. */
export async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }, path = '/') {
  await page.goto(`${baseUrl}${path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`}`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A session token that expired an hour ago, signed as the API signs (its issuer, audience and key). */
export function expiredSessionToken(user: { id: string; email: string; role: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    ...{ sub: user.id, email: user.email, role: user.role },
    iss: 'reportmail',
    aud: 'reportmail-admin',
  };
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now - 7200, exp: now - 3600 })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
};

/** axe-core's serious and critical violations on the page as it is now (WCAG 2 A/AA rules and best practices). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      ...{ id, impact, help },
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html: html.slice(0, 160), failureSummary })),
    }));
}

/** The message shown beside a labelled input (Mantine links it with aria-describedby), or null. */
export async function fieldError(input: Locator): Promise<string | null> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter((described) => described?.id.endsWith('-error'))
      .map((described) => described?.textContent ?? '')
      .join(' '),
  );
}
