// History, Export and the Home tab in the playground: the fake Slack workspace speaks views.update, views.publish,
// conversations.open and the external file upload, so the real Slack adapter's calls land on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';
import { startPlaygroundCase } from './playground-case.js';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: unknown }[];
  accessory?: { action_id?: string; value?: string };
}
interface Msg {
  ts: string;
  text: string;
  blocks?: Block[];
  files?: { id: string; name: string; title: string }[];
}
interface View {
  id: string;
  view: { type: string; blocks: Block[]; title?: { text: string } };
}
interface State {
  slack: { messages: Msg[]; dm: Msg[]; modal: View | null; home: View | null };
  teams: { activities: { id: string; text?: string; attachments?: { content: unknown }[] }[] };
}

// What a person typed as a client name: it must stay literal on every new surface.
const CLIENT = 'Bakkerij <b>De Korst</b> & *Zonen*';

describe('playground history, export and Home tab', () => {
  let app: App & { url: string };
  let caseId: string;
  beforeAll(async () => {
    app = await startPlaygroundApp();
    const r = await startPlaygroundCase(app, 'slack', { clientName: CLIENT });
    if (!r.ok || r.withdrawn) throw new Error('case not started');
    caseId = r.caseId;
  }, 30_000);
  afterAll(async () => app?.close());

  const state = async (as = 'requester') =>
    (await (await fetch(`${app.url}/playground/state?as=${as}`)).json()) as State;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { status?: number; body?: string } };
  };
  const buttons = (blocks: Block[] | undefined) =>
    (blocks ?? []).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
  const caseMessage = async () =>
    (await state()).slack.messages.find((m) => m.blocks?.length && m.text.includes('Zonen'));
  const webApi = (method: string, args: Record<string, unknown>) =>
    fetch(`${app.config.slack!.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-playground' },
      body: JSON.stringify(args),
    }).then((r) => r.json() as Promise<{ ok: boolean; error?: string; upload_url?: string }>);

  it('opens the history modal, exports into the DM, and the CSV downloads with the case facts', async () => {
    await expect.poll(caseMessage, { timeout: 10_000 }).toBeTruthy();
    const message = (await caseMessage())!;
    const history = buttons(message.blocks).find((b) => b.action_id === 'history');
    expect(history?.value).toBe(caseId);
    const pressed = await post('/playground/slack/action', {
      as: 'requester',
      ts: message.ts,
      actionId: 'history',
      value: caseId,
    });
    expect(pressed.body.status).toBe(200);
    await expect.poll(async () => (await state()).slack.modal?.view.type, { timeout: 10_000 }).toBe('modal');
    const modal = (await state()).slack.modal!;
    // The client name stays as typed: plain text in the header, nothing interpreted.
    expect(modal.view.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(modal.view.blocks[0]!.text!.text).toContain(CLIENT);
    const exportButton = buttons(modal.view.blocks).find((b) => b.action_id === 'history_export');
    expect(exportButton).toBeTruthy();

    const exported = await post('/playground/slack/view-action', {
      as: 'requester',
      view: 'modal',
      actionId: 'history_export',
      value: caseId,
    });
    expect(exported.body.status).toBe(200);
    // The modal is updated in place (same view id) with what happened.
    await expect
      .poll(async () => JSON.stringify((await state()).slack.modal?.view.blocks), { timeout: 10_000 })
      .toContain('privéberichten');
    expect((await state()).slack.modal?.id).toBe(modal.id);
    const dm = (await state()).slack.dm;
    expect(dm).toHaveLength(1);
    const file = dm[0]!.files![0]!;
    expect(file.name).toMatch(/\.csv$/);
    // Nobody else sees Rianne's DM, in their state or by the file's address.
    expect((await state('outsider')).slack.dm).toEqual([]);
    expect((await state()).slack.messages.some((m) => m.files)).toBe(false);
    const foreign = await fetch(`${app.url}/playground/slack/files/${file.id}?as=outsider`);
    expect(foreign.status).toBe(404);

    const download = await fetch(`${app.url}/playground/slack/files/${file.id}?as=requester`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const csv = await download.text();
    expect(csv.split('\r\n')[0]).toContain('case_id');
    expect(csv).toContain(caseId);
    // CSV quotes the field only for its special characters; the name itself arrives as typed.
    expect(csv).toContain('Bakkerij <b>De Korst</b> & *Zonen*');
    expect(csv).toContain('created');
  });

  it('refuses an oversize upload with Slack’s error, and bytes beyond the announced length', async () => {
    expect(await webApi('files.getUploadURLExternal', { filename: 'big.csv', length: 2_000_000 })).toEqual({
      ok: false,
      error: 'file_upload_size_restricted',
    });
    const small = await webApi('files.getUploadURLExternal', { filename: 'a.csv', length: 3 });
    expect(small.ok).toBe(true);
    const tooMuch = await fetch(small.upload_url!, { method: 'POST', body: 'abcdef' });
    expect(tooMuch.status).toBe(413);
    expect(await webApi('files.completeUploadExternal', { files: [{ id: 'F0NOPE' }] })).toMatchObject({
      ok: false,
      error: 'file_not_found',
    });
    expect(await webApi('views.update', { view_id: 'V0NOPE', view: { type: 'modal', blocks: [] } })).toEqual({
      ok: false,
      error: 'not_found',
    });
  });

  it('Home tab: app_home_opened publishes "Wacht op jou" and its approve button works for the named approver', async () => {
    expect((await post('/playground/slack/home', { as: 'oldAdmin' })).body.status).toBe(200);
    await expect.poll(async () => (await state('oldAdmin')).slack.home?.view.type, { timeout: 10_000 }).toBe('home');
    const home = (await state('oldAdmin')).slack.home!;
    const text = JSON.stringify(home.view.blocks);
    expect(text).toContain('Wacht op jou');
    expect(text).toContain('&lt;b&gt;De Korst&lt;/b&gt;');
    const approve = buttons(home.view.blocks).find((b) => b.action_id === 'approve:oldEnvironmentAdmin');
    expect(approve?.value).toBe(caseId);
    // Someone else's Home is their own: the outsider's has nothing waiting.
    await post('/playground/slack/home', { as: 'outsider' });
    await expect.poll(async () => (await state('outsider')).slack.home?.view.type, { timeout: 10_000 }).toBe('home');
    expect(buttons((await state('outsider')).slack.home!.view.blocks).some((b) => b.value === caseId)).toBe(false);

    const pressed = await post('/playground/slack/view-action', {
      as: 'oldAdmin',
      view: 'home',
      actionId: 'approve:oldEnvironmentAdmin',
      value: caseId,
    });
    expect(pressed.body.status).toBe(200);
    // The decision lands on the case message, and the app republishes the Home tab without the button.
    await expect
      .poll(
        async () => buttons((await caseMessage())?.blocks).some((b) => b.action_id === 'approve:oldEnvironmentAdmin'),
        {
          timeout: 10_000,
        },
      )
      .toBe(false);
    await expect
      .poll(
        async () =>
          buttons((await state('oldAdmin')).slack.home?.view.blocks).some(
            (b) => b.action_id === 'approve:oldEnvironmentAdmin',
          ),
        { timeout: 10_000 },
      )
      .toBe(false);
  });

  it('a press on a Home tab that was never opened answers 404, and bad input 400', async () => {
    const r = await post('/playground/slack/view-action', {
      as: 'client',
      view: 'home',
      actionId: 'approve:client',
      value: caseId,
    });
    expect(r.body.status).toBe(404);
    expect((await fetch(`${app.url}/playground/slack/files/..%2Fetc?as=requester`)).status).toBe(404);
    expect((await fetch(`${app.url}/playground/slack/files/F1?as=ceo`)).status).toBe(400);
  });

  it('Teams: History and Export answer the presser with the card, and without PUBLIC_URL the export is a table', async () => {
    expect((await post('/playground/say', { platform: 'teams', as: 'requester', text: 'help' })).status).toBe(200);
    const r = await startPlaygroundCase(app, 'teams', { clientName: CLIENT, administrations: '2001' });
    if (!r.ok || r.withdrawn) throw new Error('case not started');
    const card = async () =>
      (await state()).teams.activities.find((a) => JSON.stringify(a.attachments ?? []).includes(r.caseId));
    await expect.poll(card, { timeout: 10_000 }).toBeTruthy();
    const activityId = (await card())!.id;
    const execute = (verb: string) =>
      post('/playground/teams/execute', {
        as: 'requester',
        activityId,
        verb,
        data: { verb, caseId: r.caseId },
      }) as Promise<{
        status: number;
        body: { status?: number; body?: { type?: string; value?: unknown } };
      }>;
    const shown = await execute('history');
    expect(shown.body.status).toBe(200);
    expect(shown.body.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const exported = await execute('history_export');
    const value = JSON.stringify(exported.body.body?.value);
    expect(value).toContain('geen downloadadres');
    expect(value).toContain('Overname aangevraagd');

    // "mijn overnames" in the channel: the three lists, the case waiting on Rianne as requester.
    expect((await post('/playground/say', { platform: 'teams', as: 'requester', text: 'mijn overnames' })).status).toBe(
      200,
    );
    await expect
      .poll(async () => JSON.stringify((await state()).teams.activities.at(-1)), { timeout: 10_000 })
      .toContain('Door jou aangevraagd');
  });
});

describe('playground Teams export with PUBLIC_URL', () => {
  it('puts a signed link on the card that the playground’s own server answers with the CSV', async () => {
    // The port is only known once listening: the link's path and query are asked of the real server.
    const app = await startPlaygroundApp({ PUBLIC_URL: 'http://playground.invalid' });
    try {
      const post = (path: string, body: unknown) =>
        fetch(`${app.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      await post('/playground/say', { platform: 'teams', as: 'requester', text: 'help' });
      const r = await startPlaygroundCase(app, 'teams', { clientName: CLIENT, administrations: '2001' });
      if (!r.ok || r.withdrawn) throw new Error('case not started');
      const activities = async () =>
        ((await (await fetch(`${app.url}/playground/state?as=requester`)).json()) as State).teams.activities;
      await expect.poll(async () => JSON.stringify(await activities()), { timeout: 10_000 }).toContain(r.caseId);
      const card = (await activities()).find((a) => JSON.stringify(a.attachments ?? []).includes(r.caseId))!;
      const res = await post('/playground/teams/execute', {
        as: 'requester',
        activityId: card.id,
        verb: 'history_export',
        data: { caseId: r.caseId },
      });
      const link = /http:\/\/playground\.invalid(\/audit\/export\?[^"\\)\s]+)/.exec(
        JSON.stringify(await res.json()),
      )?.[1];
      expect(link).toBeTruthy();
      const download = await fetch(`${app.url}${link}`);
      expect(download.status).toBe(200);
      expect(await download.text()).toContain(r.caseId);
    } finally {
      await app.close();
    }
  });
});
