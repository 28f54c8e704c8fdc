// The Content-Security-Policy fits the app: the hall (Pixi on WebGL, logos via
// createImageBitmap), a stand page (video, gallery) and the cabinet all work in real Chromium
// under it, and the browser reports no violation. Real server on 127.0.0.1.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { hallSettled, useBrowserSuite } from './harness.ts';

const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;

const suite = useBrowserSuite();

/** Every CSP violation the page reports: DOM events and console lines. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
    localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 }));
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) seen.push(m.text());
  });
  return seen;
}

describe('the content security policy', () => {
  it('lets the hall, a stand page and the cabinet work with no violation', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const violations = await watchViolations(page);

    const hall = await page.goto(`${suite.url}/`);
    expect(hall?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await hallSettled(page);
    // Logos are drawn (createImageBitmap from blob:/data: images) and presence connected.
    await page.waitForFunction(() => (window.__expo?.hall()?.shownFloor() ?? null) !== null);

    await page.goto(`${suite.url}/floor/school/stand/sc-a11`);
    await page.getByRole('dialog').first().waitFor();
    await page.locator('.stand-interior').waitFor();
    await page.locator('video').first().waitFor({ state: 'attached' });

    await page.goto(`${suite.url}/cabinet`);
    await page.getByLabel('Эл. почта').fill(korablik.email);
    await page.getByLabel('Пароль', { exact: true }).fill(korablik.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
    await page.getByRole('tab', { name: 'Заявки' }).click();
    await page.waitForFunction(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.startsWith('Заявки'));

    expect(violations).toEqual([]);
    await page.close();
  });
});
