import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createDelayWindow } from './delay-window.js';
import { KILLER_SOURCE, type KillerData } from './killer-source.js';

/** The few logger methods the watchdog uses (a pino Logger fits). */
export type WatchdogLogger = { warn: (details: object, message: string) => void };

export type EventLoopWatchdogOptions = {
  /** Named in the fatal log line. */
  service: string;
  /** How long the main loop may go without turning before the process is killed. */
  stallMs: number;
  logger: WatchdogLogger;
  /** How far back eventLoopDelay() looks (default 10 s). */
  windowMs?: number;
};

export type EventLoopDelay = {
  /** The longest the event loop was kept from turning within the last `windowMs`, in whole ms. */
  maxMs: number;
  windowMs: number;
};

export type EventLoopWatchdog = {
  eventLoopDelay(): EventLoopDelay;
  /** Ends the heartbeat and the watchdog thread (at shutdown: a stopping process may take its time). */
  stop(): Promise<void>;
};

/**
 * The heartbeat period: short enough that a measured delay is within 100 ms of the real one, and a
 * fifth of the stall limit at most, so a few late beats never look like a stall.
 */
const beatMsFor = (stallMs: number) => Math.max(1, Math.min(100, Math.floor(stallMs / 5)));

/**
 * Watches the main event loop from a thread of its own. The main thread bumps a shared counter on an
 * unref'd timer and measures how late each beat comes (eventLoopDelay, for /health); the thread kills
 * the process with SIGKILL once the counter has not moved for `stallMs`, because a process stuck in a
 * synchronous loop answers nothing, ignores SIGTERM and, being alive, is never restarted.
 */
export function startEventLoopWatchdog(options: EventLoopWatchdogOptions): EventLoopWatchdog {
  const { service, stallMs, logger, windowMs = 10_000 } = options;
  const beatMs = beatMsFor(stallMs);
  const beats = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const delays = createDelayWindow(windowMs);
  let due = performance.now() + beatMs;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    delays.record(now, now - due);
    due = now + beatMs;
    Atomics.add(beats, 0, 1);
  }, beatMs);
  // Neither the timer nor the thread may keep a process alive that has nothing else to do.
  heartbeat.unref();
  const stopKiller = startKiller({ beats, stallMs, checkMs: beatMs, service }, logger);
  let stopped: Promise<void> | undefined;
  return {
    eventLoopDelay() {
      const now = performance.now();
      // A beat overdue right now is a block that just ended: its timer has not had its turn yet.
      const overdue = stopped ? 0 : now - due;
      return { maxMs: Math.round(Math.max(delays.max(now), overdue, 0)), windowMs };
    },
    stop() {
      clearInterval(heartbeat);
      stopped ??= stopKiller();
      return stopped;
    },
  };
}

/** Starts the watchdog thread; returns what ends it. */
function startKiller(data: KillerData, logger: WatchdogLogger): () => Promise<void> {
  // No execArgv: the thread's code is plain CommonJS and needs none of the process's loaders (tsx).
  const worker = new Worker(KILLER_SOURCE, { eval: true, workerData: data, execArgv: [] });
  worker.unref();
  let ended = false;
  worker.on('error', (error) => {
    ended = true;
    logger.warn({ err: error }, 'event loop watchdog failed: running without it');
  });
  worker.on('exit', (code) => {
    if (!ended) logger.warn({ code }, 'event loop watchdog thread ended: running without it');
  });
  return async () => {
    ended = true;
    await worker.terminate();
  };
}
