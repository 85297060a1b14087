/**
 * Asks a postgres.js cursor for the next batch as soon as the current one arrives, so PostgreSQL
 * computes batch N+1 while batch N is written (a bare cursor waits, making the two costs add up).
 * On early exit the request in flight is awaited and the portal closed, leaving the connection usable.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  let exhausted = false;
  try {
    while (true) {
      const result = await pending;
      if (result.done) {
        exhausted = true;
        return;
      }
      pending = iterator.next();
      yield result.value;
    }
  } finally {
    if (!exhausted) {
      const last = await pending.catch(() => ({ done: true as const, value: undefined }));
      if (!last.done) await iterator.return?.();
    }
  }
}
