import { LINK_SUGGESTION_THRESHOLD } from '@nq57/shared';
import { fillNation, type NationalFill } from './bench/national-data';
import { gitCommit, withBenchHub, writeBenchmarkSection } from './bench/harness';
import { machineInfo } from './bench/live-proc';
import { num, percent, table } from './bench/live-markdown';
import { measureQuality, type PlanQuality, type QualityReport } from './bench/suggestion-quality';
import { measureSpeed, type SpeedFigure } from './bench/suggestion-speed';

const RUNS = Number(process.env.NQ57_BENCH_RUNS ?? 10);

/** `npm run bench:suggestions`: suggested links against the seed links, then their speed at national scale. */
async function main(): Promise<void> {
  const startedAt = new Date();
  await withBenchHub('suggestions', log, async (hub, database) => {
    log('Quality: seed links hidden, suggestions compared with links.json');
    const quality = await measureQuality(hub);
    console.log(`\n${qualityTable(quality)}\n\n${sweepTable(quality)}\n`);
    const fill = await fillNation(hub, log);
    log('Speed: 100-task plans against the national data set');
    const speed = await measureSpeed(hub, RUNS);
    console.log(`\n${speedTable(speed)}\n`);
    await writeBenchmarkSection(
      docsSection({ startedAt, quality, fill, speed, database: database.description }),
      log,
    );
  });
}

function qualityTable(report: QualityReport): string {
  const row = (p: PlanQuality): string[] => [
    p.plan,
    num(p.tasks),
    num(p.links),
    p.links === 0 ? '–' : `${num(p.atOne)} (${percent(p.atOne, p.links)})`,
    p.links === 0 ? '–' : `${num(p.atThree)} (${percent(p.atThree, p.links)})`,
    num(p.accepted),
    num(p.wrong),
    percent(p.accepted - p.wrong, p.accepted),
  ];
  return table(
    [
      { title: 'plan' },
      { title: 'tasks', right: true },
      { title: 'seed links', right: true },
      { title: 'recall@1', right: true },
      { title: 'recall@3', right: true },
      { title: `auto-accepted (≥ ${LINK_SUGGESTION_THRESHOLD})`, right: true },
      { title: 'wrong', right: true },
      { title: 'precision', right: true },
    ],
    [...report.plans.map(row), row({ ...report.total, plan: '**all**' })],
  );
}

function sweepTable(report: QualityReport): string {
  return table(
    [
      { title: 'threshold', right: true },
      { title: 'auto-accepted', right: true },
      { title: 'wrong', right: true },
      { title: 'seed links accepted', right: true },
    ],
    report.sweep.map((row) => [
      num(row.threshold, 2),
      num(row.accepted),
      num(row.wrong),
      percent(row.accepted - row.wrong, report.total.links),
    ]),
  );
}

function speedTable(figures: SpeedFigure[]): string {
  return table(
    [
      { title: 'plan (through the gateway)' },
      { title: 'statements c/p/x', right: true },
      { title: 'p50 ms', right: true },
      { title: 'p95 ms', right: true },
      { title: 'max ms', right: true },
    ],
    figures.map((f) => [
      `${f.tasks}-task ${f.level} plan (${f.jurisdiction}), \`suggestedLinks\` of every task`,
      `${f.statements.central}/${f.statements.provincial}/${f.statements.commune}`,
      num(f.p50),
      num(f.p95),
      num(f.max),
    ]),
  );
}

function docsSection(report: {
  startedAt: Date;
  quality: QualityReport;
  fill: NationalFill;
  speed: SpeedFigure[];
  database: string;
}): string {
  const machine = machineInfo();
  const { quality, fill } = report;
  return [
    '## Suggested trace links',
    '',
    `Run with \`npm run bench:suggestions\` on ${report.startedAt.toISOString().slice(0, 10)} (working tree on ` +
      `commit ${gitCommit()}), on ${machine.cpus} × ${machine.cpuModel}, ${num(machine.memoryGiB)} GiB RAM, ` +
      `Node ${process.version}, ${report.database}. See docs/decisions/0011-suggested-links.md.`,
    '',
    `**Quality.** On the seeded hub, the ${num(quality.hiddenLinks)} seed trace links were deleted, then every ` +
      "seed task's `suggestedLinks(first: 20)` was asked through the gateway and compared with " +
      '`data/seeds/links.json`. recall@k: the share of seed links whose target is among the first k ' +
      `suggestions of its task. Auto-accepted: every suggestion scoring at least ${LINK_SUGGESTION_THRESHOLD}; ` +
      'wrong: one that is not a seed link (tasks without seed links count too).',
    '',
    qualityTable(quality),
    '',
    `Every threshold, over all seed tasks (the best-scoring wrong suggestion scores ${num(quality.bestWrongScore, 3)}):`,
    '',
    sweepTable(quality),
    '',
    quality.misses.length === 0
      ? 'Every seed link is in the top 3 of its task.'
      : `Seed links not in the top 3: ${quality.misses.join('; ')}.`,
    '',
    `**Speed.** The same hub plus the national data set of the roll-up benchmark (${num(fill.provincialTasks)} ` +
      `provincial and ${num(fill.communeTasks)} commune tasks, ${num(fill.links)} links), then a 100-task ` +
      "plan written through the gateway at each level (seed rows' text). Each query asks every task's " +
      `\`suggestedLinks\` (first 5, score and target), ${RUNS} runs after 2 unmeasured; "statements" is what ` +
      'one run cost in the central, provincial and commune subgraphs.',
    '',
    speedTable(report.speed),
    '',
  ].join('\n');
}

function log(line: string): void {
  console.error(`[bench:suggestions] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
