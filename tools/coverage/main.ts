import { readCoverage } from '../client/transition-coverage';
import { summaryLines, writeCoverageReport } from './report';

// make coverage: the recorder's counts since the integration suite's start (and any make load after
// it) against every edge of the definition. Exits 1 when an edge is neither taken nor excluded.
async function main(): Promise<void> {
  const report = await writeCoverageReport(await readCoverage());
  for (const line of summaryLines(report)) console.log(line);
  if (report.uncovered.length || report.problems.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`coverage: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
