// After a burst: is every decision stored, every case approved, and does every message show the stored state?
import { caseCard } from '../src/dialog/case-views.js';
import type { CardView } from '../src/dialog/view.js';
import type { CaseSnapshot } from '../src/domain/case.js';
import { CaseRepository } from '../src/domain/case-repository.js';
import type { Store } from '../src/store/store.js';

/** The status line of a case card once all three approved. */
export const APPROVED = 'Akkoord — klaar om over te zetten';

/** The reminder time zone's default: the views the service renders use it. */
const TIME_ZONE = 'Europe/Amsterdam';

/** Reads cases and their current views: the engine itself, or the benchmark's own look at the service's store. */
export interface CaseReader {
  repo: { load(caseId: string): Promise<CaseSnapshot | undefined> };
  views(caseId: string): Promise<{ case: CardView } | undefined>;
}

/** Reads the service's store from the benchmark process, rendering case views the way the service does. */
export function storeReader(store: Store): CaseReader {
  const repo = new CaseRepository(store);
  return {
    repo,
    async views(id: string) {
      const s = await repo.load(id);
      return s && { case: caseCard(s, { timeZone: TIME_ZONE }) };
    },
  };
}

export async function verifyApprovals<C extends { id: string }>(
  engine: CaseReader,
  cases: C[],
  /** Whether the platform's last version of the case message equals the render of the stored case view. */
  shows: (c: C, stored: CardView) => boolean,
) {
  let decisions = 0;
  let approved = 0;
  let shownCurrent = 0;
  for (const c of cases) {
    const s = await engine.repo.load(c.id);
    decisions += s?.audit.filter((f) => f.type === 'decision').length ?? 0;
    if (s?.status === 'approved') approved++;
    const views = await engine.views(c.id);
    if (views && shows(c, views.case)) shownCurrent++;
  }
  return {
    decisionsStored: `${decisions}/${cases.length * 3}`,
    casesApproved: `${approved}/${cases.length}`,
    everyMessageShowsFinalState: shownCurrent === cases.length && approved === cases.length,
  };
}
