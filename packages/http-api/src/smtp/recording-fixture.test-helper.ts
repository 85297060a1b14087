import { type Caller, createApiFixture } from '../test-fixtures.js';

/** The SMTP password the tests use: it must never come back in a reply, a log line or the audit log. */
export const CANARY = 'canary-Pa55word-7f3e9c';
export const SETTINGS_URL = '/v1/smtp-settings';
export const VERIFY_URL = '/v1/smtp-settings/verify';
export const TLS_PORTS =
  'port 465 uses implicit TLS (security: tls); ports 587 and 25 use STARTTLS (security: starttls)';
export const validation = (field: string, message: string) => ({
  error: 'VALIDATION',
  message: `${field}: ${message}`,
  details: [{ field, message }],
});

/** A fixture whose every reply body is kept, to prove the password never comes back. */
export async function recordingFixture(env: Record<string, string>) {
  const fixture = await createApiFixture(env);
  const bodies: string[] = [];
  const call = async (caller: Caller, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) => {
    const reply = await fixture.call(caller, method, url, payload);
    bodies.push(reply.body);
    return { status: reply.statusCode, body: reply.json() };
  };
  const auditRows = () =>
    fixture.database.sql<{ action: string; actorId: string; target: string; details: unknown }[]>`
      select action, actor_id as "actorId", target, details from reportmail.audit_log order by id`;
  return { fixture, bodies, call, auditRows };
}

export type RecordingFixture = Awaited<ReturnType<typeof recordingFixture>>;
