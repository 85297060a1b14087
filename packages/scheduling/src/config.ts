import {
  databaseUrl,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  redisPrefix,
  redisUrl,
  type z,
} from '@reportmail/config';

/** The scheduler's variables: the all-in-one process parses them with the others' in one pass. */
export const schedulerConfigShape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  EVENT_LOOP_STALL_MS: eventLoopStallMs,
  REDIS_PREFIX: redisPrefix,
  /** How long a silent leader keeps the lock: a standby takes over within about this long. */
  LEADER_TTL_MS: envInteger(1_000, 300_000, 15_000),
  /** A full reconcile at least every minute: it repairs whatever a lost change signal left behind. */
  RECONCILE_INTERVAL_MS: envInteger(1_000, 60_000, 60_000),
  /**
   * How long a delivery may sit in one state before the leader's ledger watchdog looks for its job, and
   * queues it again when Redis lost it (checked on every reconcile).
   */
  LEDGER_STALL_MS: envInteger(1_000, 3_600_000, 120_000),
  /** How late a missed run may still be sent once; 0 never catches up. */
  CATCH_UP_WINDOW_HOURS: envInteger(0, 7 * 24, 6),
};

export type SchedulerConfig = z.infer<z.ZodObject<typeof schedulerConfigShape>>;

export function loadSchedulerConfig(source: Record<string, string | undefined> = process.env): SchedulerConfig {
  return loadConfig(schedulerConfigShape, source);
}
