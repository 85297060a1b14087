export {
  createDatabase,
  type Database,
  type DatabaseOptions,
  type Db,
  schema,
} from './client.js';
export { describeDatabaseUrl, explainDatabaseError } from './errors.js';
export { MIGRATIONS_FOLDER, migrateDatabase } from './migrate.js';
export * from './schema/service.js';
export * from './schema/shop.js';
