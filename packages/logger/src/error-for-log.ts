/**
 * An error as an error-level log line may show it: what failed and where, never the values a user sent.
 * Drizzle puts a failed query's parameters in its message, PostgreSQL quotes the offending value in its
 * own (`invalid input syntax for type uuid: "…"`) and in `detail` (`Key (email)=(…) already exists`),
 * and postgres.js hangs the parameters on the error: all of that stays out.
 */
export type LoggedError = {
  type: string;
  message: string;
  code?: string;
  routine?: string;
  table?: string;
  column?: string;
  constraint?: string;
  query?: string;
  stack?: string;
  cause?: LoggedError;
};

const MAX_CAUSES = 5;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

type ErrorFields = Error & {
  code?: unknown;
  query?: unknown;
  params?: unknown;
  routine?: unknown;
  table_name?: unknown;
  column_name?: unknown;
  constraint_name?: unknown;
};

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** A DrizzleQueryError: its message is `Failed query: <sql>\nparams: <values>`. */
const isQueryError = (error: ErrorFields) => typeof error.query === 'string' && 'params' in error;

export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '[not an Error]' };
  const fields = error as ErrorFields;
  const logged: LoggedError = {
    // Some libraries' errors keep the name `Error`; their class says more (DrizzleQueryError).
    type: error.name === 'Error' ? error.constructor.name : error.name,
    message: isQueryError(fields)
      ? 'Failed query'
      : error.message.replace(QUOTED, '"[redacted]"').replace(CONTROL, ' '),
  };
  const optional = {
    code: text(fields.code),
    routine: text(fields.routine),
    table: text(fields.table_name),
    column: text(fields.column_name),
    constraint: text(fields.constraint_name),
    // The SQL text holds placeholders ($1), never the values.
    query: isQueryError(fields) ? text(fields.query) : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(logged, { [key]: value });
  }
  // The stack's first line repeats the message: keep the frames only.
  const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at '));
  if (frames && frames.length > 0) logged.stack = frames.join('\n');
  if (error.cause !== undefined && depth < MAX_CAUSES) logged.cause = errorForLog(error.cause, depth + 1);
  return logged;
}
