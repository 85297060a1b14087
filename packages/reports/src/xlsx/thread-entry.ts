// The workbook thread's entry file: run from source through tsx, and the input of each host bundle's
// own entry for the thread (see workbookThreadEntry).
import { runWorkbookThread } from './workbook-thread.js';

runWorkbookThread();
