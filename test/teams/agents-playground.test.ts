// The README's "Try it locally without Azure", step by step, in the real Microsoft 365 Agents Playground (headless,
// driven in Chromium): Rianne starts a takeover in Kantoor - Overnames and approves as new environment admin; her
// press on Karin's button is refused; after a restart as Karin, `status` → Show takeover card → Karin approves.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { createTeamsAdapter } from '../../adapters/teams/plugin.js';
import type { Role } from '../../src/domain/case.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import {
  type AgentsPlayground,
  parsePlaygroundYml,
  readPlaygroundYml,
  startAgentsPlayground,
  swapCurrentUser,
} from '../helpers/agents-playground.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { captureLog } from '../helpers/log-capture.js';
import { describeSkipIf } from '../helpers/skip.js';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/agents-playground');
// What the README names, word for word: if the UI stops saying it, the README (or the service) has to change.
const README = { channel: 'Kantoor - Overnames', approve: 'Approve', reject: 'Reject', showCase: 'Show takeover card' };
// The rest of the words as the service says them (the playground is always en-US).
const en = MESSAGES.en;
const CLIENT = 'Bakkerij De Korst B.V.';
const CASE_TITLE = new RegExp(`Takeover ${CLIENT.replace(/\./g, '\\.')}`);
/** Generous, bounded: a reply or a card update in the playground takes well under a second here. */
const UI_WAIT = 20_000;
const skip = browserSkipReason();

