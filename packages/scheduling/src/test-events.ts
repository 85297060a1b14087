import type { EventEmitter } from 'node:events';
import type { SchedulerEvents } from './scheduler.js';

type Name = keyof SchedulerEvents;
type Entry = { name: Name; args: unknown[] };

export type EventRecorder = {
  /** How many events so far: pass it to waitFor to skip what happened before. */
  count: () => number;
  /** The first event `name` at or after position `from` that matches, as soon as it happens. */
  waitFor: <K extends Name>(
    name: K,
    match?: (...args: SchedulerEvents[K]) => boolean,
    from?: number,
  ) => Promise<SchedulerEvents[K]>;
  all: <K extends Name>(name: K) => SchedulerEvents[K][];
};

/** Longer than any wait in these tests; only reached when the awaited event never comes. */
const DEADLINE_MS = 5_000;

/**
 * Records a scheduler's events from its start, so a test can wait for one that may already have
 * happened (a leader syncs right after it takes over, possibly before the test starts listening).
 */
export function recordEvents(events: EventEmitter<SchedulerEvents>): EventRecorder {
  const entries: Entry[] = [];
  const listeners = new Set<() => void>();
  const names: Name[] = ['leadership', 'synced', 'caught-up', 'failed'];
  for (const name of names) {
    (events as EventEmitter).on(name, (...args: unknown[]) => {
      entries.push({ name, args });
      for (const listener of listeners) listener();
    });
  }
  const waitFor: EventRecorder['waitFor'] = (name, match = () => true, from = 0) =>
    new Promise((resolve, reject) => {
      type Args = SchedulerEvents[typeof name];
      const find = () =>
        entries.slice(from).find((entry) => entry.name === name && match(...(entry.args as Args)))?.args as
          | Args
          | undefined;
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching "${name}" event within ${DEADLINE_MS} ms`));
      }, DEADLINE_MS);
      function check() {
        const found = find();
        if (!found) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(found);
      }
      listeners.add(check);
      check();
    });
  return {
    count: () => entries.length,
    waitFor,
    all: (name) =>
      entries.filter((entry) => entry.name === name).map((entry) => entry.args as SchedulerEvents[typeof name]),
  };
}
