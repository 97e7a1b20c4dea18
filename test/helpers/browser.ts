// Headless Chromium (Debian's package) driven by playwright-core; never a downloaded browser.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { startPlaygroundApp } from './playground-app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined; under CI=true a missing browser is a failure, not a skip. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing under CI=true: .ci/run must install chromium`);
  return `${CHROMIUM} not found: apt-get install -y chromium to run the browser tests`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PlaygroundInBrowser {
  app: App & { url: string };
  browser: Browser;
}

/** The playground app and a headless Chromium to look at it; if the browser cannot start, the app is closed again. */
export async function startPlaygroundInBrowser(): Promise<PlaygroundInBrowser> {
  const app = await startPlaygroundApp();
  try {
    return { app, browser: await launchBrowser() };
  } catch (err) {
    await app.close();
    throw err;
  }
}

export async function closePlaygroundInBrowser(p: Partial<PlaygroundInBrowser>): Promise<void> {
  await p.browser?.close();
  await p.app?.close();
}

/** A new page on the playground in one platform's view, once its personas are there; a page error fails the test. */
export async function openPlayground(browser: Browser, url: string, platform: 'slack' | 'teams'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(`${url}/?platform=${platform}`);
  await expect.poll(() => page.locator('#who option').count()).toBe(4);
  return page;
}
