// Outside approvers in the playground, in headless Chromium: links only for the requester, each opened in a new tab
// as the outside person, approved there; the third approval and the move in the chat. And the page on a phone.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { browserSkipReason, closePlaygroundInBrowser, startPlaygroundInBrowser } from '../helpers/browser.js';
import { describeSkipIf } from '../helpers/skip.js';
import { startPlaygroundCase } from './playground-case.js';

const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/playground');
const QUESTION = 'Ik neem een klant over uit een andere Twinfield omgeving, wat moet ik doen?';
const skip = browserSkipReason();

describeSkipIf(skip, 'playground: outside approvers in the browser', () => {
  let app: App & { url: string };
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // No PUBLIC_URL: the playground offers outside approvers at its own address.
    ({ app, browser } = await startPlaygroundInBrowser());
  }, 60_000);
  afterAll(() => closePlaygroundInBrowser({ app, browser }));

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const timeline = (page: Page) => page.getByTestId('timeline');
  const be = (page: Page, persona: string) => page.getByTestId('who').selectOption(persona);
  const approvalLinks = (page: Page) => timeline(page).locator('a[href*="/goedkeuring/"]');
  const hrefs = async (page: Page) =>
    [
      ...new Set(await approvalLinks(page).evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href))),
    ].sort();

  it('Slack view: two outside roles, links to the requester only, each approved on its page, then chat and move', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${app.url}/?platform=slack`);
    await expect.poll(() => page.locator('#who option').count(), { timeout: 10_000 }).toBe(4);
    await page.getByTestId('composer').fill(QUESTION);
    await page.getByTestId('send').click();
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Stap 1');
    await timeline(page).getByRole('button', { name: 'Overname starten' }).click();

    // The start form offers someone outside the workspace for the client and the old environment's admin.
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    await modal.getByLabel('Naam van de klant').fill('Bakkerij Buiten B.V.');
    await modal.getByLabel('Administraties').fill('1001 Bakkerij Buiten');
    await modal.getByLabel('Oude omgeving', { exact: true }).fill('Kantoor Oud');
    await modal.getByLabel('Nieuwe omgeving', { exact: true }).fill('Kantoor Nieuw');
    await modal.getByLabel('Of: beheerder oude omgeving buiten deze werkruimte — naam').fill('Olga Oud');
    await modal
      .getByLabel('E-mailadres beheerder oude omgeving buiten deze werkruimte (optioneel)')
      .fill('olga@oud.nl');
    await modal.getByLabel('Of: klant buiten deze werkruimte — naam').fill('Karin, via link');
    await modal.getByLabel('Beheerder nieuwe omgeving', { exact: true }).selectOption({ label: 'Rianne de Vries' });
    await shot(page, 'external-1-form');
    await page.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });

    const caseMessage = timeline(page).getByTestId('msg').filter({ hasText: 'Overname Bakkerij Buiten B.V.' }).first();
    await caseMessage.waitFor({ timeout: 15_000 });
    await expect.poll(() => caseMessage.innerText(), { timeout: 10_000 }).toContain('Karin, via link (extern)');
    expect(await caseMessage.innerText()).toContain('Olga Oud (extern)');
    expect(await caseMessage.innerText()).toContain('wacht op akkoord via link');

    // One link per outside role, shown to the requester only.
    await expect.poll(async () => (await hrefs(page)).length, { timeout: 15_000 }).toBe(2);
    const links = await hrefs(page);
    await shot(page, 'external-2-links-for-requester');
    const seen = async (as: string) =>
      JSON.stringify(await (await fetch(`${app.url}/playground/state?as=${as}`)).json());
    for (const other of ['oldAdmin', 'client', 'outsider']) {
      // What the service gives that person's view, and what the page shows once it switched: no link either way.
      expect(await seen(other)).toContain('Overname Bakkerij Buiten B.V.');
      expect(await seen(other)).not.toContain('/goedkeuring/');
      await be(page, other);
      await expect
        .poll(
          async () =>
            (await timeline(page).innerText()).includes('Overname Bakkerij Buiten B.V.') &&
            (await approvalLinks(page).count()) === 0,
          { timeout: 10_000 },
        )
        .toBe(true);
    }
    await be(page, 'requester');
    await expect.poll(async () => (await hrefs(page)).length, { timeout: 10_000 }).toBe(2);

    // Each link opens its page in a new tab, as the outside person; the name is confirmed and Akkoord pressed.
    const names: Record<string, string> = {};
    for (const [i, href] of links.entries()) {
      const link = approvalLinks(page)
        .and(page.locator(`[href="${href}"]`))
        .first();
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await tab.waitForLoadState();
      expect(tab.url()).toBe(href);
      // noopener: the approval page cannot reach back into the playground.
      expect(await tab.evaluate('window.opener')).toBeNull();
      const name = tab.getByLabel('Je naam, ter bevestiging');
      const given = await name.inputValue();
      expect(['Olga Oud', 'Karin, via link']).toContain(given);
      names[given] = href;
      await name.fill(given);
      await shot(tab, `external-3-page-${i + 1}`);
      await tab.getByRole('button', { name: 'Akkoord' }).click();
      await expect
        .poll(() => tab.getByRole('status').innerText(), { timeout: 10_000 })
        .toContain('Je akkoord is vastgelegd');
      await tab.close();
    }
    expect(Object.keys(names).sort()).toEqual(['Karin, via link', 'Olga Oud']);

    // The case message shows both approvals; the requester is told in the thread.
    await expect.poll(() => caseMessage.innerText(), { timeout: 15_000 }).not.toContain('wacht op akkoord via link');
    expect(await caseMessage.innerText()).toContain('Olga Oud (extern) — akkoord door Olga Oud');
    expect(await caseMessage.innerText()).toContain('Karin, via link (extern) — akkoord door Karin, via link');
    for (const role of ['client', 'oldEnvironmentAdmin'])
      expect(await caseMessage.locator(`[data-action-id="approve:${role}"]`).count()).toBe(0);

    // The new environment's admin approves in the chat and confirms the move: the checklist follows.
    await caseMessage.locator('[data-action-id="approve:newEnvironmentAdmin"]').click();
    await expect
      .poll(() => caseMessage.locator('[data-action-id="approve:newEnvironmentAdmin"]').count(), { timeout: 10_000 })
      .toBe(0);
    await caseMessage.getByRole('button', { name: 'Administratie is overgezet' }).click();
    await expect.poll(() => timeline(page).innerText(), { timeout: 15_000 }).toContain('Nazorg na overzetten');
    expect(await caseMessage.innerText()).toContain('Overgezet, bevestigd door Rianne de Vries');
    await shot(page, 'external-4-moved');
    await context.close();
  }, 120_000);

  it('the page fits a phone without sideways scrolling, every control has a label, and works by keyboard', async () => {
    const client = 'Installatiebedrijf Van der Heijden-Wolterinkhuizen B.V.';
    const started = await startPlaygroundCase(app, 'slack', {
      clientName: client,
      administrations: '4001 administratie.installatiebedrijfhoofdkantoorvestigingnoord@voorbeeld.nl\n4002 Tweede',
      oldEnvironment: 'Kantoor Oud',
      newEnvironment: 'Kantoor Nieuw',
      client: '',
      clientExternalName: 'Karin Bakker',
    });
    if (!started.ok || started.withdrawn) throw new Error('case not started');
    const state = async () => JSON.stringify(await (await fetch(`${app.url}/playground/state?as=requester`)).json());
    const path = new RegExp(`${app.url.replace(/[.:/]/g, '\\$&')}(/goedkeuring/[A-Za-z0-9_.-]+)`);
    await expect
      .poll(async () => [...(await state()).matchAll(new RegExp(path, 'g'))].length, { timeout: 15_000 })
      .toBeGreaterThan(2);
    const links = [...new Set([...(await state()).matchAll(new RegExp(path, 'g'))].map((m) => m[1]!))];
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    // The first test's links are spent (410): the one that opens is this case's.
    let found = false;
    for (const link of links.reverse()) {
      const res = await page.goto(`${app.url}${link}`);
      if (res?.status() === 200 && (await page.innerText('main')).includes(client)) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'external-5-phone');

    // Found by role and accessible name: the labels are tied to their controls.
    const name = page.getByRole('textbox', { name: 'Je naam, ter bevestiging' });
    const reason = page.getByRole('textbox', { name: 'Reden (verplicht bij afwijzen)' });
    expect(await name.inputValue()).toBe('Karin Bakker');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Akkoord op het overzetten van een administratie',
    );
    await page.getByRole('link', { name: 'English' }).waitFor();

    // Rejecting without a reason: the error is announced and tied to the field; nothing recorded.
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 10_000 })
      .toBe('Geef een reden voor de afwijzing.');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toBe('reason-error');
    expect(await overflow()).toBeLessThanOrEqual(0);

    // By keyboard only: name, Tab past the reason to Akkoord, Enter.
    await name.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Karin Bakker');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('reason');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Akkoord');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').innerText(), { timeout: 10_000 })
      .toContain('Je akkoord is vastgelegd');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.close();
  }, 60_000);

  it('Teams view: the start card offers someone outside the workspace for the client and the old admin', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`${app.url}/?platform=teams`);
    await expect.poll(() => page.locator('#who option').count(), { timeout: 10_000 }).toBe(4);
    await page.getByTestId('composer').fill('start');
    await page.getByTestId('send').click();
    const form = timeline(page).getByTestId('card').filter({ hasText: 'Nieuwe overname' }).last();
    await form.waitFor({ timeout: 15_000 });
    for (const role of ['client', 'oldEnvironmentAdmin'])
      for (const field of ['ExternalName', 'ExternalEmail']) await form.locator(`#${role}${field} input`).waitFor();
    expect(await form.locator('#newEnvironmentAdminExternalName').count()).toBe(0);
    expect(await form.innerText()).toContain('Of: klant buiten deze werkruimte — naam');
    expect(await form.innerText()).not.toContain('PUBLIC_URL');
    await page.close();
  }, 60_000);
});
