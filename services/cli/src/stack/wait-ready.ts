import { setTimeout as delay } from 'node:timers/promises';

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
