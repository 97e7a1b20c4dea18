// Skipped tests say why where a whole run shows it: its default reporter lists skipped suites only as a count.
import { describe } from 'vitest';

/**
 * describe.skipIf(reason) with the reason in the suite's title (shown when one file runs) and, when skipped, said once
 * on stdout as the file loads (shown under the file's name on a whole run, where suite titles are not printed).
 */
export function describeSkipIf(reason: string | undefined, title: string, body: () => void): void {
  if (reason) console.info(`skipped "${title}": ${reason}`);
  describe.skipIf(reason)(reason ? `${title} — skipped: ${reason}` : title, body);
}
