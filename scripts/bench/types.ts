/**
 * What a benchmark task is: one or more whole processes run on a synthetic
 * knowledge base, timed from spawn to exit (start-up included). Tasks live
 * in scripts/bench/tasks/*.ts (each exports `tasks`); run.ts finds them, so
 * a new task is a new file.
 */

/** What every task sees for one knowledge base. */
export interface BenchContext {
  /** Root of the synthetic KB (holds records/). */
  root: string;
  tickets: number;
  /** Number of files written by synth. */
  files: number;
  /** Repository root of the tool (schemas/, node_modules/). */
  repo: string;
  /** A scratch folder for this KB (setup output); removed with the KB. */
  tmp: string;
  /** Node arguments that run the opsbook CLI: dist/cli.js when built, else tsx + scripts/cli.ts. */
  opsbook: string[];
}

/** One process of a sample (always `node` with these arguments). */
export interface BenchCommand {
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Exit codes that count as success (default 0 and 1: findings are not failures). */
  okCodes?: number[];
}

export interface BenchTask {
  /** Stable id (`--only` selects by id). */
  id: string;
  /** Column heading. */
  label: string;
  /** One line for RESULTS.md: exactly what runs. */
  description: string;
  /** The baseline of the validation table: other tasks' ratios are against it. */
  baseline?: boolean;
  /** Shown as a ratio against the baseline. */
  compare?: boolean;
  /** Sizes (ticket counts) it runs at (default: all). */
  runsAt?(tickets: number): boolean;
  /** Untimed preparation, once per knowledge base. */
  setup?(ctx: BenchContext): void;
  /** The processes of one sample, run one after another as a shell script would; their times add up. */
  commands(ctx: BenchContext): BenchCommand[];
}
