import { defineConfig } from 'tsup';
import { SERVICE_BUNDLE } from '../../infra/build/service-bundle.js';

export default defineConfig({ ...SERVICE_BUNDLE, entry: { main: 'src/main.ts' } });
