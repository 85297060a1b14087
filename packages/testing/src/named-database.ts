import { createDatabase, migrateDatabase } from '@reportmail/db';
import { databaseUrlWithName } from './urls.js';

/**
 * Drops and recreates the database `name` on the server of `adminUrl`, migrated, for the scripts that
 * need a known name outside a test run (benchmarks, screenshots); returns its URL.
 */
export async function recreateMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = createDatabase(adminUrl, { max: 1 });
  try {
    await admin.sql.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.sql.unsafe(`create database "${name}"`);
  } finally {
    await admin.close();
  }
  const url = databaseUrlWithName(adminUrl, name);
  // Two connections: the migrator holds its advisory lock on one and migrates on the other.
  const database = createDatabase(url, { max: 2 });
  try {
    await migrateDatabase(database.sql);
  } finally {
    await database.close();
  }
  return url;
}
