import { deleteDemoRows } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { publishScheduleChange } from '@reportmail/queue';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { recordAudit } from '../audit.js';
import { authErrors, bearer } from './schemas.js';

const removedReply = z.object({
  deliveries: z.number().describe('Deliveries of the demo schedule deleted (their stored workbooks with them)'),
  outboxFiles: z
    .array(z.string())
    .describe('The .eml files those deliveries left in the mail worker’s outbox folder (not deleted from here)'),
});

/** The first-run checklist's "remove the demo data" button: what `pnpm demo --clean` deletes from the database. */
export const demoDataRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.delete(
    '/v1/demo-data',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['ops'],
        summary: 'Remove what pnpm demo made: its schedule, its deliveries and the demo shop data (admin)',
        description:
          'Only while the demo’s schedule exists (then the shop rows are the demo’s: the demo refuses to seed over ' +
          'other data); otherwise 404 and nothing is deleted. One transaction. The outbox files stay on the mail ' +
          'worker’s disk: their paths are listed (`pnpm demo --clean` removes them too). Records `demo.remove`.',
        security: bearer,
        response: { 200: removedReply, ...authErrors },
      },
    },
    async (request) => {
      const rows = await deleteDemoRows(deps.database.sql);
      if (!rows.scheduleFound) throw new AppError('NOT_FOUND', 'There is no demo data in this database');
      await publishScheduleChange(deps.redis, deps.config.REDIS_PREFIX);
      await recordAudit(deps.database.db, {
        actorId: request.user.sub,
        action: 'demo.remove',
        target: 'demo',
        details: { deliveries: rows.deliveries.length },
      });
      const outboxFiles = rows.deliveries.flatMap((delivery) => (delivery.outboxPath ? [delivery.outboxPath] : []));
      return { deliveries: rows.deliveries.length, outboxFiles };
    },
  );
};
