// Engine throughput: real decisions (fact write, re-derive, message render) per second on memory and SQLite.
import { join } from 'node:path';
import { createStore } from '../src/store/create-store.js';
import { engineHarness, names, people, validForm } from '../test/helpers/engine.js';
import { scratchDir, summarize, timed } from './stats.js';

export async function benchEngine(cases = 200): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const url of ['memory://', `sqlite://${join(scratchDir('bench-engine-'), 'b.sqlite')}`]) {
    const h = await engineHarness(url, undefined, await createStore(url));
    const ids: string[] = [];
    for (let i = 0; i < cases; i++) {
      const r = await h.engine.submitStart({
        platform: 'playground',
        workspace: 'W',
        conversation: `C${i % 10}`,
        user: people.requester,
        values: { ...validForm, clientName: `Klant ${i}` },
        names,
      });
      if (r.ok) ids.push(r.caseId);
    }
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      ids.map(async (caseId) => {
        for (const [user, role] of [
          [people.oldAdmin, 'oldEnvironmentAdmin'],
          [people.client, 'client'],
          [people.requester, 'newEnvironmentAdmin'],
        ] as const) {
          const [, ms] = await timed(() =>
            h.engine.handleAction({ platform: 'playground', user, caseId, action: 'approve', payload: { role } }),
          );
          latencies.push(ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    out[h.store.kind] = {
      decisions: latencies.length,
      decisionsPerSecond: Math.round(latencies.length / seconds),
      latencyMs: summarize(latencies),
    };
    await h.close();
  }
  return out;
}
