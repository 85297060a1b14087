/** What the watchdog thread is given (structured-cloned; the SharedArrayBuffer behind `beats` is shared). */
export type KillerData = {
  /** `beats[0]` is incremented by the main thread on every turn of its heartbeat timer. */
  beats: Int32Array;
  stallMs: number;
  checkMs: number;
  service: string;
};

/**
 * The watchdog thread, as JavaScript source run with `new Worker(source, { eval: true })`: a separate
 * file would be missed by the tsup bundles (they inline workspace code into one main.js), and a
 * stringified function would carry whatever helpers a bundler injects into it. Eval'd code is CommonJS.
 *
 * It runs on its own event loop, so it keeps ticking while the main loop is blocked. It writes its one
 * line with fs.writeSync to fd 2 (a worker's process.stderr is relayed through the main thread, which
 * is the one that is stuck) in the logger's shape, then SIGKILLs the whole process: a blocked loop
 * never runs a SIGTERM handler, and a process that dies is one the supervisor or Docker restarts.
 */
export const KILLER_SOURCE = `'use strict';
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { beats, stallMs, checkMs, service } = workerData;
let lastBeat = Atomics.load(beats, 0);
let lastChange = performance.now();
let lastCheck = lastChange;
setInterval(() => {
  const now = performance.now();
  const beat = Atomics.load(beats, 0);
  // A check that came late itself means the whole process was paused or starved of CPU, not its
  // main loop alone: the main thread gets the same time to beat again.
  if (beat !== lastBeat || now - lastCheck > checkMs + stallMs / 2) {
    lastBeat = beat;
    lastChange = now;
  }
  lastCheck = now;
  if (now - lastChange < stallMs) return;
  const blockedMs = Math.round(now - lastChange);
  const line = {
    level: 60,
    time: new Date().toISOString(),
    service,
    blockedMs,
    msg: 'event loop blocked for ' + blockedMs + ' ms: killing the process so it restarts',
  };
  writeSync(2, JSON.stringify(line) + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, checkMs);
`;
