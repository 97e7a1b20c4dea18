// Dirty marks: "this case's messages may show less than the store holds", set before a change, cleared after its render.
//
// One key per case *and process* (dirty:<case>:<owner>): with one shared key, a replica finishing its render cleared
// the mark another replica had set for a change it had not rendered yet, and a crash of that replica lost the update.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';

const PREFIX = 'dirty:';

/**
 * A mark older than this was left by a process that died, or by a render that failed: a live process writes the
 * change its mark covers within a second and clears the mark once the case is shown. Such a mark's changes are long
 * stored, so whoever shows the case may clear it. Younger marks of other processes are left to their owners.
 */
export const STALE_MARK_MS = 30_000;

export interface MarkedCase {
  caseId: string;
  /** Keys of other processes' marks that are old enough to clear once the case is rendered. */
  staleForeign: string[];
  /** This process's own mark, when it is old (its render failed): clear once the case is rendered. */
  staleOwn?: string;
}

export class DirtyMarks {
  /** This process: a fresh id per start, so marks left by an earlier run count as another (dead) process's. */
  readonly owner = randomBytes(6).toString('base64url');

  private readonly shared: boolean;
  private readonly now: () => number;

  /**
   * `shared`: other live processes may use the store (Redis, PostgreSQL). On memory and SQLite this process is the
   * only one, so every other owner's mark was left by an earlier run that ended and may go once the case is shown.
   */
  constructor(
    private readonly store: Store,
    o: { shared: boolean; now?: () => number },
  ) {
    this.shared = o.shared;
    this.now = o.now ?? Date.now;
  }

  key(caseId: string): string {
    return `${PREFIX}${caseId}:${this.owner}`;
  }

  async set(caseId: string): Promise<void> {
    await this.store.set(this.key(caseId), this.now());
  }

  async clear(caseId: string): Promise<void> {
    await this.store.delete(this.key(caseId));
  }

  /** Clears marks by key, as scan() listed them (other processes' marks that are stale). */
  async clearKeys(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(key);
  }

  /** Every case with a mark, whoever set it. */
  async scan(): Promise<MarkedCase[]> {
    const cases = new Map<string, MarkedCase>();
    for await (const [key, setAt] of this.store.scan<unknown>(PREFIX)) {
      // Marks of earlier versions were `dirty:<case>` = true: no owner, no time, so stale.
      const [caseId = '', owner] = key.slice(PREFIX.length).split(':');
      const entry = cases.get(caseId) ?? { caseId, staleForeign: [] };
      cases.set(caseId, entry);
      const old = typeof setAt !== 'number' || this.now() - setAt > STALE_MARK_MS;
      if (owner === this.owner) {
        if (old) entry.staleOwn = key;
      } else if (old || !this.shared) {
        entry.staleForeign.push(key);
      }
    }
    return [...cases.values()];
  }
}
