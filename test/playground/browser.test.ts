// Clicks through a whole takeover in the playground, in headless Chromium, in the Teams view and the Slack view.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { browserSkipReason, launchBrowser } from '../helpers/browser.js';
import { startPlaygroundApp } from '../helpers/playground-app.js';

const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/playground');
const QUESTION = 'Ik neem een klant over uit een andere Twinfield omgeving, wat moet ik doen?';
const skip = browserSkipReason();

describe.skipIf(skip)('playground in the browser', () => {
  let app: App & { url: string };
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startPlaygroundApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(platform: 'slack' | 'teams'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${app.url}/?platform=${platform}`);
    await expect.poll(() => page.locator('#who option').count()).toBe(4);
    return page;
  }

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
    await modal.getByLabel('Administratie(s)').fill('1001 Bakkerij De Korst');
    await modal.getByLabel('Oude omgeving', { exact: true }).fill('Kantoor Oud');
    await modal.getByLabel('Nieuwe omgeving', { exact: true }).fill('Kantoor Nieuw');
    await modal.getByLabel('Beheerder oude omgeving').selectOption({ label: 'Otto Jansen' });
    await modal.getByLabel('Klant', { exact: true }).selectOption({ label: 'Karin Bakker' });
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
});
