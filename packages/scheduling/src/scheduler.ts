import { EventEmitter } from 'node:events';
import type { Db } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import { QUEUES, scheduleRepeatStrategy, subscribeScheduleChanges } from '@reportmail/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type CatchUpOutcome, enqueueMissedRuns } from './catch-up.js';
import { createLeadership, type Leadership } from './leadership.js';
import { type Redriven, redriveStalledDeliveries } from './ledger-watchdog.js';
import { createCoalescer, createSerialRunner } from './serial-runner.js';
import { type SyncOutcome, syncSchedules } from './sync.js';

export type SchedulerDeps = {
  db: Db;
  /** Commands: the Queue and the leader lock. */
  connection: Redis;
  /** Change signals only: a subscribed connection can run nothing else. */
  subscriber: Redis;
  /** The BullMQ prefix; the lock and the change channel live under it too. */
  prefix: string;
  logger: Logger;
  leaderTtlMs: number;
  reconcileIntervalMs: number;
  catchUpWindowMs: number;
  /** How long to gather a burst of change signals into one sync. */
  changeDelayMs?: number;
  /** How long a delivery may sit in one state before the ledger watchdog looks for its job. */
  ledgerStallMs?: number;
};

export type SchedulerEvents = {
  leadership: [isLeader: boolean, fence: number | null];
  synced: [outcome: SyncOutcome];
  'caught-up': [outcome: CatchUpOutcome];
  redriven: [deliveries: Redriven[]];
  failed: [error: unknown];
};

export type Scheduler = {
  queue: Queue;
  /** What happened, for tests and metrics: wait on these instead of on time. */
  events: EventEmitter<SchedulerEvents>;
  isLeader: () => boolean;
  start: () => Promise<void>;
  /** Stops timers and signals, lets a running sync finish, releases the lock, closes the Queue. */
  stop: () => Promise<void>;
};

type ReconcileDeps = SchedulerDeps & {
  queue: Queue;
  mailQueue: Queue;
  leadership: Leadership;
  events: EventEmitter<SchedulerEvents>;
};

const DEFAULT_CHANGE_DELAY_MS = 250;

/**
 * One scheduler instance. All instances compete for the leader lock; standbys only keep trying. The
 * leader reconciles (sync, then catch-up) when it takes over, on change signals, and on an interval
 * that repairs whatever a lost signal or a Redis restart left behind.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const logger = deps.logger.child({ component: 'scheduler' });
  const events = new EventEmitter<SchedulerEvents>();
  const queue = createReportQueue(deps, logger);
  // The watchdog's only use of it: a `send-email` job lost with Redis is queued again from the ledger.
  const mailQueue = new Queue(QUEUES.mail, { connection: deps.connection, prefix: deps.prefix });
  mailQueue.on('error', (error) => logger.warn({ err: error }, 'queue error'));
  let reconcileTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;
  let stopping = false;

  const onLeadership = (isLeader: boolean, fence: number | null) => {
    logger.info({ fence }, isLeader ? 'became the leader' : 'no longer the leader');
    clearInterval(reconcileTimer);
    events.emit('leadership', isLeader, fence);
    if (!isLeader || stopping) return;
    reconcileTimer = setInterval(runner.request, deps.reconcileIntervalMs);
    runner.request();
  };
  const leadership = createLeadership({
    redis: deps.connection,
    key: `${deps.prefix}:scheduler:leader`,
    ttlMs: deps.leaderTtlMs,
    logger,
    onChange: onLeadership,
  });
  const isLeader = () => !stopping && leadership.lock().isLeader();
  const runner = createSerialRunner(
    () => (isLeader() ? reconcile({ ...deps, logger, queue, mailQueue, leadership, events }) : Promise.resolve()),
    (error) => {
      logger.error({ err: error }, 'reconcile failed; the next one retries');
      events.emit('failed', error);
    },
  );
  const changes = createCoalescer(deps.changeDelayMs ?? DEFAULT_CHANGE_DELAY_MS, runner.request);
  const onChangeSignal = () => isLeader() && changes.trigger();

  return {
    queue,
    events,
    isLeader,
    start: async () => {
      unsubscribe = await subscribeScheduleChanges(deps.subscriber, deps.prefix, onChangeSignal);
      await leadership.start();
    },
    stop: async () => {
      stopping = true;
      clearInterval(reconcileTimer);
      changes.cancel();
      await unsubscribe?.().catch((error: unknown) => logger.warn({ err: error }, 'unsubscribe failed'));
      await runner.idle();
      await leadership.stop();
      await Promise.all([queue.close(), mailQueue.close()]);
    },
  };
}

/** The queue scheduled runs go to; its repeat strategy computes each next run in the schedule's zone. */
function createReportQueue(deps: SchedulerDeps, logger: Logger): Queue {
  const queue = new Queue(QUEUES.reports, {
    connection: deps.connection,
    prefix: deps.prefix,
    settings: { repeatStrategy: scheduleRepeatStrategy },
  });
  queue.on('error', (error) => logger.warn({ err: error }, 'queue error'));
  return queue;
}

/**
 * Sync, then (only if the sync was accepted) catch-up and the ledger watchdog; a sync refused by PostgreSQL
 * may renew the fence.
 */
async function reconcile(deps: ReconcileDeps): Promise<void> {
  const lock = deps.leadership.lock();
  const logger = deps.logger.child({ fence: lock.fence() });
  const synced = await syncSchedules({ db: deps.db, queue: deps.queue, lock, logger });
  deps.events.emit('synced', synced);
  if (synced.outcome === 'stale' && synced.storedFence !== undefined) {
    await deps.leadership.recoverFence(synced.storedFence);
  }
  if (synced.outcome !== 'synced') return;
  const caughtUp = await enqueueMissedRuns({
    db: deps.db,
    queue: deps.queue,
    lock,
    logger,
    windowMs: deps.catchUpWindowMs,
  });
  deps.events.emit('caught-up', caughtUp);
  const redriven = await redriveStalledDeliveries({
    db: deps.db,
    reports: deps.queue,
    mail: deps.mailQueue,
    lock,
    logger,
    now: new Date(),
    stallMs: deps.ledgerStallMs,
  });
  deps.events.emit('redriven', redriven);
}
