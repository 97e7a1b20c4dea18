// `npm run --silent audit -- …`: the audit trail export and hash-chain check (src/audit/command.ts) on this process.

import { runAudit } from '../src/audit/command.js';
import { loadDotEnv } from '../src/config/load-config.js';

// A reader that stops early (`| head`) closes the pipe: that ends the export, it is no failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`audit: ${err.message}\n`);
  process.exit(1);
});

try {
  loadDotEnv();
} catch (err) {
  process.stderr.write(`.env: ${(err as Error).message}\n`);
  process.exit(1);
}
runAudit(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`audit failed: ${err.message}\n`);
    process.exitCode = 1;
  },
);
