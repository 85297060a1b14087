import { adminUser, auditLog } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { authErrors, bearer, instant, page, pageQuery } from './schemas.js';

const instantDate = instant.transform((value) => new Date(value));

const auditQuery = z.object({
  ...pageQuery,
  action: z.string().trim().min(1).max(100).optional().describe('Exact action, e.g. `schedule.update`'),
  actorId: z.uuid({ error: 'must be a UUID' }).optional(),
  from: instantDate.optional().describe('Entries at or after this instant'),
  to: instantDate.optional().describe('Entries before this instant'),
});

const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

type AuditFilter = Omit<z.infer<typeof auditQuery>, 'page' | 'pageSize'>;

function auditConditions(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  return and(...conditions);
}

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get(
    '/v1/audit',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['audit'],
        summary: 'Who did what, newest first (admins only: it names users and what they changed)',
        security: bearer,
        querystring: auditQuery,
        response: { 200: page(auditEntry), ...authErrors },
      },
    },
    async (request) => {
      const { page: pageNumber, pageSize, ...filter } = request.query;
      if (filter.from && filter.to && filter.from > filter.to) {
        throw invalidField('querystring.to', 'must not be before `from`');
      }
      const where = auditConditions(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select({ entry: auditLog, actorEmail: adminUser.email })
          .from(auditLog)
          .leftJoin(adminUser, eq(adminUser.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(pageSize)
          .offset((pageNumber - 1) * pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ]);
      return {
        items: rows.map(({ entry, actorEmail }) => ({ ...entry, at: entry.at.toISOString(), actorEmail })),
        page: pageNumber,
        pageSize,
        total: total?.total ?? 0,
      };
    },
  );
};
