import type { ServiceProcess } from '@reportmail/testing';
import { byDeadline, startFaultStack } from './fault-stack.js';
import type { RunResult, Scenario, ScenarioOptions } from './scenario.js';

type KillPoint = 'random moment' | 'during DATA' | 'after the 250';
const KILL_POINTS: KillPoint[] = ['random moment', 'during DATA', 'after the 250'];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** True when `event` happens within `ms`, false when it does not (the work may be all done). */
const within = async (event: Promise<unknown>, ms: number) =>
  (await byDeadline(
    event.then(() => true),
    Date.now() + ms,
  )) ?? false;

/**
 * Scenario 1: the mail worker SIGKILLed over and over while 200 deliveries go out, each time at a point
 * picked at random (any moment after it started: connecting, composing, between sends; as the server
 * takes the message data; 0–20 ms after the server accepted a message), and started again at once. One
 * send at a time per worker, so each kill lands inside a send more often than between sends.
 */
async function runMailKills(options: ScenarioOptions): Promise<RunResult> {
  const deliveries = options.smoke ? 15 : 200;
  const kills = options.smoke ? 3 : 50;
  const stack = await startFaultStack({ env: { MAIL_CONCURRENCY: '1' } });
  try {
    stack.start('scheduler');
    stack.start('report-worker');
    const ids = await stack.queueSends(deliveries);
    const { sink } = stack.pipeline;
    const tally = new Map<KillPoint, number>();
    const recoveryMs: number[] = [];
    let worker: ServiceProcess = stack.start('mail-worker');
    for (let kill = 0; kill < kills; kill += 1) {
      const point = pick(KILL_POINTS);
      const happened = await killAt(point, worker, sink);
      if (!happened) break;
      const killedAt = Date.now();
      await worker.kill();
      tally.set(point, (tally.get(point) ?? 0) + 1);
      worker = stack.start('mail-worker');
      const accepted = sink.received.length;
      if (await within(sink.waitForMessages(accepted + 1), 60_000)) {
        recoveryMs.push((sink.received.at(-1)?.receivedAt ?? killedAt) - killedAt);
      }
    }
    options.log(`kills: ${[...tally].map(([point, count]) => `${count} ${point}`).join(', ')}`);
    const { unknownAccepted, ...counts } = await stack.settle(ids, Date.now() + 180_000);
    const total = [...tally.values()].reduce((sum, count) => sum + count, 0);
    const violations: string[] = [];
    if (counts.lost > 0) violations.push(`${counts.lost} deliveries lost`);
    if (counts.duplicates > 0) violations.push(`${counts.duplicates} messages sent twice`);
    if (total < kills) violations.push(`only ${total} of ${kills} kills landed before the work ran out`);
    return {
      ...counts,
      recoveryMs,
      notes: [
        `${total} kills (${KILL_POINTS.map((point) => `${tally.get(point) ?? 0} ${point}`).join(', ')}); ${unknownAccepted} of ${counts.unknown} unknown had in fact reached the server (the kill fell after the message's last byte, before the ledger's write), none sent again; recovery: kill → next accepted`,
      ],
      violations,
    };
  } finally {
    await stack.close();
  }
}

/** Waits for the kill point (bounded); false when no more sends came to reach it. */
async function killAt(
  point: KillPoint,
  worker: ServiceProcess,
  sink: {
    attempts: () => number;
    received: unknown[];
    waitForAttempts: (n: number) => Promise<void>;
    waitForMessages: (n: number) => Promise<unknown>;
  },
): Promise<boolean> {
  if (point === 'random moment') {
    await worker.waitForLog((line) => line.msg === 'mail worker started', 'its start');
    await pause(Math.random() * 400);
    return true;
  }
  if (point === 'during DATA') return within(sink.waitForAttempts(sink.attempts() + 1), 30_000);
  const reached = await within(sink.waitForMessages(sink.received.length + 1), 30_000);
  if (reached) await pause(Math.random() * 20);
  return reached;
}

export const mailWorkerKills: Scenario = {
  id: '1',
  name: 'Mail worker SIGKILLed 50 times over 200 sends',
  run: runMailKills,
};
