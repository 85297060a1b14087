import { auditLog, type Db } from '@reportmail/db';

/** A database handle or an open transaction: an audit entry is written in the change's own transaction. */
export type DbExecutor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type AuditEntry = {
  /** The signed-in user who acted (null for the system, e.g. the first admin at start-up). */
  actorId: string | null;
  /** `schedule.create`, `smtp.update`, `delivery.resend`, … */
  action: string;
  /** What was acted on, e.g. `schedule:<id>`. */
  target?: string;
  /** What changed; never secrets (an SMTP password change is recorded as `passwordChanged: true`). */
  details?: Record<string, unknown>;
};

/** Records who did what, when, for `GET /v1/audit`. */
export async function recordAudit(db: DbExecutor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? null,
    details: entry.details ?? null,
  });
}
