export {
  createDatabase,
  type Database,
  type DatabaseOptions,
  type Db,
  schema,
} from './client.js';
export { DEMO_SCHEDULE_NAME, type DemoRows, deleteDemoRows, SHOP_TABLES } from './demo.js';
export { assertDatabaseReachable, describeDatabaseUrl, explainDatabaseError } from './errors.js';
export { defaultMigrationsFolder, migrateDatabase } from './migrate.js';
export * from './schema/service.js';
export * from './schema/shop.js';
