import { delivery, smtpSettings } from '@reportmail/db';
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import {
  createScriptedSmtpServer,
  type ScriptedSmtpServer,
  SMTP_STAGES,
  type SmtpStage,
  type StageScript,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { createPipeline, createSchedule, type Pipeline, queueDaySend } from '../harness.js';
import { emptyResult, type RunResult, type Scenario, type ScenarioOptions } from './scenario.js';

type Outcome = { status: 'sent' | 'failed' | 'unknown'; attempts: number };

/** Retried with backoff: the reply comes on the first two sessions, the third is accepted. */
const RETRIED: Outcome = { status: 'sent', attempts: 3 };
const FAILED_AT_ONCE: Outcome = { status: 'failed', attempts: 1 };
const everyStage = (outcome: Outcome) =>
  Object.fromEntries(SMTP_STAGES.map((stage) => [stage, outcome])) as Record<SmtpStage, Outcome>;

/**
 * README's table of outcomes by SMTP reply (under "Outcomes on the ledger row"): keep the two the same.
 * A trickled reply comes a byte a second, so only a timeout ends it.
 */
export const OUTCOMES = {
  '4xx': everyStage(RETRIED),
  '5xx': everyStage(FAILED_AT_ONCE),
  /** RFC 5321 4.5.3.1.10: a 552 to RCPT is the old "too many recipients", to be treated as 452. */
  '552 at RCPT': RETRIED,
  trickled: {
    /** nodemailer's greeting timer is not restarted by bytes: SMTP_GREETING_TIMEOUT_MS, then retried. */
    greeting: { status: 'sent', attempts: 2 },
    /** Before the data: SMTP_SEND_DEADLINE_MS ends the session, retried. */
    mail: { status: 'sent', attempts: 2 },
    /** After the data: SMTP_SEND_DEADLINE_MS ends it `unknown` (the server has the message), never resent. */
    data: { status: 'unknown', attempts: 1 },
  },
} as const satisfies Record<string, Outcome | Partial<Record<SmtpStage, Outcome>>>;

const REPLIES: Record<number, string> = {
  421: '4.3.2 Service not available, closing transmission channel',
  450: '4.2.1 Mailbox busy, try again later',
  451: '4.3.0 Local error in processing',
  452: '4.3.1 Insufficient system storage',
  454: '4.7.0 Temporary authentication failure',
  500: '5.5.2 Syntax error, command unrecognized',
  501: '5.5.4 Syntax error in parameters or arguments',
  530: '5.7.0 Authentication required',
  535: '5.7.8 Authentication credentials invalid',
  550: '5.7.1 Requested action not taken: mailbox unavailable',
  552: '5.3.4 Requested mail action aborted: exceeded storage allocation',
  554: '5.7.1 Transaction failed',
};

type Case = { script: StageScript; label: string; expected: Outcome };

function replyCase(code: number, stage: SmtpStage): Case {
  const expected =
    code === 552 && stage === 'rcpt' ? OUTCOMES['552 at RCPT'] : OUTCOMES[code < 500 ? '4xx' : '5xx'][stage];
  return { script: { stage, code, text: REPLIES[code] ?? '' }, label: `${code} at ${stage}`, expected };
}

function trickleCase(stage: keyof typeof OUTCOMES.trickled): Case {
  return { script: { stage, trickle: true }, label: `${stage} trickled`, expected: OUTCOMES.trickled[stage] };
}

/** The 12 × 6 replies and the three trickles; the smoke's handful. */
function casesFor(smoke: boolean): Case[] {
  if (smoke) {
    const picked: [number, SmtpStage][] = [
      [421, 'greeting'],
      [450, 'rcpt'],
      [535, 'auth'],
      [554, 'data'],
    ];
    return [...picked.map(([code, stage]) => replyCase(code, stage)), trickleCase('data')];
  }
  const codes = Object.keys(REPLIES).map(Number);
  const replies = codes.flatMap((code) => SMTP_STAGES.map((stage) => replyCase(code, stage)));
  return [...replies, trickleCase('greeting'), trickleCase('mail'), trickleCase('data')];
}

/** Short waits so retries and timeouts take seconds; a byte a second never trips the socket timeout. */
const MAIL_ENV = {
  MAIL_RETRY_DELAY_MS: '200',
  SMTP_GREETING_TIMEOUT_MS: '1500',
  SMTP_SOCKET_TIMEOUT_MS: '2500',
  SMTP_SEND_DEADLINE_MS: '4000',
};
const FINAL = ['sent', 'failed', 'unknown', 'skipped'];
const deliveryIdOf = (messageId: string | undefined) => /^<([0-9a-f-]+)@/.exec(messageId ?? '')?.[1] ?? '';

type Run = { pipeline: Pipeline; server: ScriptedSmtpServer; reports: Queue; scheduleId: string };
type Row = { status: string; attempts: number; errorMessage: string | null };
type CaseResult = { testCase: Case; id: string; row: Row; sessions: { openedAt: number; closedAt: number | null }[] };

/** Polls the ledger row until it is final or `timeoutMs` has passed (then returns it as it is). */
async function finalRow(run: Run, id: string, timeoutMs: number): Promise<Row> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await run.pipeline.database.db
      .select({ status: delivery.status, attempts: delivery.attempts, errorMessage: delivery.errorMessage })
      .from(delivery)
      .where(eq(delivery.id, id));
    if (!row || FINAL.includes(row.status) || Date.now() > deadline)
      return row ?? { status: 'missing', attempts: 0, errorMessage: null };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One delivery whose first session(s) get the case's reply; sessions are counted once all have closed. */
async function runCase(run: Run, testCase: Case, day: string): Promise<CaseResult> {
  const { server } = run;
  const first = server.sessions.length;
  const { expected } = testCase;
  server.script(testCase.script, expected.status === 'sent' ? expected.attempts - 1 : 1);
  const id = await queueDaySend({ db: run.pipeline.database.db, reports: run.reports }, run.scheduleId, day);
  const row = await finalRow(run, id, 60_000);
  // A case that ended early leaves scripts behind: they must not reach the next case.
  server.unscript();
  // Bounded (and the timer cleared): a session left open is reported by its count, not waited on for good.
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise((resolve) => {
    timer = setTimeout(resolve, 10_000);
  });
  await Promise.race([server.waitForClosed(server.sessions.length), bound]).finally(() => clearTimeout(timer));
  return { testCase, id, row, sessions: server.sessions.slice(first) };
}

/** What differs from the table (status, attempts, sessions the server saw, copies it took), in one line. */
function problemsOf(result: CaseResult, copies: number): string[] {
  const { testCase, row, sessions } = result;
  const { expected } = testCase;
  const problems: string[] = [];
  if (row.status !== expected.status || row.attempts !== expected.attempts) {
    problems.push(`${row.status} after ${row.attempts} (table: ${expected.status} after ${expected.attempts})`);
  }
  if (sessions.length !== expected.attempts) problems.push(`${sessions.length} SMTP sessions`);
  const wanted = expected.status === 'failed' ? 0 : 1;
  if (copies !== wanted) problems.push(`${copies} messages accepted (expected ${wanted})`);
  if (problems.length === 0) return [];
  return [`${testCase.label}: ${problems.join('; ')}${row.errorMessage ? ` (${row.errorMessage})` : ''}`];
}

/** How long the first session of a trickle case lasted, against the timeout meant to end it. */
function trickleTiming(result: CaseResult): { note: string; violation?: string } | null {
  const { script } = result.testCase;
  const [session] = result.sessions;
  if (!('trickle' in script) || !session?.closedAt) return null;
  const name = script.stage === 'greeting' ? 'SMTP_GREETING_TIMEOUT_MS' : 'SMTP_SEND_DEADLINE_MS';
  const limit = Number(
    script.stage === 'greeting' ? MAIL_ENV.SMTP_GREETING_TIMEOUT_MS : MAIL_ENV.SMTP_SEND_DEADLINE_MS,
  );
  const lasted = session.closedAt - session.openedAt;
  const note = `${result.testCase.label}: dropped after ${(lasted / 1000).toFixed(1)} s (${name} ${limit})`;
  // The deadline also counts the connect; a session must not end before its limit nor run well past it.
  const ok = lasted >= limit - 500 && lasted <= limit + 1_500;
  return ok ? { note } : { note, violation: `${note}: not the configured timeout` };
}

async function startRun(): Promise<Run> {
  const server = await createScriptedSmtpServer();
  // Under vitest (the smoke version) a clone of the run's template, as every other test.
  const pipeline = await createPipeline(process.env.VITEST ? {} : { databaseName: 'reportmail_faults_smtp' });
  // The pipeline's settings point at its sink: the same login and sender, the scripted server's port.
  await pipeline.database.db.update(smtpSettings).set({ port: server.port });
  const connection = createRedisConnection(pipeline.redis.url, 'worker', { onError: () => undefined });
  const reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
  reports.on('error', () => undefined);
  const scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'SMTP replies' });
  pipeline.start('report-worker');
  pipeline.start('mail-worker', MAIL_ENV);
  return { pipeline, server, reports, scheduleId };
}

