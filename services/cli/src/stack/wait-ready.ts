import { setTimeout as delay } from 'node:timers/promises';
import type { Env } from './stack-env.js';

/** Polls the API's /ready until it answers 200 (PostgreSQL, Redis and migrations checked by the API itself). */
export async function waitForApiReady(baseUrl: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!signal.aborted) {
    const ready = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (reply) => reply.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`the API did not answer ${baseUrl}/ready within ${timeoutMs / 1000} s`);
    await delay(250, undefined, { signal }).catch(() => {});
  }
}

export type HealthWatch = {
  /** The API's /health where it listens (not PUBLIC_URL: a proxy in front may not route from here). */
  url: string;
  intervalMs: number;
  /** A probe not answered within this counts as failed. */
  timeoutMs: number;
  /** Failed probes in a row that make the API unresponsive. */
  failures: number;
};

/** Where the API of this environment listens, from this machine (HOST, PORT as the API reads them). */
export function apiListenUrl(env: Env): string {
  const host = env.HOST?.trim() || '127.0.0.1';
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${env.PORT?.trim() || '3000'}`;
}

/** /health where the API listens (never PUBLIC_URL: the probe asks this process, not a proxy). */
export const apiHealthUrl = (env: Env): string => `${apiListenUrl(env)}/health`;

export const HEALTH_PROBE_AGENT = 'reportmail-supervisor';

/** One probe: null when /health answered 200, else why not (the API's own words for a 503). */
export async function probeHealth(url: string, timeoutMs: number): Promise<string | null> {
  try {
    // Named, so that the API can leave these probes out of its request log.
    const headers = { 'user-agent': HEALTH_PROBE_AGENT };
    const reply = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const text = await reply.text();
    if (reply.ok) return null;
    const message = (() => {
      try {
        return String((JSON.parse(text) as { message?: unknown }).message ?? '');
      } catch {
        return '';
      }
    })();
    return `HTTP ${reply.status}${message ? `: ${message.slice(0, 200)}` : ''}`;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return typeof code === 'string' ? `no answer (${code})` : 'no answer';
  }
}

export type Unresponsive = { reason: string; silentMs: number };

/** Until its first answer the API is looked at more often, so that the watch starts as it comes up. */
const STARTING_POLL_MS = 500;

/**
 * Probes /health every `intervalMs` and resolves once it has failed `failures` times in a row, with the
 * last reason and how long since it last answered; undefined when `signal` aborts (the process ended).
 * Failures count only after a first answer: a starting API is the start-up checks' business, and one
 * that blocks before it listens is killed by its own event-loop watchdog.
 */
export async function watchApiHealth(watch: HealthWatch, signal: AbortSignal): Promise<Unresponsive | undefined> {
  let lastAnswer: number | undefined;
  let failed = 0;
  while (!signal.aborted) {
    const probedAt = Date.now();
    const reason = await probeHealth(watch.url, watch.timeoutMs);
    if (signal.aborted) return undefined;
    if (reason === null) {
      lastAnswer = Date.now();
      failed = 0;
    } else if (lastAnswer !== undefined && ++failed >= watch.failures) {
      return { reason, silentMs: Date.now() - lastAnswer };
    }
    // Probes start every interval (a slow failure does not stretch the cadence).
    const interval = lastAnswer === undefined ? Math.min(STARTING_POLL_MS, watch.intervalMs) : watch.intervalMs;
    await delay(Math.max(0, probedAt + interval - Date.now()), undefined, { signal }).catch(() => {});
  }
  return undefined;
}
