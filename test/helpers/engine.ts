// Builds a real dialog engine on a chosen store with a manual clock and a recording messenger.
import type { AnswerEngine } from '../../src/answers/types.js';
import { ManualClock } from '../../src/clock.js';
import { DialogEngine } from '../../src/dialog/engine.js';
import { type Logger, silentLogger } from '../../src/log.js';
import { InProcessScheduler } from '../../src/reminders/in-process-scheduler.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { RecordingMessenger } from './recording-messenger.js';

export const REMINDERS = {
  timeZone: 'Europe/Amsterdam',
  approvalHours: 24,
  cron: '0 9 * * 1-5',
  escalateAfter: 2,
  workingHours: [9, 17] as [number, number],
};

/** Answers nothing: engine tests are about cases; the answer engine has its own tests. */
export const silentAnswers: AnswerEngine = {
  async answer(req) {
    return { answer: `(${req.question})`, language: 'nl', found: false, citations: [], suggestTakeover: false };
  },
};

export interface EngineHarness {
  engine: DialogEngine;
  store: Store;
  clock: ManualClock;
  messenger: RecordingMessenger;
  scheduler: InProcessScheduler;
  /** Starts a case with the valid form (or `values`) as the requester, in conversation C1 unless told; its id. */
  start(
    values?: Record<string, unknown>,
    o?: { conversation?: string; names?: Record<string, string> },
  ): Promise<string>;
  /** A press as `user`, the way an adapter hands it to the engine. */
  act(
    caseId: string,
    user: typeof people.requester,
    action: string,
    payload?: Record<string, unknown>,
  ): ReturnType<DialogEngine['handleAction']>;
  /** A second engine on the same store, as after a restart. */
  restart(): Promise<EngineHarness>;
  close(): Promise<void>;
}

export async function engineHarness(
  storeUrl = 'memory://',
  start = '2026-11-23T10:00:00+01:00',
  store?: Store,
  answers: AnswerEngine = silentAnswers,
  logger: Logger = silentLogger(),
): Promise<EngineHarness> {
  const s = store ?? (await createStore(storeUrl));
  const clock = new ManualClock(start);
  const messenger = new RecordingMessenger();
  const scheduler = new InProcessScheduler({ store: s, clock, logger, intervalMs: 0 });
  const engine = new DialogEngine({ store: s, answers, clock, scheduler, logger, reminders: REMINDERS });
  engine.registerMessenger(messenger);
  await engine.start();
  return {
    engine,
    store: s,
    clock,
    messenger,
    scheduler,
    async start(values = validForm, o = {}) {
      const r = await engine.submitStart({
        platform: 'playground',
        workspace: 'W1',
        conversation: o.conversation ?? 'C1',
        user: people.requester,
        values: values as never,
        names: o.names ?? names,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r.caseId;
    },
    act: (caseId, user, action, payload = {}) =>
      engine.handleAction({ platform: 'playground', user, caseId, action, payload }),
    async restart() {
      await engine.stop();
      const next = await engineHarness(storeUrl, clock.now().toISOString(), s);
      next.clock.set(clock.now());
      return next;
    },
    async close() {
      await engine.stop();
      await s.close();
    },
  };
}

export const people = {
  requester: { platform: 'playground' as const, id: 'U_REQ', name: 'Rianne Aanvrager' },
  oldAdmin: { platform: 'playground' as const, id: 'U_OLD', name: 'Otto Oud' },
  client: { platform: 'playground' as const, id: 'U_CLIENT', name: 'Karin Klant' },
  outsider: { platform: 'playground' as const, id: 'U_OUT', name: 'Buiten Staander' },
};

export const validForm = {
  clientName: 'Bakkerij De Korst B.V.',
  administrations: '1001 Bakkerij De Korst\n1002 De Korst Vastgoed',
  oldEnvironment: 'Accountantskantoor Oud',
  newEnvironment: 'Accountantskantoor Nieuw',
  oldEnvironmentAdmin: people.oldAdmin.id,
  client: people.client.id,
  newEnvironmentAdmin: people.requester.id,
  features: ['rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure'],
  bankLinksManagedBy: 'previousAccountant',
};

export const names = Object.fromEntries(Object.values(people).map((p) => [p.id, p.name]));

/** The dirty marks of a case (`dirty:<case>:<process>`), whichever process set them. */
export async function dirtyMarksOf(store: Store, caseId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const [key] of store.scan(`dirty:${caseId}`)) keys.push(key);
  return keys;
}