async function stopRun(run: Run): Promise<void> {
  await run.reports.close();
  await run.pipeline.close();
  await run.server.close();
}

/** Every case in turn (a session cannot tell which delivery it is for before MAIL), then the tally. */
async function runSmtpReplies(options: ScenarioOptions): Promise<RunResult> {
  const cases = casesFor(options.smoke);
  const run = await startRun();
  try {
    const results: CaseResult[] = [];
    for (const [index, testCase] of cases.entries()) {
      const day = new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
      results.push(await runCase(run, testCase, day));
      if ((index + 1) % 12 === 0) options.log(`${index + 1}/${cases.length} cases done`);
    }
    return tally(results, run.server);
  } finally {
    await stopRun(run);
  }
}

function tally(results: CaseResult[], server: ScriptedSmtpServer): RunResult {
  const copies = new Map<string, number>();
  for (const message of server.accepted) {
    const id = deliveryIdOf(message.messageId);
    copies.set(id, (copies.get(id) ?? 0) + 1);
  }
  const result = emptyResult();
  const failing = new Set<string>();
  for (const outcome of results) {
    const problems = problemsOf(outcome, copies.get(outcome.id) ?? 0);
    const timing = trickleTiming(outcome);
    if (timing) result.notes.push(timing.note);
    if (timing?.violation) problems.push(timing.violation);
    if (problems.length > 0) failing.add(outcome.testCase.label);
    result.violations.push(...problems);
    if (outcome.row.status !== outcome.testCase.expected.status) result.lost += 1;
    if (outcome.row.status === 'unknown') result.unknown += 1;
  }
  result.expected = results.length;
  result.accepted = copies.size;
  result.duplicates = [...copies.values()].reduce((sum, count) => sum + count - 1, 0);
  result.notes.unshift(`${results.length - failing.size}/${results.length} as README's table`);
  return result;
}

export const smtpReplies: Scenario = { id: '7', name: 'SMTP replies at every stage', run: runSmtpReplies };
