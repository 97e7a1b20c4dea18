// Clicks through a whole takeover in the playground, in headless Chromium, in the Teams view and the Slack view.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import {
  browserSkipReason,
  closePlaygroundInBrowser,
  openPlayground,
  startPlaygroundInBrowser,
} from '../helpers/browser.js';
import { describeSkipIf } from '../helpers/skip.js';
import { startPlaygroundCase } from './playground-case.js';

const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/playground');
const QUESTION = 'Ik neem een klant over uit een andere Twinfield omgeving, wat moet ik doen?';
const skip = browserSkipReason();

describeSkipIf(skip, 'playground in the browser', () => {
  let app: App & { url: string };
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ app, browser } = await startPlaygroundInBrowser());
  }, 60_000);
  afterAll(() => closePlaygroundInBrowser({ app, browser }));

  const open = (platform: 'slack' | 'teams') => openPlayground(browser, app.url, platform);

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const say = async (page: Page, text: string) => {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('send').click();
  };
  const be = (page: Page, persona: string) => page.getByTestId('who').selectOption(persona);
  const timeline = (page: Page) => page.getByTestId('timeline');

  it('Slack view: question, start, three approvals, outsider refused, move, checklist, reminder, completed', async () => {
    const page = await open('slack');
    await say(page, QUESTION);
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Stap 1');
    expect(await timeline(page).getByRole('link').first().getAttribute('href')).toMatch(/community\.wolterskluwer\.nl/);
    await shot(page, 'slack-1-answer');

    await timeline(page).getByRole('button', { name: 'Overname starten' }).click();
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    // Submit half-filled first: the errors show in the modal and what was typed stays.
    await modal.getByLabel('Naam van de klant').fill('Bakkerij De Korst B.V.');
    await page.getByTestId('modal-submit').click();
    await expect.poll(() => modal.innerText()).toContain('Vul dit veld in');
    expect(await modal.getByLabel('Naam van de klant').inputValue()).toBe('Bakkerij De Korst B.V.');
    await shot(page, 'slack-2-modal-errors');
    await modal.getByLabel('Administraties').fill('1001 Bakkerij De Korst');
    await modal.getByLabel('Oude omgeving', { exact: true }).fill('Kantoor Oud');
    await modal.getByLabel('Nieuwe omgeving', { exact: true }).fill('Kantoor Nieuw');
    // Optional: the playground offers outside approvers, so a member or a name from outside fills these roles.
    await modal
      .getByLabel('Beheerder oude omgeving (optioneel)', { exact: true })
      .selectOption({ label: 'Otto Jansen' });
    await modal.getByLabel('Klant (optioneel)', { exact: true }).selectOption({ label: 'Karin Bakker' });
    await modal.getByLabel('Rabobank-bankkoppeling').check();
    await page.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => timeline(page).innerText()).toContain('Overname Bakkerij De Korst B.V.');
    await shot(page, 'slack-3-case');

    const caseMessage = timeline(page)
      .getByTestId('msg')
      .filter({ hasText: 'Overname Bakkerij De Korst B.V.' })
      .first();
    await be(page, 'outsider');
    await caseMessage.locator('[data-action-id="approve:client"]').click();
    await expect.poll(() => timeline(page).innerText()).toContain('Alleen Karin Bakker');
    await shot(page, 'slack-4-outsider-refused');

    for (const [persona, role] of [
      ['oldAdmin', 'oldEnvironmentAdmin'],
      ['client', 'client'],
      ['requester', 'newEnvironmentAdmin'],
    ]) {
      await be(page, persona!);
      await caseMessage.locator(`[data-action-id="approve:${role}"]`).click();
      await expect.poll(() => caseMessage.locator(`[data-action-id="approve:${role}"]`).count()).toBe(0);
    }
    await caseMessage.getByRole('button', { name: 'Administratie is overgezet' }).click();
    await expect.poll(() => timeline(page).innerText()).toContain('Nazorg na overzetten');
    await shot(page, 'slack-5-checklist');

    await page.getByTestId('next-day').click();
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Herinnering');
    await shot(page, 'slack-6-reminder');

    const checklist = timeline(page).getByTestId('msg').filter({ hasText: 'Nazorg na overzetten' }).last();
    // Only what the client uses has buttons (here: the new user and Rabobank); the rest shows as not used.
    const undone = checklist.locator('[data-action-id^="checklist_done:"]');
    await expect.poll(() => undone.count()).toBe(2);
    for (let left = 2; left > 0; left--) {
      await undone.first().click();
      await expect.poll(() => undone.count()).toBe(left - 1);
    }
    await expect.poll(() => caseMessage.innerText()).toContain('Afgerond');
    await shot(page, 'slack-7-completed');
    await page.close();
  }, 120_000);
  it('Slack view: history modal, export into the DM and its CSV download, Home tab with a working approve', async () => {
    const client = 'Slagerij <i>Vers</i> & Zn';
    const started = await startPlaygroundCase(app, 'slack', { clientName: client, administrations: '3001' });
    if (!started.ok || started.withdrawn) throw new Error('case not started');
    const page = await open('slack');
    const caseMessage = timeline(page)
      .getByTestId('msg')
      .filter({ hasText: `Overname ${client}` })
      .first();
    await caseMessage.waitFor({ timeout: 15_000 });
    await caseMessage.locator('[data-action-id="history"]').click();
    const modal = page.getByTestId('modal');
    await expect.poll(() => modal.innerText(), { timeout: 10_000 }).toContain(`Geschiedenis — ${client}`);
    await modal.getByRole('button', { name: 'Exporteren' }).click();
    await expect.poll(() => modal.innerText(), { timeout: 10_000 }).toContain('privéberichten');
    await shot(page, 'slack-8-history-exported');
    await page.getByTestId('modal-close').click();
    await modal.waitFor({ state: 'detached' });

    await page.getByTestId('place-dm').click();
    const file = timeline(page).getByTestId('file');
    await file.waitFor();
    await shot(page, 'slack-9-dm-file');
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(started.caseId);
    expect(csv).toContain(client);

    await be(page, 'oldAdmin');
    await page.getByTestId('place-home').click();
    const home = page.getByTestId('home');
    await expect.poll(() => home.innerText(), { timeout: 10_000 }).toContain('Wacht op jou');
    expect(await home.innerText()).toContain(client);
    // The only decision left for Otto: the earlier takeover in this channel has his approval already.
    const approve = home.locator('[data-action-id="approve:oldEnvironmentAdmin"]');
    await expect.poll(() => approve.count()).toBe(1);
    await shot(page, 'slack-10-home');
    await approve.click();
    await expect.poll(() => approve.count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('place-channel').click();
    await expect
      .poll(() => caseMessage.locator('[data-action-id="approve:oldEnvironmentAdmin"]').count(), { timeout: 10_000 })
      .toBe(0);
    await page.close();
  }, 120_000);
  it('Teams view: question, start card, approvals in user-specific views, outsider sees none, move, checklist, reminder, completed', async () => {
    const page = await open('teams');
    await say(page, QUESTION);
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Stap 1');
    await shot(page, 'teams-1-answer');

    await say(page, 'start');
    const form = timeline(page).getByTestId('card').filter({ hasText: 'Nieuwe overname' }).last();
    await form.waitFor();
    await form.locator('#clientName input').fill('Accountancy Test B.V.');
    await form.getByRole('button', { name: 'Aanvragen' }).click();
    // Missing fields: the card comes back with the errors and what was typed stays.
    await expect.poll(() => timeline(page).innerText(), { timeout: 10_000 }).toContain('Vul dit veld in');
    await shot(page, 'teams-2-start-errors');
    const form2 = timeline(page).getByTestId('card').filter({ hasText: 'Nieuwe overname' }).last();
    expect(await form2.locator('#clientName input').inputValue()).toBe('Accountancy Test B.V.');
    await form2.locator('#administrations textarea').fill('2001 Accountancy Test');
    await form2.locator('#oldEnvironment input').fill('Kantoor Oud');
    await form2.locator('#newEnvironment input').fill('Kantoor Nieuw');
    await form2.locator('#oldEnvironmentAdmin select').selectOption({ label: 'Otto Jansen' });
    await form2.locator('#client select').selectOption({ label: 'Karin Bakker' });
    // The requester is preselected as the new environment's admin.
    expect(await form2.locator('#newEnvironmentAdmin select').inputValue()).toBe('29:pg-requester');
    await form2.locator('[id="features.rabobank"] input').check();
    await form2.getByRole('button', { name: 'Aanvragen' }).click();
    await expect
      .poll(() => timeline(page).innerText(), { timeout: 15_000 })
      .toContain('Overname Accountancy Test B.V.');
    const caseCard = timeline(page).getByTestId('card').filter({ hasText: 'Overname Accountancy Test B.V.' }).first();
    await shot(page, 'teams-3-case');

    // Universal Actions: the outsider's view of the card has no buttons at all.
    await be(page, 'outsider');
    await page.waitForTimeout(300);
    expect(await caseCard.getByRole('button', { name: 'Akkoord' }).count()).toBe(0);
    await shot(page, 'teams-4-outsider-read-only');

    for (const persona of ['oldAdmin', 'client', 'requester']) {
      await be(page, persona);
      // Each approver sees exactly their own pair of buttons.
      await expect.poll(() => caseCard.getByRole('button', { name: 'Akkoord' }).count(), { timeout: 10_000 }).toBe(1);
      await caseCard.getByRole('button', { name: 'Akkoord' }).click();
      await expect.poll(() => caseCard.getByRole('button', { name: 'Akkoord' }).count(), { timeout: 10_000 }).toBe(0);
    }
    await expect
      .poll(() => caseCard.getByRole('button', { name: 'Administratie is overgezet' }).count(), { timeout: 10_000 })
      .toBe(1);
    await caseCard.getByRole('button', { name: 'Administratie is overgezet' }).click();
    await expect.poll(() => timeline(page).innerText(), { timeout: 10_000 }).toContain('Nazorg na overzetten');
    await shot(page, 'teams-5-checklist');

    await page.getByTestId('next-day').click();
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Herinnering');
    await shot(page, 'teams-6-reminder');

    const checklist = timeline(page)
      .getByTestId('card')
      .filter({ hasText: 'Nazorg na overzetten — Accountancy Test B.V.' })
      .last();
    const done = checklist.getByRole('button', { name: 'Gereed' });
    await expect.poll(() => done.count(), { timeout: 10_000 }).toBe(2);
    for (let left = 2; left > 0; left--) {
      await done.first().click();
      await expect.poll(() => done.count(), { timeout: 10_000 }).toBe(left - 1);
    }
    await expect.poll(() => caseCard.innerText(), { timeout: 10_000 }).toContain('Afgerond');
    await shot(page, 'teams-7-completed');
    await page.close();
  }, 120_000);
});
