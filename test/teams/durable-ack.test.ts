// Acknowledged means stored, on Teams too: a card press is answered only once its decision is in the store, and a
// press that could not be stored is not answered with the updated card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { arrivedYet, type GatedStore, gatedStore } from '../helpers/gated-store.js';
import { tp } from '../helpers/teams-activities.js';
import { startCase, type TeamsHarness, teamsHarness } from '../helpers/teams-app.js';

let h: TeamsHarness;
let store: GatedStore;

beforeEach(async () => {
  store = gatedStore(await createStore('memory://'));
  h = await teamsHarness({}, {}, undefined, store);
  await h.teams.installed(tp.requester);
});
afterEach(async () => h?.close());

describe('Teams: acknowledged means stored', () => {
  it('answers an approval invoke only after the decision is written', async () => {
    const { caseId } = await startCase(h);
    const held = store.hold(`case:${caseId}:f:`);
    const press = h.teams.invoke(tp.client, 'approve', { caseId, role: 'client' });
    await held.started;
    expect(await arrivedYet(press)).toBe(false);
    held.release();
    expect((await press).status).toBe(200);
    expect((await h.app.engine.repo.load(caseId))?.audit.map((f) => f.type)).toEqual(['created', 'decision']);
  });

  it('does not answer 200 for a decision the store could not keep', async () => {
    const { caseId } = await startCase(h);
    store.failNext(`case:${caseId}:f:`);
    const res = await h.teams.invoke(tp.client, 'approve', { caseId, role: 'client' });
    expect(res.status).not.toBe(200);
    expect((await h.app.engine.repo.load(caseId))?.audit.map((f) => f.type)).toEqual(['created']);
  });
});
