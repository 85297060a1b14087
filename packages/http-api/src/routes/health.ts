import type { EventLoopWatchdog } from '@reportmail/watchdog';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * A loop held up this long answers every request at least this late: the process is alive but not
 * healthy, and /health says so (the supervisor of `pnpm start` restarts an API that keeps failing it).
 */
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;

export type HealthDeps = { watchdog?: Pick<EventLoopWatchdog, 'eventLoopDelay'> };

const unhealthy = z.object({
  status: z.literal('unhealthy'),
  message: z.string(),
  eventLoopDelayMs: z.number().describe('the longest the event loop was blocked within the window'),
  windowMs: z.number(),
});

export const healthRoutes: FastifyPluginAsyncZod<HealthDeps> = async (app, deps) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'The process is alive and its event loop turns',
        description:
          `503 when the event loop was blocked for over ${MAX_EVENT_LOOP_DELAY_MS} ms within the last ` +
          'few seconds (a request that hogs the process).',
        response: { 200: z.object({ status: z.literal('ok') }), 503: unhealthy },
      },
    },
    async (_request, reply) => {
      const delay = deps.watchdog?.eventLoopDelay();
      if (!delay || delay.maxMs <= MAX_EVENT_LOOP_DELAY_MS) return { status: 'ok' as const };
      return reply.status(503).send({
        status: 'unhealthy' as const,
        message: `event loop blocked for ${delay.maxMs} ms within the last ${delay.windowMs / 1000} s (limit ${MAX_EVENT_LOOP_DELAY_MS} ms)`,
        eventLoopDelayMs: delay.maxMs,
        windowMs: delay.windowMs,
      });
    },
  );
};
