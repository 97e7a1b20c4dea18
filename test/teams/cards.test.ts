// The pure renderers: every view the core makes, in every case state and with worst-case long input, is a valid
// Adaptive Card for Teams; buttons appear only for whoever may press them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REFRESH_USERS, renderCard } from '../../adapters/teams/cards.js';
import { fitMembers, readFormValues, renderForm } from '../../adapters/teams/form-card.js';
import { answerCard, helpCard, statusCard } from '../../src/dialog/chat-views.js';
import { rejectForm, startForm } from '../../src/dialog/forms.js';
import type { CardView } from '../../src/dialog/view.js';
import { assertValidCard, cardProblems } from '../helpers/adaptive-card-validator.js';
import { type EngineHarness, engineHarness, people, validForm } from '../helpers/engine.js';
import { cardText, executeActions } from '../helpers/teams-activities.js';

const nasty = '**_[x](javascript:alert(1))_** <@U_OLD|Otto> \\ `code` # - ';

let h: EngineHarness;
beforeEach(async () => {
  h = await engineHarness();
});
afterEach(async () => h.close());

/** The case card and checklist as shared, and as each involved person and an outsider sees them. */
async function allRenders(caseId: string): Promise<Record<string, unknown>[]> {
  const v = (await h.engine.views(caseId))!;
  const views = [v.case, ...(v.checklist ? [v.checklist] : [])];
  return views.flatMap((view) => [undefined, ...Object.values(people)].map((viewer) => renderCard(view, viewer)));
}

describe('renderCard', () => {
  it('renders every state of a case, for every viewer, as a valid card', async () => {
    const id = await h.start();
    const cards = await allRenders(id);
    await h.act(id, people.client, 'reject', { role: 'client', reason: `Eerst betalen ${nasty}` });
    cards.push(...(await allRenders(id)));
    await h.act(id, people.requester, 'rerequest');
    for (const [who, role] of [
      [people.oldAdmin, 'oldEnvironmentAdmin'],
      [people.client, 'client'],
      [people.requester, 'newEnvironmentAdmin'],
    ] as const) {
      await h.act(id, who, 'approve', { role });
      cards.push(...(await allRenders(id)));
    }
    await h.act(id, people.requester, 'confirm_transfer');
    cards.push(...(await allRenders(id)));
    for (const item of ['newUser', 'rabobank', 'portsCertificates', 'vatAccessRights', 'reportingStructure']) {
      await h.act(id, people.requester, 'checklist_done', { item });
    }
    cards.push(...(await allRenders(id)));
    const cancelled = await h.start();
    await h.act(cancelled, people.requester, 'cancel');
    cards.push(...(await allRenders(cancelled)));
    for (const card of cards) assertValidCard(card);
    expect(cards.length).toBeGreaterThan(40);
  });

  it('shows a person only their own buttons, and the shared card none while everyone gets a refresh', async () => {
    const id = await h.start();
    const { case: view } = (await h.engine.views(id))!;
    const verbs = (viewer?: typeof people.client) =>
      executeActions(renderCard(view, viewer)).map((a) => `${a.verb}:${a.data.role ?? ''}`);
    expect(verbs()).toEqual([]);
    expect(verbs(people.client)).toEqual(['approve:client', 'reject:client']);
    expect(verbs(people.requester)).toEqual(['approve:newEnvironmentAdmin', 'reject:newEnvironmentAdmin', 'cancel:']);
    expect(verbs(people.outsider)).toEqual([]);
    const action = executeActions(renderCard(view, people.client))[0]!;
    expect(action.data).toEqual({ caseId: id, role: 'client', card: 'case' });
  });

  it('carries an Action.Submit fallback with the verb for clients without Universal Actions', async () => {
    const id = await h.start();
    const card = renderCard((await h.engine.views(id))!.case, people.client);
    const actions = (card.body as { items?: { type: string; actions?: Record<string, unknown>[] }[] }[])
      .flatMap((c) => c.items ?? [])
      .flatMap((i) => i.actions ?? []);
    expect(actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'approve',
      style: 'positive',
      fallback: { type: 'Action.Submit', data: { verb: 'approve', caseId: id, role: 'client', card: 'case' } },
    });
  });

  it('lists at most 60 users for refresh; buttons of anyone beyond stay on the shared card', () => {
    const many = Array.from({ length: 70 }, (_, i) => ({ platform: 'teams' as const, id: `29:u${i}`, name: `U${i}` }));
    const view: CardView = {
      kind: 'card',
      language: 'nl',
      purpose: 'checklist',
      caseId: 'c1',
      title: 'Checklist',
      facts: [],
      sections: [
        {
          text: 'Item',
          buttons: [{ action: 'checklist_done', label: 'Gereed', caseId: 'c1', item: 'newUser', allowedUsers: many }],
        },
      ],
      buttons: [],
      actors: many,
    };
    const card = renderCard(view);
    assertValidCard(card);
    expect((card.refresh as { userIds: string[] }).userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(executeActions(card).map((a) => a.verb)).toEqual(['checklist_done']);
  });

  it('survives the longest input the form allows', async () => {
    const long = (n: number, c = 'W') => `${nasty}${c.repeat(n - nasty.length)}`;
    const bigNames = Object.fromEntries(Object.values(people).map((p) => [p.id, `${long(60, 'N')} ${p.name}`]));
    const id = await h.start(
      {
        ...validForm,
        clientName: long(150),
        administrations: Array.from({ length: 20 }, (_, i) => `${i} ${long(95, 'A')}`).join('\n'),
        oldEnvironment: long(150, 'O'),
        newEnvironment: long(150, 'P'),
        features: ['rabobank', 'knab', 'portsCertificates', 'vatAccessRights', 'reportingStructure'],
      },
      { names: bigNames },
    );
    await h.act(id, people.client, 'reject', { role: 'client', reason: long(1000, 'R') });
    const cards = await allRenders(id);
    for (const card of cards) assertValidCard(card);
    const text = cardText(cards[0]);
    // User text never turns into markup: every special character escaped, so no link and no mention arise.
    expect(text).not.toMatch(/[^\\]\]\(javascript:/);
    expect(text).toContain('\\*\\*\\_\\[x\\](javascript:alert(1))\\_\\*\\*');
    expect(text).toContain('<at>x(javascript:alert(1)) @UOLDOtto code - NN Otto Oud</at>');
  });

  it('renders help, status and answer cards in both languages', async () => {
    const id = await h.start();
    const snapshot = (await h.engine.repo.load(id))!;
    const cards = [
      helpCard('nl'),
      helpCard('en'),
      statusCard(
        [{ snapshot, link: 'https://teams.microsoft.com/l/message/19%3Ac%40thread.tacv2/1700000000000' }, { snapshot }],
        'nl',
        false,
        new Date(),
      ),
      statusCard([{ snapshot }], 'en', true, new Date()),
      statusCard([], 'nl', false, new Date()),
      answerCard(
        {
          answer: `${'Lange uitleg. '.repeat(300)}\n- punt één\n- punt twee`,
          language: 'nl',
          found: true,
          citations: [{ article: 'a', section: 's', title: 'Artikel [1]', url: 'https://example.com/a(1)' }],
          suggestTakeover: true,
        },
        true,
      ),
    ].map((v) => renderCard(v));
    for (const card of cards) assertValidCard(card);
    expect(executeActions(cards[0]).map((a) => [a.verb, a.data.lang])).toEqual([['start', 'nl']]);
    expect(executeActions(cards[1]).map((a) => [a.verb, a.data.lang])).toEqual([['start', 'en']]);
  });
});

