import { randomBytes } from 'node:crypto';
import { createDatabase, type Database } from '@reportmail/db';
import { inject } from 'vitest';
import { databaseUrlWithName } from './urls.js';

/** What the global setup hands every test file. */
declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export type TestDatabase = Database & {
  url: string;
  name: string;
  drop: () => Promise<void>;
};

/** A fresh, migrated database of its own for one test file (a clone of the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const name = `reportmail_t_${randomBytes(6).toString('hex')}`;
  const admin = createDatabase(adminUrl, { max: 1 });
  try {
    await admin.sql.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.close();
  }
  const url = databaseUrlWithName(adminUrl, name);
  const database = createDatabase(url, { max: 4 });
  return {
    ...database,
    url,
    name,
    drop: async () => {
      await database.close();
      const cleanup = createDatabase(adminUrl, { max: 1 });
      try {
        await cleanup.sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
