/** What one run of `npm run bench:live` measures; every field can be set by a flag or an environment variable. */
export interface LiveBenchConfig {
  /** `synthetic`: the subscriber counts and rates below; `national`: the country-scale run (national-*.ts). */
  mode: 'synthetic' | 'national';
  /** Subscriber counts, each measured in turn on a fresh events subgraph and gateway. */
  subscribers: number[];
  /** Target update rates (updates per second) of the fixed-rate steps. */
  rates: number[];
  /** How long each fixed-rate step sends updates. */
  stepSeconds: number;
  /** Concurrent writers tried with no subscriber attached, to find the count that helps. */
  writerSweep: number[];
  /** Concurrent writers of the maximum-rate step with subscribers attached (0: the best of the sweep). */
  writers: number;
  /** How long each maximum-rate run sends updates. */
  maxSeconds: number;
  /** Connections opened at once while subscribers are being added. */
  batch: number;
  /** How long to wait, after the last update of a step, for every subscriber to receive every event. */
  drainSeconds: number;
  /** A step is kept up with when its events are all delivered this soon after its last commit. */
  keepUpSeconds: number;
  /** Write the `## Live subscriptions` section of docs/benchmarks.md. */
  writeDocs: boolean;
  /** Synthetic mode: identical unfiltered subscribers measured at N and 2N for the cost of one more (0: skip). */
  identical: number;
  /** Synthetic mode: the fixed update rate of both identical-subscriber steps. */
  identicalRate: number;
  /** National mode: target reports per second, and for how long. */
  nationalRate: number;
  nationalSeconds: number;
  /**
   * National mode: seconds of reports at the same rate before the measured ones, each with a token of its own
   * (so the measured reports' tokens are still new to the hub), to measure a hub that has run before the peak
   * rather than one cold from its start (0: none).
   */
  warmupSeconds: number;
  /** National mode: reports in flight at most (a tick that finds this many waiting sends nothing). */
  concurrency: number;
  /** National mode: subscribers with no filter, per province, per commune, and on a directive. */
  dashboards: number;
  perProvince: number;
  perCommune: number;
  directiveSubscribers: number;
  /** National mode: every n-th subscriber of each kind selects fields of other subgraphs (0: none). */
  crossEvery: number;
}

const FLAGS: Record<string, { env: string; key: keyof LiveBenchConfig }> = {
  mode: { env: 'BENCH_MODE', key: 'mode' },
  subscribers: { env: 'BENCH_SUBSCRIBERS', key: 'subscribers' },
  rates: { env: 'BENCH_RATES', key: 'rates' },
  seconds: { env: 'BENCH_STEP_SECONDS', key: 'stepSeconds' },
  'writer-sweep': { env: 'BENCH_WRITER_SWEEP', key: 'writerSweep' },
  writers: { env: 'BENCH_WRITERS', key: 'writers' },
  'max-seconds': { env: 'BENCH_MAX_SECONDS', key: 'maxSeconds' },
  batch: { env: 'BENCH_BATCH', key: 'batch' },
  drain: { env: 'BENCH_DRAIN_SECONDS', key: 'drainSeconds' },
  'keep-up': { env: 'BENCH_KEEP_UP_SECONDS', key: 'keepUpSeconds' },
  docs: { env: 'BENCH_DOCS', key: 'writeDocs' },
  identical: { env: 'BENCH_IDENTICAL', key: 'identical' },
  'identical-rate': { env: 'BENCH_IDENTICAL_RATE', key: 'identicalRate' },
  rate: { env: 'BENCH_NATIONAL_RATE', key: 'nationalRate' },
  duration: { env: 'BENCH_NATIONAL_SECONDS', key: 'nationalSeconds' },
  warmup: { env: 'BENCH_NATIONAL_WARMUP_SECONDS', key: 'warmupSeconds' },
  concurrency: { env: 'BENCH_CONCURRENCY', key: 'concurrency' },
  dashboards: { env: 'BENCH_DASHBOARDS', key: 'dashboards' },
  'per-province': { env: 'BENCH_PER_PROVINCE', key: 'perProvince' },
  'per-commune': { env: 'BENCH_PER_COMMUNE', key: 'perCommune' },
  directive: { env: 'BENCH_DIRECTIVE_SUBSCRIBERS', key: 'directiveSubscribers' },
  'cross-every': { env: 'BENCH_CROSS_EVERY', key: 'crossEvery' },
};

const MODES = ['synthetic', 'national'] as const;

const DEFAULTS: LiveBenchConfig = {
  mode: 'synthetic',
  subscribers: [1000, 5000],
  rates: [1, 2, 5, 10, 20, 50, 100],
  stepSeconds: 10,
  writerSweep: [1, 2, 4, 8, 16],
  writers: 0,
  maxSeconds: 10,
  batch: 250,
  drainSeconds: 120,
  keepUpSeconds: 5,
  writeDocs: true,
  identical: 1000,
  identicalRate: 5,
  nationalRate: 200,
  nationalSeconds: 60,
  warmupSeconds: 15,
  concurrency: 64,
  dashboards: 10,
  perProvince: 10,
  perCommune: 1,
  directiveSubscribers: 100,
  crossEvery: 3,
};

/** The configuration from `--name=value` flags, then BENCH_* variables, then the defaults. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): LiveBenchConfig {
  const config: LiveBenchConfig = { ...DEFAULTS };
  const given = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match || !FLAGS[match[1]]) throw new Error(`Unknown argument ${arg}; flags: ${flagList()}`);
    given.set(match[1], match[2]);
  }
  for (const [flag, { env: name, key }] of Object.entries(FLAGS)) {
    const text = given.get(flag) ?? env[name];
    if (text !== undefined && text !== '') Object.assign(config, { [key]: parseValue(key, text) });
  }
  return config;
}

/** The flags with their variables, for messages and the docs. */
export function flagList(): string {
  return Object.entries(FLAGS)
    .map(([flag, { env }]) => `--${flag} (${env})`)
    .join(', ');
}

function parseValue(key: keyof LiveBenchConfig, text: string): LiveBenchConfig[keyof LiveBenchConfig] {
  const current = DEFAULTS[key];
  if (key === 'mode') {
    const mode = MODES.find((name) => name === text.trim());
    if (!mode) throw new Error(`mode: ${text} is not one of ${MODES.join(', ')}`);
    return mode;
  }
  if (typeof current === 'boolean') return !/^(0|false|no)$/i.test(text);
  if (Array.isArray(current)) return text.split(',').map((part) => positive(key, part));
  return positive(key, text);
}

function positive(key: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isFinite(value) || value < 0) throw new Error(`${key}: ${text} is not a number >= 0`);
  return value;
}
