import { randomBytes } from 'node:crypto';
import { adminUser, auditLog, type Db } from '@reportmail/db';
import { AppError, invalidField } from '@reportmail/errors';
import { hashPassword } from '@reportmail/secrets';
import { and, eq, sql } from 'drizzle-orm';
import { parseFlags } from '../args.js';

export const ADMIN_PASSWORD_HELP = `Usage: pnpm admin:password [--email EMAIL]

Gives an admin a new password, for when it is lost (the first admin's generated one is printed once).
Run it on the server: it needs DATABASE_URL, not a sign-in. The new password is ADMIN_PASSWORD when set
(at least 12 characters), else a generated one printed once. The account is enabled again if it was
disabled; the change is in the audit log. Tokens issued before stay valid until they expire (JWT_EXPIRES_IN).
  --email   the admin (needed when there is more than one)`;

export type AdminPasswordDeps = { db: Db; env: Record<string, string | undefined>; stdout: NodeJS.WriteStream };

type Admin = { id: string; email: string };

async function chooseAdmin(db: Db, email: string | undefined): Promise<Admin> {
  const admins = await db
    .select({ id: adminUser.id, email: adminUser.email })
    .from(adminUser)
    .where(and(eq(adminUser.role, 'admin'), email ? sql`lower(${adminUser.email}) = lower(${email})` : undefined))
    .orderBy(adminUser.email);
  const [only, ...others] = admins;
  if (!only) {
    if (email) throw invalidField('--email', `no admin has the email ${email}`);
    throw new AppError('CONFLICT', 'There is no admin yet: start the API once (pnpm start) to create the first one.');
  }
  if (others.length > 0) {
    throw invalidField('--email', `choose one of the admins: ${admins.map((admin) => admin.email).join(', ')}`);
  }
  return only;
}

function newPassword(env: AdminPasswordDeps['env']): { password: string; generated: boolean } {
  const given = env.ADMIN_PASSWORD?.trim();
  if (!given) return { password: randomBytes(12).toString('base64url'), generated: true };
  if (given.length < 12) throw invalidField('ADMIN_PASSWORD', 'must be at least 12 characters');
  return { password: given, generated: false };
}

export async function runAdminPasswordCommand(deps: AdminPasswordDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { email: { type: 'string' } });
  const admin = await chooseAdmin(deps.db, flags.email);
  const { password, generated } = newPassword(deps.env);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await tx.update(adminUser).set({ passwordHash, disabledAt: null }).where(eq(adminUser.id, admin.id));
    await tx.insert(auditLog).values({
      actorId: null,
      action: 'user.password_reset',
      target: `user:${admin.id}`,
      details: { email: admin.email, via: 'cli' },
    });
  });
  // Shown once, on the terminal only: never logged.
  const shown = generated ? `: ${password}` : ' (ADMIN_PASSWORD)';
  deps.stdout.write(`New password for ${admin.email}${shown}\n`);
}
