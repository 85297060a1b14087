import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `pnpm dev` in this folder proxies the API (pnpm start on :3000) so the app reloads as it is edited. */
const API = process.env.REPORTMAIL_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 900 },
  server: {
    proxy: Object.fromEntries(['/v1', '/auth', '/admin', '/docs', '/ready'].map((path) => [path, API])),
  },
});
