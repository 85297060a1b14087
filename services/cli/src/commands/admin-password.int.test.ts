import { PassThrough } from 'node:stream';
import { adminUser, auditLog } from '@reportmail/db';
import { hashPassword, verifyPassword } from '@reportmail/secrets';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAdminPasswordCommand } from './admin-password.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());
beforeEach(async () => {
  await database.db.delete(auditLog);
  await database.db.delete(adminUser);
});

async function run(argv: string[], env: Record<string, string> = {}): Promise<string> {
  const stream = new PassThrough();
  let printed = '';
  stream.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  await runAdminPasswordCommand({ db: database.db, env, stdout: stream as unknown as NodeJS.WriteStream }, argv);
  return printed;
}

async function addUser(email: string, role: 'admin' | 'viewer', disabled = false) {
  const [row] = await database.db
    .insert(adminUser)
    .values({
      email,
      role,
      passwordHash: await hashPassword('the-old-password'),
      disabledAt: disabled ? new Date() : null,
    })
    .returning();
  return row as typeof adminUser.$inferSelect;
}

const storedHash = async (id: string) =>
  (await database.db.select().from(adminUser).where(eq(adminUser.id, id)))[0]?.passwordHash ?? '';

describe('pnpm admin:password', () => {
  it('gives the only admin a generated password, printed once, enables it again and audits it', async () => {
    const admin = await addUser('owner@shop.example', 'admin', true);
    const printed = await run([]);
    const password = /^New password for owner@shop\.example: (\S{16})\n$/.exec(printed)?.[1] ?? '';
    expect(password).toHaveLength(16);
    expect(await verifyPassword(password, await storedHash(admin.id))).toBe(true);
    expect(await verifyPassword('the-old-password', await storedHash(admin.id))).toBe(false);
    const [row] = await database.db.select().from(adminUser).where(eq(adminUser.id, admin.id));
    expect(row?.disabledAt).toBeNull();
    const audit = await database.db.select().from(auditLog);
    expect(audit.map(({ actorId, action, target, details }) => ({ actorId, action, target, details }))).toEqual([
      {
        actorId: null,
        action: 'user.password_reset',
        target: `user:${admin.id}`,
        details: { email: 'owner@shop.example', via: 'cli' },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('takes ADMIN_PASSWORD and does not print it; picks the admin by --email whatever its case', async () => {
    await addUser('a@shop.example', 'admin');
    const chosen = await addUser('B@shop.example', 'admin');
    const printed = await run(['--email', 'b@SHOP.example'], { ADMIN_PASSWORD: 'a-long-chosen-password' });
    expect(printed).toBe('New password for B@shop.example (ADMIN_PASSWORD)\n');
    expect(await verifyPassword('a-long-chosen-password', await storedHash(chosen.id))).toBe(true);
  });

  it.each([
    ['two admins and no --email', [], {}, /--email: choose one of the admins: a@shop\.example, b@shop\.example/],
    ['an email no admin has', ['--email', 'viewer@shop.example'], {}, /--email: no admin has the email viewer@shop/],
    ['a short ADMIN_PASSWORD', ['--email', 'a@shop.example'], { ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD: must be/],
  ])('refuses %s, changing nothing', async (_case, argv, env, message) => {
    const a = await addUser('a@shop.example', 'admin');
    await addUser('b@shop.example', 'admin');
    await addUser('viewer@shop.example', 'viewer');
    await expect(run(argv, env)).rejects.toThrow(message);
    expect(await verifyPassword('the-old-password', await storedHash(a.id))).toBe(true);
    expect(await database.db.select().from(auditLog)).toEqual([]);
  });

  it('says to start the API first when there is no admin yet', async () => {
    await expect(run([])).rejects.toThrow('There is no admin yet: start the API once (pnpm start)');
  });
});
