// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) in real Chromium on the
// pages people use most: the hall, its list view, a stand page with its chat, and every tab of the cabinet. Serious and critical findings fail the test with their rule and node.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;

const suite = useBrowserSuite();

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the page (or inside `scope`) and returns serious and critical findings. */
async function audit(page: Page, scope?: string): Promise<Finding[]> {
  // Evaluated through DevTools, which the page's CSP (no inline scripts) does not govern.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run(sel ? { include: [sel] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, scope ?? null);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('the stand page over the hall', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-a11`);
    await page.getByRole('dialog', { name: /Кораблик/ }).waitFor();
    await page.locator('.stand-interior [aria-labelledby="stand-gallery-title"]').waitFor();
    await hallSettled(page);
    expect(await audit(page, '.stand-dialog')).toEqual([]);
    await page.close();
  });

  it('the hall itself', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page);
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the list view of a floor', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page);
    await page.getByRole('button', { name: 'Список стендов' }).click();
    await page.locator('.list-view [data-list-stand]').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('the cabinet: login, stand editor, leads, analytics and chats', async () => {
    const page = await openPage(suite.browser, `${suite.url}/cabinet`, undefined, null);
    await page.getByRole('heading', { name: 'Вход в кабинет экспонента' }).waitFor();
    expect(await audit(page)).toEqual([]);
    await page.getByLabel('Эл. почта').fill(korablik.email);
    await page.getByLabel('Пароль', { exact: true }).fill(korablik.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
    await page.goto(`${suite.url}/cabinet/korablik/stand`);
    await page.locator('.stand-interior').first().waitFor();
    expect(await audit(page)).toEqual([]);
    await page.goto(`${suite.url}/cabinet/korablik/leads`);
    await page.locator('.cab-live--live').waitFor({ timeout: 20_000 });
    expect(await audit(page)).toEqual([]);
    await page.goto(`${suite.url}/cabinet/korablik/analytics`);
    await page.locator('.cab-totals').waitFor();
    expect(await audit(page)).toEqual([]);
    await page.goto(`${suite.url}/cabinet/korablik/chats`);
    await page.locator('.inbox').waitFor({ timeout: 20_000 });
    expect(await audit(page)).toEqual([]);
    await page.close();
  });
});
