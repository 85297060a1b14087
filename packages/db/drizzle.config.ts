import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/schema/shop.ts', './src/schema/service.ts'],
  out: './migrations',
});
