import { importArgs } from './import/cli-args';
import { describeReport, runImport } from './import/run-import';

// `npm run import -- <file> …`: reads a plan's task table and sends it to the hub (a dry run unless --write).
async function main(): Promise<void> {
  const args = importArgs(process.argv.slice(2));
  const report = await runImport(args);
  for (const line of describeReport(report)) console.log(line);
  const failed =
    !report.dryRun && !report.written && report.problems.some((problem) => problem.severity === 'error');
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