describeSkipIf(skip, 'README recipe in the Microsoft 365 Agents Playground', () => {
  const log = captureLog();
  const yml = readPlaygroundYml();
  const config = parsePlaygroundYml(yml);
  const channel = config.team.channels[0]!;
  const BOT = config.bot.name; // "Overname-assistent"
  let app: TestApp;
  let browser: Browser;
  let playground: (AgentsPlayground & { currentUser: string }) | undefined;
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    // `TEAMS_USER_SPECIFIC_VIEWS=off npm start` without MicrosoftAppId: Teams only, on a real (free) port.
    app = await startTestApp(
      { TEAMS_USER_SPECIFIC_VIEWS: 'off' },
      { platforms: [createTeamsAdapter()], logger: log.logger },
    );
    browser = await launchBrowser();
    page = await open(yml);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stopPlayground();
    await app?.close();
  });

  /** Stops the playground, keeping its log with the screenshots (the temp dir it ran in goes). */
  async function stopPlayground() {
    const who = playground?.currentUser.split(' ')[0];
    await playground?.stop(`${ARTIFACTS}/m365agentsplayground-${who}.log`);
    playground = undefined;
  }

  /** (Re)starts the playground with this yml and opens its page. */
  async function open(ymlText: string): Promise<Page> {
    await page?.close();
    await stopPlayground();
    const me = parsePlaygroundYml(ymlText).currentUser.name;
    const started = await startAgentsPlayground(`${app.url}/api/messages`, ymlText);
    playground = Object.assign(started, { currentUser: me });
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await p.goto(started.url);
    // Opening the page selects Personal Chat; its composer shows when the UI is ready, the header names who you are.
    await p.locator('[data-lexical-editor="true"]').last().waitFor({ timeout: UI_WAIT });
    await p.getByText(me, { exact: true }).first().waitFor({ timeout: UI_WAIT });
    return p;
  }

  function failureShot(name: string) {
    onTestFailed(async () => {
      await page?.screenshot({ path: `${ARTIFACTS}/${name}-failed.png`, fullPage: true }).catch(() => undefined);
    });
  }
  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  /** Chooses the channel; resolves once its "Start a new post" box shows (the others are reply boxes under posts). */
  async function openChannel(): Promise<Locator> {
    await page.getByRole('treeitem', { name: README.channel, exact: true }).click();
    const newPost = page
      .locator('.fui-Card')
      .filter({ has: page.getByRole('button', { name: 'Post', exact: true }) })
      .locator('[data-lexical-editor="true"]');
    await newPost.waitFor({ timeout: UI_WAIT });
    return newPost;
  }

  /** README step 1: choose the channel, type `@Overn…`, pick the bot, then the command. */
  async function postInChannel(command: string) {
    await (await openChannel()).click();
    await page.keyboard.type('@Overn');
    await page.getByRole('menuitem', { name: BOT }).click();
    await page.keyboard.type(` ${command}`);
    await page.keyboard.press('Enter');
  }

  /** The takeover card in the UI (Adaptive Cards render with .ac-adaptiveCard). */
  const caseCard = () => page.locator('.ac-adaptiveCard').filter({ hasText: CASE_TITLE }).last();
  /** A role's part of the case card: the innermost container with its line, e.g. "⏳ Client: Karin Klant — …". */
  const section = (label: string) =>
    caseCard()
      .locator('.ac-container')
      .filter({ hasText: `${label}: ` })
      .last();
  const approveIn = (label: string) => section(label).getByRole('button', { name: README.approve, exact: true });
  const decision = async (role: Role) => (await app.engine.repo.load(caseId))?.roles.find((r) => r.role === role);

  it('Rianne posts "@Overname-assistent start" in Kantoor - Overnames and sends the form: the case card appears', async () => {
    failureShot('1-start');
    await postInChannel('start');
    const field = (name: string) => page.getByRole('textbox', { name });
    const form = page
      .locator('.ac-adaptiveCard')
      .filter({ has: field(en.form.clientName) })
      .last();
    await form.waitFor({ timeout: UI_WAIT });
    await form.getByRole('textbox', { name: en.form.clientName }).fill(CLIENT);
    await form.getByRole('textbox', { name: en.form.administrations }).fill('1001 Bakkerij De Korst');
    // Text boxes first: "Old environment" is also the start of the combobox "Old environment admin".
    await form.getByRole('textbox', { name: en.form.oldEnvironment }).first().fill('Kantoor Oud');
    await form.getByRole('textbox', { name: en.form.newEnvironment }).first().fill('Kantoor Nieuw');
    // Input.ChoiceSet renders as a combobox with the conversation's members as options.
    for (const [label, person] of [
      [en.roles.oldEnvironmentAdmin, 'Otto Oud'],
      [en.roles.client, 'Karin Klant'],
      [en.roles.newEnvironmentAdmin, 'Rianne Aanvrager'],
    ] as const) {
      await form.getByRole('combobox', { name: label }).first().click();
      await page.getByRole('option', { name: person, exact: true }).click();
      await expect.poll(() => form.getByRole('combobox', { name: label }).first().inputValue()).toBe(person);
    }
    await shot('1-form');
    await form.getByRole('button', { name: en.form.submit, exact: true }).click();

    await caseCard().waitFor({ timeout: UI_WAIT });
    await expect.poll(() => caseCard().innerText()).toContain(en.status.awaiting_approvals);
    const cases = await app.engine.repo.casesInConversation('teams', channel.id);
    expect(cases).toHaveLength(1);
    caseId = cases[0]!;
    const snapshot = (await app.engine.repo.load(caseId))!;
    expect(snapshot.data.clientName).toBe(CLIENT);
    expect(snapshot.data.language).toBe('en');
    expect(Object.fromEntries(snapshot.roles.map((r) => [r.role, r.approver.name]))).toEqual({
      oldEnvironmentAdmin: 'Otto Oud',
      client: 'Karin Klant',
      newEnvironmentAdmin: 'Rianne Aanvrager',
    });
    // Every role's Approve / Reject is on the shared card (no user-specific views in the playground).
    for (const label of Object.values(en.roles)) {
      await expect.poll(() => approveIn(label).count()).toBe(1);
      expect(await section(label).getByRole('button', { name: README.reject, exact: true }).count()).toBe(1);
    }
    await shot('1-case-card');
  }, 90_000);

  it('Rianne presses Approve as new environment admin: stored, and the card says so', async () => {
    failureShot('2-approve');
    await approveIn(en.roles.newEnvironmentAdmin).click();
    // The invoke's answer (with "Your approval … has been recorded.") is followed at once by the channel's copy of
    // the case card, which replaces it: what stays is the card itself.
    await expect
      .poll(() => section(en.roles.newEnvironmentAdmin).innerText(), { timeout: UI_WAIT })
      .toMatch(/approved by Rianne Aanvrager/);
    await expect.poll(() => approveIn(en.roles.newEnvironmentAdmin).count()).toBe(0);
    await app.engine.idle();
    expect((await decision('newEnvironmentAdmin'))?.decision).toMatchObject({
      decision: 'approved',
      by: { platform: 'teams', id: config.currentUser.id, name: 'Rianne Aanvrager' },
    });
    await shot('2-approved');
  }, 60_000);

  it("Rianne presses Karin's Approve: refused, nothing stored", async () => {
    failureShot('3-refused');
    const before = (await app.engine.repo.load(caseId))!.audit.length;
    await approveIn(en.roles.client).click();
    await expect
      .poll(() => caseCard().innerText(), { timeout: UI_WAIT })
      .toContain(en.refused.notYourRole(en.roleInText.client, 'Karin Klant'));
    await app.engine.idle();
    expect((await decision('client'))?.decision).toBeUndefined();
    expect((await app.engine.repo.load(caseId))!.audit).toHaveLength(before);
    // Karin's buttons stay for Karin.
    expect(await approveIn(en.roles.client).count()).toBe(1);
    await shot('3-refused');
  }, 60_000);

  it('after a restart as Karin: status, Show takeover card, Approve as client is stored as hers', async () => {
    failureShot('4-karin');
    // README step 3: stop the playground, swap Karin's entry in the yml with currentUser, start it again.
    const karinYml = swapCurrentUser(yml, 'Karin Klant');
    const karin = parsePlaygroundYml(karinYml);
    expect(karin.currentUser.name).toBe('Karin Klant');
    expect(karin.users.map((u) => u.name).sort()).toEqual(
      ['Rianne Aanvrager', 'Otto Oud', 'Bram Buiten', 'Sanne Smit', 'Daan Mulder'].sort(),
    );
    page = await open(karinYml);
    // The restart emptied the playground's history; the service kept the case.
    await openChannel();
    expect(await caseCard().count()).toBe(0);

    await postInChannel('status');
    const showCase = page
      .locator('.ac-adaptiveCard')
      .getByRole('button', { name: README.showCase, exact: true })
      .last();
    await showCase.waitFor({ timeout: UI_WAIT });
    await shot('4-status');
    await showCase.click();
    await caseCard().waitFor({ timeout: UI_WAIT });
    await expect.poll(() => section(en.roles.newEnvironmentAdmin).innerText()).toMatch(/approved by Rianne Aanvrager/);
    await shot('4-case-card');

    await approveIn(en.roles.client).click();
    await expect
      .poll(() => section(en.roles.client).innerText(), { timeout: UI_WAIT })
      .toMatch(/approved by Karin Klant/);
    await expect.poll(() => approveIn(en.roles.client).count()).toBe(0);
    await app.engine.idle();
    expect((await decision('client'))?.decision).toMatchObject({
      decision: 'approved',
      by: { platform: 'teams', id: karin.currentUser.id, name: 'Karin Klant' },
    });
    expect((await decision('oldEnvironmentAdmin'))?.decision).toBeUndefined();
    await shot('4-approved');
    expect(log.errors()).toEqual([]);
  }, 90_000);
});
