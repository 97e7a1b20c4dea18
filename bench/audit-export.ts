// Child process of the audit bench: runs the audit command once, stdout into the pipe, and reports time and peak RSS.
import { runAudit } from '../src/audit/command.js';

const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const code = await runAudit(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
const ms = performance.now() - started;
// maxRSS is the process's peak in kB, module loading included: rssBefore says how much of it that was.
const report = { code, ms, rssBeforeMB: rssBefore / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 };
process.stderr.write(`\n${JSON.stringify(report)}\n`);
