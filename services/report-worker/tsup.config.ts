import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  // Workspace packages ship TypeScript source: bundle them; npm dependencies stay external.
  skipNodeModulesBundle: true,
  noExternal: [/^@reportmail\//],
});
