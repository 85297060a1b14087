import { delivery } from '@reportmail/db';
import { createWebhookReceiver, type ServiceProcess, type WebhookReceiver } from '@reportmail/testing';
import { inArray } from 'drizzle-orm';
import { addWebhooks } from '../harness.js';
import { type FaultStack, startFaultStack } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';

const SIGNING_SECRET = 'whsec-faults-2d7e9a1c5b3f8e04';
const FINAL = ['sent', 'failed', 'unknown', 'skipped'];
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Receivers = { slack: WebhookReceiver; hook: WebhookReceiver | null; hookPort: number };

/**
 * Scenario 11: every report also goes to Slack and to a signed webhook. The webhook's receiver is down
 * (connection refused) for the first seconds of the run and the mail worker is SIGKILLed now and then;
 * Slack's answers never come for the first two posts. Rules: every webhook row ends `sent` once the
 * receiver is back, each with a valid signature; a receiver may see a repeat only under a row id it
 * already took (the X-Reportmail-Delivery it drops); Slack is never posted twice for a row (the two
 * unanswered ones end `unknown`).
 */
async function runWebhookOutage(options: ScenarioOptions): Promise<RunResult> {
  const sends = options.smoke ? 8 : 60;
  const downMs = options.smoke ? 3_000 : 15_000;
  const kills = options.smoke ? 1 : 4;
  const stack = await startFaultStack({
    env: { ALLOW_PRIVATE_WEBHOOKS: 'true', WEBHOOK_RETRY_DELAY_MS: '500', WEBHOOK_TIMEOUT_MS: '2000' },
  });
  const receivers = await startReceivers(stack);
  try {
    stack.start('report-worker');
    let worker: ServiceProcess = stack.start('mail-worker');
    receivers.slack.script(['hang', 'hang']);
    const startedAt = Date.now();
    const reportIds = await stack.queueSends(sends);
    for (let kill = 0; kill < kills; kill += 1) {
      await pause(downMs / (kills + 1));
      await worker.kill();
      worker = stack.start('mail-worker');
    }
    await pause(Math.max(0, startedAt + downMs - Date.now()));
    await untilRefused(stack, Math.ceil(sends / 2), Date.now() + 120_000);
    receivers.hook = await createWebhookReceiver({ signingSecret: SIGNING_SECRET, port: receivers.hookPort });
    const backAt = Date.now();
    options.log(`webhook receiver back after ${backAt - startedAt} ms, ${kills} mail worker kills`);
    const rows = await settleWebhookRows(stack, reportIds, Date.now() + 180_000);
    return tally(receivers, { reportIds, rows, backAt, kills });
  } finally {
    await Promise.all([receivers.slack.close(), receivers.hook?.close()]);
    await stack.close();
  }
}

async function startReceivers(stack: FaultStack): Promise<Receivers> {
  const slack = await createWebhookReceiver();
  const probe = await createWebhookReceiver();
  const hookPort = Number(new URL(probe.url).port);
  await probe.close();
  await addWebhooks(stack.pipeline, stack.scheduleId, [
    { kind: 'slack', label: '#owners', url: `${slack.url}/services/T/B/x` },
    { kind: 'webhook', label: 'Books', url: `http://127.0.0.1:${hookPort}/in`, signingSecret: SIGNING_SECRET },
  ]);
  return { slack, hook: null, hookPort };
}

/** Keeps the receiver down until `count` webhook rows have had an attempt refused (or the deadline passes). */
async function untilRefused(stack: FaultStack, count: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const [row] = await stack.pipeline.database.sql<{ refused: number }[]>`
      select count(*)::int as refused from reportmail.delivery
      where channel = 'webhook' and attempts >= 1 and error_message like '%ECONNREFUSED%'`;
    if ((row?.refused ?? 0) >= count) return;
    await pause(250);
  }
}

type WebhookRow = { id: string; channel: string; status: string; sentAt: Date | null; attempts: number };

/** Polls until every report has its two webhook rows and all are final (or the deadline passes). */
async function settleWebhookRows(stack: FaultStack, reportIds: string[], deadline: number): Promise<WebhookRow[]> {
  for (;;) {
    const rows = await stack.pipeline.database.db
      .select({
        id: delivery.id,
        channel: delivery.channel,
        status: delivery.status,
        sentAt: delivery.sentAt,
        attempts: delivery.attempts,
      })
      .from(delivery)
      .where(inArray(delivery.reportDeliveryId, reportIds));
    const settled = rows.length === reportIds.length * 2 && rows.every((row) => FINAL.includes(row.status));
    if (settled || Date.now() > deadline) return rows;
    await pause(250);
  }
}

function tally(
  receivers: Receivers,
  run: { reportIds: string[]; rows: WebhookRow[]; backAt: number; kills: number },
): RunResult {
  const hookRows = run.rows.filter((row) => row.channel === 'webhook');
  const slackRows = run.rows.filter((row) => row.channel === 'slack');
  const requests = receivers.hook?.received ?? [];
  const byRow = new Map<string, number>();
  for (const request of requests) {
    const id = String(request.headers['x-reportmail-delivery']);
    byRow.set(id, (byRow.get(id) ?? 0) + 1);
  }
  const duplicates = [...byRow.values()].reduce((sum, count) => sum + count - 1, 0);
  const slackAnswered = slackRows.filter((row) => row.status === 'sent' || row.status === 'unknown').length;
  const violations: string[] = [];
  const notSent = hookRows.filter((row) => row.status !== 'sent').length;
  if (hookRows.length !== run.reportIds.length)
    violations.push(`${hookRows.length} webhook rows for ${run.reportIds.length} reports`);
  if (notSent > 0) violations.push(`${notSent} webhook rows not sent`);
  if (requests.some((request) => request.signatureValid !== true))
    violations.push('a webhook request with a bad signature');
  if ([...byRow.keys()].some((id) => !hookRows.some((row) => row.id === id)))
    violations.push('a request under an unknown row id');
  if (receivers.slack.received.length !== slackAnswered) {
    violations.push(`${receivers.slack.received.length} Slack posts for ${slackAnswered} rows sent or unknown`);
  }
  const lastSent = Math.max(...hookRows.map((row) => row.sentAt?.getTime() ?? 0));
  const retried = hookRows.filter((row) => row.attempts > 1).length;
  return {
    expected: hookRows.length + slackRows.length,
    accepted: byRow.size + slackRows.filter((row) => row.status === 'sent').length,
    duplicates,
    lost: run.rows.filter((row) => row.status !== 'sent' && row.status !== 'unknown').length,
    unknown: run.rows.filter((row) => row.status === 'unknown').length,
    recoveryMs: [lastSent - run.backAt],
    notes: [
      `${retried} of ${hookRows.length} webhook rows retried while the receiver was down; ${duplicates} repeats reached the receiver, each under a row id it had taken (dropped by X-Reportmail-Delivery); ${receivers.slack.received.length} Slack posts for ${slackRows.length} rows (${slackRows.length - slackAnswered} not reached, the unanswered ones unknown, none posted twice); ${run.kills} mail worker kills; every signature valid; recovery: receiver back → last webhook row sent`,
    ],
    violations,
  };
}

export const webhookOutage: Scenario = {
  id: '11',
  name: 'Webhook receiver down, Slack silent, mail worker killed',
  run: runWebhookOutage,
};
