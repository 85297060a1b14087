import { describe, expect, it, vi } from 'vitest';
import { createCoalescer, createSerialRunner } from './serial-runner.js';

/** A task whose runs finish only when the test says so, announcing each start. */
function controlledTask() {
  const finishers: Array<() => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let started = 0;
  let finishAll = false;
  const task = () =>
    new Promise<void>((resolve) => {
      started += 1;
      if (finishAll) resolve();
      else finishers.push(resolve);
      for (const waiter of waiters.filter((entry) => entry.count === started)) waiter.resolve();
    });
  return {
    task,
    started: () => started,
    startOf: (count: number) =>
      count <= started ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    finishRun: () => finishers.shift()?.(),
    /** From now on every run finishes at once, so an unwanted extra run shows up in the count instead of hanging. */
    finishAllRuns: () => {
      finishAll = true;
      for (const finish of finishers.splice(0)) finish();
    },
  };
}

describe('createSerialRunner', () => {
  it('runs once more, and only once, for any number of requests made during a run', async () => {
    const { task, started, startOf, finishRun, finishAllRuns } = controlledTask();
    const runner = createSerialRunner(task, () => {});
    runner.request();
    runner.request();
    runner.request();
    expect(started()).toBe(1);
    finishRun();
    await startOf(2);
    runner.request();
    finishRun();
    await startOf(3);
    finishAllRuns();
    await runner.idle();
    expect(started()).toBe(3);
  });

  it('reports a failed run and keeps serving requests', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const runner = createSerialRunner(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('Redis is down');
      },
      (error) => errors.push(error),
    );
    runner.request();
    await runner.idle();
    runner.request();
    await runner.idle();
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('Redis is down')]);
  });
});

describe('createCoalescer', () => {
  it('turns a burst of triggers into one call after the delay, and can be cancelled', () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const coalescer = createCoalescer(100, () => {
        calls += 1;
      });
      for (let index = 0; index < 5; index += 1) coalescer.trigger();
      vi.advanceTimersByTime(99);
      expect(calls).toBe(0);
      vi.advanceTimersByTime(1);
      expect(calls).toBe(1);
      coalescer.trigger();
      coalescer.cancel();
      vi.advanceTimersByTime(1_000);
      expect(calls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
