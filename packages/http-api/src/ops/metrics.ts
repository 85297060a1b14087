import { type Database, delivery, deliveryChannel, deliveryStatus, deliveryTrigger } from '@reportmail/db';
import type { Queue } from 'bullmq';
import { count } from 'drizzle-orm';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** Every state a BullMQ job can be in (BullMQ 6 `JobState`). */
const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const;

/** Durations are summarised over the ledger rows of this window, read at scrape time. */
const DURATION_WINDOW_HOURS = 24;
const DURATION_QUANTILES = [0.5, 0.9, 0.99, 1] as const;

type MetricsDeps = { database: Database; queues: Queue[] };

/**
 * A registry of this app instance's own (never prom-client's global one, so apps and tests do not
 * clash). Everything but the process metrics is read at scrape time: the ledger (PostgreSQL) and the
 * queues (Redis) are shared by every instance, so any instance answers the same numbers.
 */
export function createMetricsRegistry(deps: MetricsDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerDeliveryCounts(registry, deps.database);
  registerQueueDepths(registry, deps.queues);
  registerDurations(registry, deps.database, {
    name: 'reportmail_generation_duration_seconds',
    help: 'Report generation time (generated_at - generation_started_at) of reports generated in the last 24 hours',
    samplesName: 'reportmail_generations_last_24h',
    samplesHelp: 'Reports generated (stored and moved to sending or skipped) in the last 24 hours',
    query: generationDurations,
  });
  registerDurations(registry, deps.database, {
    name: 'reportmail_send_duration_seconds',
    help: 'SMTP time of the successful attempt (sent_at - attempted_at) of emails sent in the last 24 hours',
    samplesName: 'reportmail_sends_last_24h',
    samplesHelp: 'Report emails sent in the last 24 hours',
    query: sendDurations,
  });
  return registry;
}

function registerDeliveryCounts(registry: Registry, database: Database): void {
  new Gauge({
    name: 'reportmail_deliveries',
    help: 'Rows of the delivery ledger by status, trigger and channel (every combination, zeros included)',
    labelNames: ['status', 'trigger', 'channel'],
    registers: [registry],
    async collect() {
      const rows = await database.db
        .select({ status: delivery.status, trigger: delivery.trigger, channel: delivery.channel, count: count() })
        .from(delivery)
        .groupBy(delivery.status, delivery.trigger, delivery.channel);
      this.reset();
      for (const status of deliveryStatus.enumValues) {
        for (const trigger of deliveryTrigger.enumValues) {
          for (const channel of deliveryChannel.enumValues) {
            const row = rows.find((r) => r.status === status && r.trigger === trigger && r.channel === channel);
            this.set({ status, trigger, channel }, row?.count ?? 0);
          }
        }
      }
    },
  });
}

function registerQueueDepths(registry: Registry, queues: Queue[]): void {
  new Gauge({
    name: 'reportmail_queue_jobs',
    help: 'Jobs per BullMQ queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const depths = await Promise.all(queues.map((queue) => queue.getJobCounts(...QUEUE_STATES)));
      this.reset();
      queues.forEach((queue, index) => {
        for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, depths[index]?.[state] ?? 0);
      });
    },
  });
}

type DurationSummary = { quantiles: number[] | null; samples: number };
type DurationMetric = {
  name: string;
  help: string;
  samplesName: string;
  samplesHelp: string;
  query: (database: Database) => Promise<DurationSummary>;
};

/**
 * Quantile gauges (not a histogram: the values are recomputed from the ledger on every scrape, so
 * they are not monotonic counters). No quantile series while the window holds no sample.
 */
function registerDurations(registry: Registry, database: Database, metric: DurationMetric): void {
  new Gauge({
    name: metric.name,
    help: metric.help,
    labelNames: ['quantile'],
    registers: [registry],
    async collect() {
      const { quantiles } = await metric.query(database);
      this.reset();
      DURATION_QUANTILES.forEach((quantile, index) => {
        const value = quantiles?.[index];
        if (value !== undefined) this.set({ quantile: String(quantile) }, value);
      });
    },
  });
  // Its own (cheap) query: the registry collects every metric concurrently, so gauges cannot share one.
  new Gauge({
    name: metric.samplesName,
    help: metric.samplesHelp,
    registers: [registry],
    async collect() {
      this.set((await metric.query(database)).samples);
    },
  });
}

const generationDurations = (database: Database) =>
  durationSummary(
    database,
    'generated_at - generation_started_at',
    `generated_at is not null and generation_started_at is not null and generated_at >= now() - make_interval(hours => ${DURATION_WINDOW_HOURS})`,
  );

const sendDurations = (database: Database) =>
  durationSummary(
    database,
    'sent_at - attempted_at',
    `channel = 'email' and status = 'sent' and attempted_at is not null and sent_at >= now() - make_interval(hours => ${DURATION_WINDOW_HOURS})`,
  );

async function durationSummary(database: Database, interval: string, where: string): Promise<DurationSummary> {
  // Fixed SQL fragments of this module only: nothing here comes from a request.
  const [row] = await database.sql.unsafe<{ quantiles: number[] | null; samples: number }[]>(
    `select percentile_cont(array[${DURATION_QUANTILES.join(',')}]::float8[])
              within group (order by extract(epoch from ${interval})::float8) as quantiles,
            count(*)::int as samples
       from reportmail.delivery where ${where}`,
  );
  return { quantiles: row?.quantiles ?? null, samples: row?.samples ?? 0 };
}
