import { defineConfig } from 'tsup';
import { SERVICE_BUNDLE } from '../../infra/build/service-bundle.js';

export default defineConfig({
  ...SERVICE_BUNDLE,
  entry: {
    main: 'src/main.ts',
    'generate-once': 'src/bench/generate-once.ts',
    // The workbook writer's thread (see workbookThreadEntry in @reportmail/reports), next to main.js.
    'workbook-thread': '../../packages/reports/src/xlsx/thread-entry.ts',
  },
});
