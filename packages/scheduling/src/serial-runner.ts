export type SerialRunner = {
  /** Runs the task now, or once more after the run in progress: requests made meanwhile coalesce. */
  request: () => void;
  /** Settles when no run is in progress or queued. */
  idle: () => Promise<void>;
};

/**
 * Never two runs at once, and never a lost request: a request during a run queues exactly one
 * follow-up, because that run may have read the state before the change that prompted the request.
 */
export function createSerialRunner(task: () => Promise<void>, onError: (error: unknown) => void): SerialRunner {
  let current: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    } while (again);
    current = null;
  };
  return {
    request: () => {
      if (current) {
        again = true;
        return;
      }
      current = loop();
    },
    idle: () => current ?? Promise.resolve(),
  };
}

export type Coalescer = { trigger: () => void; cancel: () => void };

/**
 * Calls `fire` once, `delayMs` after the first trigger; triggers meanwhile join that call, so a burst
 * of signals costs one run (and a steady stream still runs every `delayMs`).
 */
export function createCoalescer(delayMs: number, fire: () => void): Coalescer {
  let timer: NodeJS.Timeout | undefined;
  return {
    trigger: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        fire();
      }, delayMs);
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
