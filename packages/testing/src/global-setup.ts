import { randomBytes } from 'node:crypto';
import { createDatabase, migrateDatabase } from '@reportmail/db';
import type { TestProject } from 'vitest/node';
import type {} from './database.js';
import { databaseUrlWithName } from './urls.js';

/**
 * Runs once per test run: finds PostgreSQL (DATABASE_URL, else a testcontainers container where Docker
 * runs), and builds one migrated template database that every test file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { adminUrl, stop } = await findPostgres();
  const templateDatabase = `reportmail_tpl_${randomBytes(4).toString('hex')}`;
  const admin = createDatabase(adminUrl, { max: 1 });
  await admin.sql.unsafe(`create database "${templateDatabase}"`);
  const template = createDatabase(databaseUrlWithName(adminUrl, templateDatabase), { max: 2 });
  try {
    await migrateDatabase(template.sql);
  } finally {
    await template.close();
  }
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.sql.unsafe(`drop database if exists "${templateDatabase}" with (force)`);
    await admin.close();
    await stop();
  };
}

async function findPostgres(): Promise<{
  adminUrl: string;
  stop: () => Promise<void>;
}> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) return { adminUrl: fromEnv, stop: async () => {} };
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return {
      adminUrl: container.getConnectionUri(),
      stop: async () => void (await container.stop()),
    };
  } catch (cause) {
    throw new Error(
      'Tests need PostgreSQL. Set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres), ' +
        'or run them where Docker is available for testcontainers, or start one with ' +
        '`docker compose up -d postgres`.',
      { cause },
    );
  }
}
