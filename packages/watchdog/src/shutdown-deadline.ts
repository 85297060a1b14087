import type { WatchdogLogger } from './watchdog.js';

export type ShutdownDeadline = { cancel: () => void };

/**
 * Bounds a graceful stop. A worker told to stop finishes its current jobs, but a job can outlast any
 * supervisor's patience (a slow SMTP reply, a large workbook); the supervisor would then SIGKILL it at a
 * moment of its choosing. Exiting at our own deadline instead, with a log line saying so, is the same for
 * the jobs (their locks expire and another worker takes them over; a send whose data had begun ends
 * `unknown`) and leaves a trace of why. Exit code 1: the stop was not clean.
 */
export function startShutdownDeadline(options: {
  graceMs: number;
  logger: WatchdogLogger;
  exit?: (code: number) => void;
}): ShutdownDeadline {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timer = setTimeout(() => {
    options.logger.warn(
      { graceMs: options.graceMs },
      'grace period over with jobs unfinished: exiting; another worker takes them when their locks expire',
    );
    exit(1);
  }, options.graceMs);
  // The deadline alone must never keep a process alive that has finished stopping.
  timer.unref();
  return { cancel: () => clearTimeout(timer) };
}