describe('renderForm', () => {
  const members = Object.values(people).map((p) => ({ id: p.id, name: p.name }));

  it('renders the start and reason forms, with and without errors, as valid cards', () => {
    const form = startForm('nl', people.requester);
    assertValidCard(renderForm(form, members, { formId: 'f1' }));
    assertValidCard(renderForm({ ...form, errors: { clientName: 'Vul dit veld in.', features: 'x' } }, members));
    assertValidCard(renderForm(startForm('en', people.requester), []));
    assertValidCard(renderForm(rejectForm('en', 'c1', 'client', 'Bakkerij *De Korst*'), []));
  });

  it('reads toggles back into the feature list, and keeps other values as text', () => {
    const form = startForm('nl', people.requester);
    const values = readFormValues(form, {
      clientName: 'X',
      'features.rabobank': 'true',
      'features.knab': 'false',
      'features.unknown': 'true',
    });
    expect(values.features).toEqual(['rabobank', 'unknown']);
    expect(values.clientName).toBe('X');
    expect(readFormValues(form, { features: 'knab,portsCertificates' }).features).toEqual([
      'knab',
      'portsCertificates',
    ]);
  });

  it('keeps the chosen people in a cut member list', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `29:${i}${'x'.repeat(80)}`, name: `Naam ${i}` }));
    const { shown, cut } = fitMembers([...many, { id: 'me', name: 'Zoë' }], ['me']);
    expect(cut).toBe(true);
    expect(shown[0]!.id).toBe('me');
    expect(cardProblems(renderForm(startForm('nl', people.requester), shown))).toEqual([]);
  });
});
