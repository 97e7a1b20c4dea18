// After a burst: is every decision stored once, every case approved, and does every message show the stored state?
import { parseConfig } from '../src/config/load-config.js';
import { caseCard } from '../src/dialog/case-views.js';
import type { CardView } from '../src/dialog/view.js';
import { CaseRepository } from '../src/domain/case-repository.js';
import { messages } from '../src/i18n/messages.js';
import type { Store } from '../src/store/store.js';

/** The status line of a case card once all three approved (the benchmark's cases are Dutch). */
export const APPROVED = messages('nl').status.approved;

/** The service runs with the default configuration: its case views are rendered in its time zone here. */
function views() {
  const defaults = parseConfig({});
  if (!defaults.ok) throw new Error(defaults.problems.join('\n'));
  return { timeZone: defaults.config.reminders.timeZone };
}

/** Reads each case once from the service's store, rendering its case view the way the service does. */
export async function verifyApprovals<C extends { id: string }>(
  store: Store,
  cases: C[],
  /** Whether the platform's last version of the case message equals the render of the stored case view. */
  shows: (c: C, stored: CardView) => boolean,
) {
  const repo = new CaseRepository(store);
  const options = views();
  let decisions = 0;
  let approved = 0;
  let shownCurrent = 0;
  for (const c of cases) {
    const s = await repo.load(c.id);
    if (!s) continue;
    decisions += s.audit.filter((f) => f.type === 'decision').length;
    if (s.status === 'approved') approved++;
    if (shows(c, caseCard(s, options))) shownCurrent++;
  }
  return {
    decisionsStored: `${decisions}/${cases.length * 3}`,
    casesApproved: `${approved}/${cases.length}`,
    everyDecisionStoredOnce: decisions === cases.length * 3,
    everyMessageShowsFinalState: shownCurrent === cases.length && approved === cases.length,
  };
}
