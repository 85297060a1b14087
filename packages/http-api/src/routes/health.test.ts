import { type EventLoopWatchdog, startEventLoopWatchdog } from '@reportmail/watchdog';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthDeps, healthRoutes } from './health.js';

let app: FastifyInstance | undefined;
let watchdog: EventLoopWatchdog | undefined;

afterEach(async () => {
  await app?.close();
  await watchdog?.stop();
  app = undefined;
  watchdog = undefined;
});

async function healthApp(deps: HealthDeps): Promise<FastifyInstance> {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(healthRoutes, deps);
  return app;
}

/** What a request that hogs the process does: nothing else runs meanwhile. */
function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spinning
  }
}

describe('GET /health', () => {
  it('is ok while the event loop turns', async () => {
    // The app is built first: on a loaded machine building it may itself hold the loop for a second.
    const health = await healthApp({
      watchdog: { eventLoopDelay: () => (watchdog as EventLoopWatchdog).eventLoopDelay() },
    });
    // A stall limit the test never reaches: the watchdog must not kill the test process.
    watchdog = startEventLoopWatchdog({ service: 'api', stallMs: 600_000, logger: { warn: () => {} } });
    const reply = await health.inject({ method: 'GET', url: '/health' });
    expect([reply.statusCode, reply.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('answers 503 naming the delay after the event loop was blocked for 1.5 s', async () => {
    watchdog = startEventLoopWatchdog({ service: 'api', stallMs: 600_000, logger: { warn: () => {} } });
    const health = await healthApp({ watchdog });
    blockEventLoop(1_500);
    const reply = await health.inject({ method: 'GET', url: '/health' });
    expect(reply.statusCode).toBe(503);
    const body = reply.json();
    expect(body).toMatchObject({ status: 'unhealthy', windowMs: 10_000 });
    expect(body.eventLoopDelayMs).toBeGreaterThanOrEqual(1_300);
    expect(body.message).toBe(
      `event loop blocked for ${body.eventLoopDelayMs} ms within the last 10 s (limit 1000 ms)`,
    );
  });

  it('is ok without a watchdog (tests that build the app without one)', async () => {
    const reply = await (await healthApp({})).inject({ method: 'GET', url: '/health' });
    expect([reply.statusCode, reply.json()]).toEqual([200, { status: 'ok' }]);
  });
});
