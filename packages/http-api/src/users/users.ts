import { adminUser, type Db } from '@reportmail/db';
import { AppError, invalidField } from '@reportmail/errors';
import { hashPassword, verifyPassword } from '@reportmail/secrets';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit.js';
import type { Role } from '../plugins/auth.js';

/** A user as the API shows it: never the password hash. */
export type UserView = { id: string; email: string; role: Role; disabled: boolean; createdAt: string };

const userColumns = {
  id: adminUser.id,
  email: adminUser.email,
  role: adminUser.role,
  disabledAt: adminUser.disabledAt,
  createdAt: adminUser.createdAt,
};
type UserRow = { id: string; email: string; role: Role; disabledAt: Date | null; createdAt: Date };

const view = (row: UserRow): UserView => ({
  id: row.id,
  email: row.email,
  role: row.role,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

const isUniqueViolation = (error: unknown): boolean => {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

export async function listUsers(db: Db, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(adminUser)
      .orderBy(asc(adminUser.createdAt), asc(adminUser.email))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(adminUser),
  ]);
  return { items: rows.map(view), page, pageSize, total: total?.total ?? 0 };
}

export type NewUser = { email: string; password: string; role: Role };

/** Emails are unique whatever their case (a unique index on lower(email) enforces it under races too). */
export async function createUser(db: Db, actorId: string, input: NewUser): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(adminUser)
        .values({ email: input.email, passwordHash, role: input.role })
        .returning(userColumns);
      const user = row as UserRow;
      await recordAudit(tx, {
        actorId,
        action: 'user.create',
        target: `user:${user.id}`,
        details: { email: user.email, role: user.role },
      });
      return view(user);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('CONFLICT', `A user with the email ${input.email} already exists`, {
      details: [{ field: 'body.email', message: 'is already used by another user' }],
    });
  }
}

export type UserChange = { role?: Role; disabled?: boolean };

/** Whether the change takes away a currently active admin. */
const removesAdmin = (user: UserRow, change: UserChange) =>
  user.role === 'admin' && user.disabledAt === null && (change.role === 'viewer' || change.disabled === true);

/** Disabling keeps the first disabling instant; enabling clears it; no change leaves it alone. */
function disabledAtFor(disabled: boolean | undefined) {
  if (disabled === undefined) return undefined;
  return disabled ? sql`coalesce(${adminUser.disabledAt}, now())` : null;
}

/**
 * Changes a user's role or disabled state. Nobody demotes or disables themselves, and the last active
 * admin stays: the active admins are locked for the transaction, so two admins demoting each other
 * at once cannot both succeed.
 */
export async function updateUser(db: Db, actorId: string, id: string, change: UserChange): Promise<UserView> {
  return db.transaction(async (tx) => {
    const activeAdmins = await tx
      .select({ id: adminUser.id })
      .from(adminUser)
      .where(and(eq(adminUser.role, 'admin'), isNull(adminUser.disabledAt)))
      .for('update');
    const [user] = await tx.select(userColumns).from(adminUser).where(eq(adminUser.id, id)).for('update');
    if (!user) throw new AppError('NOT_FOUND', `No user ${id}`);
    if (removesAdmin(user, change)) {
      if (user.id === actorId) throw new AppError('CONFLICT', 'You cannot demote or disable yourself');
      if (activeAdmins.length <= 1) {
        throw new AppError('CONFLICT', `${user.email} is the last active admin: make another admin first`);
      }
    }
    const [updated] = await tx
      .update(adminUser)
      .set({ role: change.role, disabledAt: disabledAtFor(change.disabled) })
      .where(eq(adminUser.id, id))
      .returning(userColumns);
    await recordAudit(tx, {
      actorId,
      action: 'user.update',
      target: `user:${id}`,
      details: { email: user.email, ...change },
    });
    return view(updated as UserRow);
  });
}

/** A signed-in user's own password, after proving they know the current one. */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  passwords: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await db
    .select({ passwordHash: adminUser.passwordHash })
    .from(adminUser)
    .where(eq(adminUser.id, userId));
  if (!user || !(await verifyPassword(passwords.currentPassword, user.passwordHash))) {
    throw invalidField('body.currentPassword', 'is not your current password');
  }
  if (passwords.newPassword === passwords.currentPassword) {
    throw invalidField('body.newPassword', 'must differ from the current password');
  }
  const passwordHash = await hashPassword(passwords.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(adminUser).set({ passwordHash }).where(eq(adminUser.id, userId));
    await recordAudit(tx, { actorId: userId, action: 'user.password', target: `user:${userId}` });
  });
}

/**
 * An admin sets another user's password (they forgot theirs). Not one's own: that goes through
 * changeOwnPassword, which asks for the current one, so a borrowed session cannot lock its owner out.
 */
export async function resetPassword(db: Db, actorId: string, id: string, password: string): Promise<void> {
  if (id === actorId) {
    throw new AppError('CONFLICT', 'Change your own password under My account: it needs your current password');
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(adminUser)
      .set({ passwordHash })
      .where(eq(adminUser.id, id))
      .returning({ email: adminUser.email });
    if (!user) throw new AppError('NOT_FOUND', `No user ${id}`);
    await recordAudit(tx, {
      actorId,
      action: 'user.password_reset',
      target: `user:${id}`,
      details: { email: user.email },
    });
  });
}
