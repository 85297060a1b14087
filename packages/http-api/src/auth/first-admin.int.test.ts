import { adminUser } from '@reportmail/db';
import { verifyPassword } from '@reportmail/secrets';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from './first-admin.js';

describe('ensureFirstAdmin', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('creates one admin on the first of several concurrent starts, then never again', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => ensureFirstAdmin(database.db, { email: 'owner@shop.example' })),
    );
    const created = results.filter((result) => result !== null);
    expect(created).toHaveLength(1);
    expect(created[0]?.generated).toBe(true);
    const users = await database.db.select().from(adminUser);
    expect(users.map((user) => [user.email, user.role])).toEqual([['owner@shop.example', 'admin']]);
    expect(await verifyPassword(created[0]?.password ?? '', users[0]?.passwordHash ?? '')).toBe(true);
    expect(await ensureFirstAdmin(database.db, { email: 'other@shop.example', password: 'x'.repeat(12) })).toBeNull();
  });
});
