import { randomBytes } from 'node:crypto';
import { adminUser, type Db } from '@reportmail/db';
import { hashPassword } from '@reportmail/secrets';
import { sql } from 'drizzle-orm';

export type FirstAdmin = { email: string; password: string; generated: boolean };

/**
 * Creates the first admin when there is no user at all: from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated password the caller shows once. Later starts change nothing (users are managed via the API).
 */
export async function ensureFirstAdmin(
  db: Db,
  input: { email: string; password?: string | undefined },
): Promise<FirstAdmin | null> {
  const password = input.password ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    // Serialises concurrent first starts: only one of them creates the admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('reportmail.first-admin'))`);
    const [existing] = await tx.select({ id: adminUser.id }).from(adminUser).limit(1);
    if (existing) return false;
    await tx.insert(adminUser).values({ email: input.email, passwordHash, role: 'admin' });
    return true;
  });
  return created ? { email: input.email, password, generated: input.password === undefined } : null;
}
