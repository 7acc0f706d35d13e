import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { fillNation, type NationalFill } from './bench/national-data';
import { gitCommit, withBenchHub, writeBenchmarkSection } from './bench/harness';
import { machineInfo } from './bench/live-proc';
import { num, table } from './bench/live-markdown';

const RUNS = Number(process.env.NQ57_BENCH_RUNS ?? 10);
const WARM_UP = 2;
const TARGET_MS = 2000;

/** What one visit to the nation view cost, in milliseconds since the navigation started. */
interface Visit {
  /** The province table (34 rows), the national counts and the ranking are on screen. */
  usable: number;
  domContentLoaded: number;
  /** The NationOverview query: request sent to response received, as the browser's resource timing has it. */
  queryStart: number;
  query: number;
}

interface Series {
  name: string;
  visits: Visit[];
}

/** `npm run bench:dashboard`: how long the nation view takes to be usable at national scale; docs/benchmarks.md. */
async function main(): Promise<void> {
  const startedAt = new Date();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  try {
    await withBenchHub('dashboard', log, async (hub, database) => {
      const fill = await fillNation(hub, log);
      const origin = hub.gateway.url.replace(/\/graphql$/, '');
      const cold = await measure('first visit (empty cache, new context)', () => visitCold(browser, origin));
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const warm = await measure('repeat visit (assets cached)', () => visit(context, origin));
      await context.close();
      const series = [cold, warm];
      console.log(`\n${resultTable(series)}\n`);
      await writeBenchmarkSection(
        docsSection({ startedAt, fill, series, database: database.description }),
        log,
      );
    });
  } finally {
    await browser.close();
  }
}

/** The Debian `chromium` package's binary (no browser download is reachable here); CHROMIUM_PATH overrides it. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
  if (!found) throw new Error('No Chromium: `apt-get install -y chromium`, or set CHROMIUM_PATH');
  return found;
}

async function measure(name: string, once: () => Promise<Visit>): Promise<Series> {
  const visits: Visit[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const result = await once();
    if (run >= WARM_UP) visits.push(result);
  }
  const usable = percentiles(visits.map((v) => v.usable));
  log(`${name}: usable p50 ${usable.p50.toFixed(0)} ms, p95 ${usable.p95.toFixed(0)} ms`);
  return { name, visits };
}

async function visitCold(browser: Browser, origin: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    return await visit(context, origin);
  } finally {
    await context.close();
  }
}

/** Opens the nation view and waits until a person can read it: every province row, the totals, the ranking. */
async function visit(context: BrowserContext, origin: string): Promise<Visit> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        document.querySelectorAll('table.rollups tbody tr').length === 34 &&
        document.querySelector('[data-testid=nation-total] .total')?.textContent !== '' &&
        document.querySelectorAll('table.ranking tbody tr').length > 0,
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    return await page.evaluate(() => {
      const usable = performance.now();
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const query = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
        entry.name.endsWith('/graphql'),
      );
      return {
        usable,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        queryStart: query?.requestStart ?? Number.NaN,
        query: query ? query.responseEnd - query.requestStart : Number.NaN,
      };
    });
  } finally {
    await page.close();
  }
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

function resultTable(series: Series[]): string {
  const p50 = (visits: Visit[], field: keyof Visit): string =>
    num(percentiles(visits.map((v) => v[field])).p50);
  return table(
    [
      { title: 'visit' },
      { title: 'usable p50 ms', right: true },
      { title: 'usable p95 ms', right: true },
      { title: 'usable max ms', right: true },
      { title: 'DOMContentLoaded p50 ms', right: true },
      { title: 'query sent p50 ms', right: true },
      { title: 'NationOverview p50 ms', right: true },
    ],
    series.map(({ name, visits }) => {
      const usable = percentiles(visits.map((v) => v.usable));
      return [
        name,
        num(usable.p50),
        num(usable.p95),
        num(usable.max),
        p50(visits, 'domContentLoaded'),
        p50(visits, 'queryStart'),
        p50(visits, 'query'),
      ];
    }),
  );
}

function docsSection(report: {
  startedAt: Date;
  fill: NationalFill;
  series: Series[];
  database: string;
}): string {
  const machine = machineInfo();
  const { fill } = report;
  const cold = percentiles(report.series[0].visits.map((v) => v.usable));
  const query = percentiles(report.series[0].visits.map((v) => v.query));
  const sent = percentiles(report.series[0].visits.map((v) => v.queryStart));
  const verdict =
    cold.p95 < TARGET_MS
      ? `Under the 2 s target of issue 14 (p95 ${num(cold.p95)} ms on a first visit).`
      : `Over the 2 s target of issue 14 (p95 ${num(cold.p95)} ms on a first visit).`;
  return [
    '## Dashboard: the nation view at national scale',
    '',
    `Run with \`npm run bench:dashboard\` on ${report.startedAt.toISOString().slice(0, 10)} (working tree on commit ` +
      `${gitCommit()}), on ${machine.cpus} × ${machine.cpuModel}, ${num(machine.memoryGiB)} GiB RAM, ` +
      `Node ${process.version}, ${report.database}, headless Debian Chromium (playwright-core) on the same ` +
      `machine. The data set is the roll-up benchmark's: the seeded hub plus ${num(fill.provincialTasks)} ` +
      `provincial and ${num(fill.communeTasks)} commune tasks and ${num(fill.links)} trace links ` +
      `(filled in ${fill.seconds.toFixed(1)} s). Each kind of visit ran ${WARM_UP} times unmeasured, then ${RUNS} ` +
      'times. "Usable" is the time from the start of the navigation until the province table has its 34 rows, ' +
      'the national counts are shown and the ranking is filled (performance.now() in the page); "query sent" ' +
      'is when the page sent NationOverview, and "NationOverview" how long its answer took.',
    '',
    resultTable(report.series),
    '',
    `${verdict} What limits it is the one query: NationOverview (p50 ${num(query.p50)} ms) counts every task of ` +
      'every province and commune (`provinces { progress communeProgress }`, see "Roll-ups and rankings"); ' +
      `loading and starting the page takes ${num(sent.p50)} ms (p50) before it sends the query, and rendering ` +
      `the answer ${num(cold.p50 - sent.p50 - query.p50)} ms.`,
    '',
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:dashboard] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
