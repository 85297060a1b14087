import { defineConfig } from 'tsup';
import { SERVICE_BUNDLE } from '../../infra/build/service-bundle.js';

export default defineConfig({
  ...SERVICE_BUNDLE,
  entry: {
    main: 'src/main.ts',
    // The thread big workbooks are written in (see workbookThreadEntry in @reportmail/reports).
    'workbook-thread': '../../packages/reports/src/xlsx/thread-entry.ts',
  },
});
