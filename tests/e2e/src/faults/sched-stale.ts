import { type LoggedStatement, logOffset, statementsSince } from './sched-pg-writes.js';
import type { RedisCommand, RedisWrites } from './sched-redis-writes.js';

/** Everything written to PostgreSQL and Redis between a window's opening and its closing. */
export type Recorded = { statements: LoggedStatement[]; commands: RedisCommand[] };

/** Opens a window on both servers' writes; the function it resolves to closes it. */
export async function openWindow(watch: RedisWrites, logFile: string): Promise<() => Promise<Recorded>> {
  const offset = await logOffset(logFile);
  await watch.record();
  return async () => {
    const [commands, statements] = await Promise.all([watch.finish(), statementsSince(logFile, offset)]);
    return { statements, commands };
  };
}

/** What one scheduler process wrote in a window: PostgreSQL statements and Redis write commands. */
export type ProcessWrites = {
  /** Modifying statements it sent to PostgreSQL. */
  statements: LoggedStatement[];
  /** Write commands on its leader lock's keys (a standby's SET NX, which Redis refuses while another holds it). */
  lockWrites: RedisCommand[];
  /** INCR of the fencing counter: only an acquisition that succeeded does that. */
  fencesTaken: number;
  /** Every other write command: job schedulers, jobs, events. */
  queueWrites: RedisCommand[];
  /** Jobs it added (BullMQ's `added` event, written with every new job). */
  jobsQueued: number;
};

/** The names a scheduler process gives its connections (packages/scheduling/src/start.ts). */
export const schedulerName = (pid: number | undefined) => `reportmail-scheduler-${pid}`;

const isOf = (name: string) => (client: string) => client === name || client.startsWith(`${name}-`);

/** `name`'s share of the recorded writes; `lockKey` is the leader lock's key (`<prefix>:scheduler:leader`). */
export function writesOf(name: string, { statements, commands }: Recorded, lockKey: string): ProcessWrites {
  const ours = isOf(name);
  const own = commands.filter((command) => ours(command.client));
  const onLock = (command: RedisCommand) => (command.args[1] ?? '').startsWith(lockKey);
  const queueWrites = own.filter((command) => !onLock(command));
  return {
    statements: statements.filter((statement) => ours(statement.application)),
    lockWrites: own.filter(onLock),
    fencesTaken: own.filter((command) => onLock(command) && command.args[0]?.toLowerCase() === 'incr').length,
    queueWrites,
    jobsQueued: queueWrites.filter(
      (command) => command.args[0]?.toLowerCase() === 'xadd' && command.args.includes('added'),
    ).length,
  };
}

const firstOf = (texts: string[]) => texts.slice(0, 3).join(' | ');

/** Each way the stale leader's writes after waking break fencing (none expected). */
export function fencingViolations(stale: ProcessWrites): string[] {
  const violations: string[] = [];
  const { statements, queueWrites, jobsQueued, fencesTaken } = stale;
  if (statements.length > 0) {
    const sent = firstOf(statements.map((statement) => statement.statement.slice(0, 120)));
    violations.push(`stale leader sent ${statements.length} modifying statements after SIGCONT: ${sent}`);
  }
  if (queueWrites.length > 0) {
    const written = firstOf(queueWrites.map((command) => command.args.slice(0, 3).join(' ')));
    violations.push(`stale leader made ${queueWrites.length} Redis writes (${jobsQueued} jobs queued): ${written}`);
  }
  if (fencesTaken > 0) violations.push(`stale leader took the lock again ${fencesTaken} times`);
  return violations;
}

/** A PostgreSQL and Redis record that saw nothing of the new leader would prove nothing about the stale one. */
export function measurementViolations(current: ProcessWrites): string[] {
  const violations: string[] = [];
  if (current.statements.length === 0)
    violations.push('no statement of the new leader was logged: the PostgreSQL count is blind');
  if (current.lockWrites.length === 0)
    violations.push('no lock renewal of the new leader was seen: the Redis count is blind');
  return violations;
}
