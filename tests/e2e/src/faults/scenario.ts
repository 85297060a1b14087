/** One run of a fault scenario, as `pnpm faults` adds it into the scenario's table row. */
export type RunResult = {
  /** Deliveries (or cases) the run expected to go out. */
  expected: number;
  /** Distinct messages the sink accepted. */
  accepted: number;
  /** Extra copies of a message the sink had already accepted. */
  duplicates: number;
  /** Deliveries neither sent nor `unknown` once everything settled. */
  lost: number;
  /** Deliveries the ledger ended `unknown`. */
  unknown: number;
  /** Recovery times of this run (fault → next message accepted, or what the scenario names), in ms. */
  recoveryMs: number[];
  /** Short facts for the row's notes column (`0 rows changed by the stale leader`, say). */
  notes: string[];
  /** Each way the run broke a rule of the scenario; any makes `pnpm faults` exit 1. */
  violations: string[];
};

export type ScenarioOptions = {
  /** Smaller numbers for the smoke version in `pnpm test` (`pnpm faults --smoke`). */
  smoke: boolean;
  /** Progress lines for the operator (`pnpm faults` prints them as they come). */
  log: (line: string) => void;
};

export type Scenario = {
  /** As issue 13 numbers it: `1`, `4a`… */
  id: string;
  name: string;
  run: (options: ScenarioOptions) => Promise<RunResult>;
};

export const emptyResult = (): RunResult => ({
  expected: 0,
  accepted: 0,
  duplicates: 0,
  lost: 0,
  unknown: 0,
  recoveryMs: [],
  notes: [],
  violations: [],
});
