export { type ApiConfig, apiConfigShape, loadApiConfig } from './config.js';
export { type RunningApi, startApi } from './start.js';
