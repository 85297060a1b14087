import { randomBytes } from 'node:crypto';
import { createDatabase, migrateDatabase } from '@reportmail/db';
import type { TestProject } from 'vitest/node';
import type {} from './database.js';
import { checkPostgres, testServerUrls } from './test-servers.js';
import { databaseUrlWithName } from './urls.js';

/**
 * Runs once per test run: finds PostgreSQL (see findPostgres) and builds one migrated template database
 * that every test file clones.
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

/**
 * DATABASE_URL, else the local server `pnpm start` uses, else (neither answering, none set) a
 * testcontainers PostgreSQL where Docker runs.
 */
async function findPostgres(): Promise<{
  adminUrl: string;
  stop: () => Promise<void>;
}> {
  const { databaseUrl, databaseUrlIsSet } = testServerUrls();
  const problem = await checkPostgres(databaseUrl);
  if (!problem) return { adminUrl: databaseUrl, stop: async () => {} };
  if (databaseUrlIsSet) throw new Error(problem);
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return {
      adminUrl: container.getConnectionUri(),
      stop: async () => void (await container.stop()),
    };
  } catch (cause) {
    // Docker is the fallback, not the advice: the local server is what the problem line says to start.
    throw new Error(problem, { cause });
  }
}
