/**
 * The tsup options every service bundle shares (spread into each service's tsup.config.ts): one ESM file
 * per entry for Node 20+, workspace packages (which ship TypeScript source) inlined, npm dependencies
 * left external, so each service must declare the npm packages its inlined workspace code imports.
 */
export const SERVICE_BUNDLE = {
  format: 'esm' as const,
  platform: 'node' as const,
  target: 'node20',
  outDir: 'dist',
  clean: true,
  skipNodeModulesBundle: true,
  noExternal: [/^@reportmail\//],
};
