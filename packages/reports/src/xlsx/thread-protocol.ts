// The messages between the database side and the workbook thread. Every call is acknowledged in order.
import type { WorkbookSetup, WorkbookTarget } from './excel-workbook.js';

/** Each WorkbookTarget method's arguments, plus `open`, which creates the target in the thread. */
type Calls = { [Op in keyof WorkbookTarget]: Parameters<WorkbookTarget[Op]> } & { open: [WorkbookSetup] };

export type CallOp = keyof Calls;

export type CallArgs<Op extends CallOp> = Calls[Op];

export type ToThread =
  | { [Op in CallOp]: { kind: 'call'; id: number; op: Op; args: Calls[Op] } }[CallOp]
  /** Bytes of `chunk` messages the main thread has written to the output since its last `written`. */
  | { kind: 'written'; bytes: number };

export type FromThread =
  | { kind: 'done'; id: number }
  /** The first failure; the thread performs no call after it. */
  | { kind: 'failed'; error: Error }
  /** The next bytes of the xlsx file. */
  | { kind: 'chunk'; data: Uint8Array };
