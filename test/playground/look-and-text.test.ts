// The playground page in headless Chromium: Teams cards drawn with Teams' host config and Fluent buttons, typed text
// shown (and sent to the service) the way Slack and Teams would, and the demo clock's Dutch.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { PLAYGROUND_SLACK } from '../../adapters/playground/identities.js';
import type { App } from '../../src/app.js';
import {
  browserSkipReason,
  closePlaygroundInBrowser,
  openPlayground,
  startPlaygroundInBrowser,
} from '../helpers/browser.js';
import { describeSkipIf } from '../helpers/skip.js';
import { startPlaygroundCase } from './playground-case.js';

const skip = browserSkipReason();
/** The zero width space the adapters put after "<", "*" and the like so that no markup can form; invisible. */
const visible = (s: string) => s.replace(/\u200b/g, '');

describeSkipIf(skip, 'playground look and text', () => {
  let app: App & { url: string };
  let browser: Browser;
  beforeAll(async () => {
    ({ app, browser } = await startPlaygroundInBrowser());
  }, 60_000);
  afterAll(() => closePlaygroundInBrowser({ app, browser }));

  const open = (platform: 'slack' | 'teams') => openPlayground(browser, app.url, platform);
  const say = async (page: Page, text: string) => {
    await page.getByTestId('composer').fill(text);
    await page.getByTestId('send').click();
  };
  const timeline = (page: Page) => page.getByTestId('timeline');
  const startCase = (platform: 'slack' | 'teams', clientName: string) =>
    startPlaygroundCase(app, platform, { clientName });

  // First, while no case exists: nothing is due, so the real answer is 0.
  it('calls the demo clock "Demoklok" and counts reminders in proper Dutch', async () => {
    const page = await open('teams');
    const toast = page.locator('#toast');
    expect(await page.locator('.clock').innerText()).toMatch(/^Demoklok: /);
    await page.getByTestId('next-day').click();
    await expect.poll(() => toast.innerText()).toMatch(/^Demoklok: .+ — geen herinneringen verstuurd$/);
    for (const [fired, words] of [
      [1, '1 herinnering verstuurd'],
      [2, '2 herinneringen verstuurd'],
    ] as const) {
      await page.route('**/playground/clock/next-working-day', (route) =>
        route.fulfill({ json: { clock: new Date().toISOString(), fired } }),
      );
      await page.getByTestId('next-day').click();
      await expect.poll(() => toast.innerText()).toMatch(new RegExp(`^Demoklok: .+ — ${words}$`));
      await page.unroute('**/playground/clock/next-working-day');
    }
    expect(await page.content()).not.toMatch(/democlock|\(en\)/i);
    await page.close();
  });

  it('Slack view: typed <…> and & reach the service escaped as Slack sends them, and show literally', async () => {
    const typed = '<b>x</b> & <@U1>';
    const fetches = vi.spyOn(globalThis, 'fetch');
    const handled = vi.spyOn(app.engine, 'handleMessage');
    try {
      const page = await open('slack');
      await say(page, typed);
      const mine = timeline(page).getByTestId('msg').filter({ hasText: 'Rianne de Vries' }).last();
      // Its own text only: the bot's answer in its thread is drawn inside it, with a .content of its own.
      const text = mine.locator(':scope > .body > .content');
      await expect.poll(() => text.innerText()).toBe(typed);
      // Nothing typed became markup: no bold, no mention, no link.
      expect(await text.locator('b, .mention, a').count()).toBe(0);

      const events = fetches.mock.calls
        .filter(([url]) => String(url).endsWith('/slack/events'))
        .map(([, init]) => String(init?.body ?? ''))
        .filter((body) => body.startsWith('{'))
        .map((body) => (JSON.parse(body) as { event: { text: string } }).event.text);
      expect(events).toEqual([`<@${PLAYGROUND_SLACK.botUser}> &lt;b&gt;x&lt;/b&gt; &amp; &lt;@U1&gt;`]);
      // The real Slack adapter undoes the escaping once: the engine reads exactly what was typed.
      await expect.poll(() => handled.mock.calls.map(([msg]) => msg.text)).toContain(typed);

      // The bot's answer shows the name it was given literally too, escaped by the adapter and decoded once here.
      const name = '<b>Bakkerij</b> & *Zoet* &lt;';
      expect((await startCase('slack', name)).ok).toBe(true);
      const caseMessage = timeline(page).getByTestId('msg').filter({ hasText: 'Bakkerij' }).last();
      await expect.poll(async () => visible(await caseMessage.innerText()), { timeout: 10_000 }).toContain(name);
      expect(await caseMessage.locator('.content b', { hasText: 'Bakkerij' }).count()).toBe(0);
      // Real mentions from the bot do become mentions.
      expect(await caseMessage.locator('.mention').allInnerTexts()).toContain('@Otto Jansen');
      await page.close();
    } finally {
      fetches.mockRestore();
      handled.mockRestore();
    }
  });

  it('Slack view: only the bot’s mrkdwn control sequences become links and mentions; entities decode once', async () => {
    const page = await open('slack');
    // Rendered inside the page (the test's own TypeScript knows no DOM: everything goes through the body element).
    const text =
      'Zie <https://x.nl/?a=1&amp;b=2|A &amp; B>, <@U0PGOLDADMN>, <#C1|algemeen>, <!here>, ' +
      '<javascript:alert(1)|klik>, &amp;lt;b&amp;gt; en &lt;i&gt;y&lt;/i&gt; *vet*';
    const html: string = await page.locator('body').evaluate((body, t) => {
      const probe = body.ownerDocument.createElement('div');
      probe.id = 'probe';
      probe.innerHTML = body.ownerDocument.defaultView.BlockKit.mrkdwn(t, { U0PGOLDADMN: 'Otto Jansen' });
      body.appendChild(probe);
      return probe.innerHTML;
    }, text);
    const probe = page.locator('#probe');
    expect(await probe.innerText()).toBe('Zie A & B, @Otto Jansen, #algemeen, @here, klik, &lt;b&gt; en <i>y</i> vet');
    expect(await probe.locator('a').count()).toBe(1);
    expect(await probe.locator('a').getAttribute('href')).toBe('https://x.nl/?a=1&b=2');
    expect(await probe.locator('.mention').allInnerTexts()).toEqual(['@Otto Jansen', '#algemeen', '@here']);
    expect(await probe.locator('i').count()).toBe(0);
    expect(await probe.locator('b').allInnerTexts()).toEqual(['vet']);
    expect(html).not.toContain('javascript:');
    await page.close();
  });

  it('Teams view: cards use Teams’ host config — Segoe UI first, Fluent buttons, Teams purple for positive', async () => {
    const page = await open('teams');
    const typed = '<at>Otto Jansen</at> <b>x</b> & **y**';
    await say(page, typed);
    // What a person typed shows as typed: no mention, no bold.
    const mine = timeline(page).getByTestId('msg').filter({ hasText: 'Rianne de Vries' }).first();
    await expect.poll(() => mine.locator('.content').first().innerText()).toBe(typed);
    expect(await mine.locator('.content').first().locator('b, .mention').count()).toBe(0);

    const name = '<at>Karin Bakker</at> <b>Bakkerij</b> & **Zoet**';
    expect((await startCase('teams', name)).ok).toBe(true);
    const card = timeline(page).getByTestId('card').filter({ hasText: 'Bakkerij' }).first();
    const approve = card.getByRole('button', { name: 'Akkoord' });
    await expect.poll(() => approve.count(), { timeout: 10_000 }).toBe(1);

    // The bot's card shows the name literally; only the mention entities of the card become mentions.
    expect(visible(await card.innerText())).toContain(name);
    // (Started directly through the engine, the approvers' names are unknown: their mentions show their ids.)
    const mentions = await card.locator('.mention').allInnerTexts();
    expect(mentions).toContain('29:pg-old-admin');
    expect(mentions.some((m) => m.includes('Karin Bakker'))).toBe(false);

    const style = (selector: string, props: string[]) =>
      card
        .locator(selector)
        .first()
        .evaluate((el, names) => {
          const s = el.ownerDocument.defaultView.getComputedStyle(el);
          return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]));
        }, props);
    expect((await style('.ac-adaptiveCard', ['font-family']))['font-family']).toMatch(/^"?Segoe UI"?,/);
    expect(await style('.ac-textBlock', ['font-size'])).toEqual({ 'font-size': '14px' });
    expect(
      await approve.evaluate((el) => {
        const s = el.ownerDocument.defaultView.getComputedStyle(el);
        return [s.backgroundColor, s.color, s.height, s.borderRadius, s.fontWeight, s.fontSize];
      }),
    ).toEqual(['rgb(91, 95, 199)', 'rgb(255, 255, 255)', '32px', '4px', '600', '14px']);
    const reject = card.getByRole('button', { name: 'Afwijzen' });
    expect(
      await reject.evaluate((el) => {
        const s = el.ownerDocument.defaultView.getComputedStyle(el);
        return [s.backgroundColor, s.color, s.borderTopColor, s.borderTopWidth];
      }),
    ).toEqual(['rgb(255, 255, 255)', 'rgb(196, 49, 75)', 'rgb(209, 209, 209)', '1px']);
    // Buttons sit 8px apart (buttonSpacing), left-aligned.
    const [a, r] = await Promise.all([approve.boundingBox(), reject.boundingBox()]);
    expect(Math.round(r!.x - (a!.x + a!.width))).toBe(8);
    await page.close();
  });

  it('Teams view: <at> is a mention only when the bot’s entities name it', async () => {
    const page = await open('teams');
    const probe = await page.locator('body').evaluate((body) => {
      const el = body.ownerDocument.createElement('div');
      el.innerHTML = body.ownerDocument.defaultView.TeamsView.markdown(
        '<at>Otto Jansen</at>, <at>Bram</at>, <img src=x onerror=alert(1)> \\*a\\* **b** \uE0000\uE001',
        [{ type: 'mention', text: '<at>Otto Jansen</at>', mentioned: { id: '29:pg-old-admin', name: 'Otto Jansen' } }],
      );
      body.appendChild(el);
      const texts = (selector: string) => [...el.querySelectorAll(selector)].map((m) => m.textContent);
      return { text: el.innerText, mentions: texts('.mention'), bold: texts('b'), images: texts('img').length };
    });
    expect(probe).toEqual({
      text: 'Otto Jansen, <at>Bram</at>, <img src=x onerror=alert(1)> *a* b 0',
      mentions: ['Otto Jansen'],
      bold: ['b'],
      images: 0,
    });
    await page.close();
  });
});
