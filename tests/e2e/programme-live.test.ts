// Live reload into open programme pages, in real Chromium: an organiser saves an edited event
// file and an open schedule and an open event page show the change without a reload; a broken
// save changes nothing on screen (the server keeps the last good programme).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { useBrowserSuite } from './harness.ts';

const FAIR_NOW = '2026-04-15T12:10:00+03:00';
const EVENT = 'main-d2-higher-education-1';
let dir = '';
let eventFile = '';

const suite = useBrowserSuite(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-programme-live-'));
  await fs.cp(path.join(ROOT, 'programme'), path.join(dir, 'programme'), { recursive: true });
  for (const f of await fs.readdir(path.join(dir, 'programme', 'events'))) {
    const file = path.join(dir, 'programme', 'events', f);
    if ((await fs.readFile(file, 'utf8')).includes(`"id": "${EVENT}"`)) eventFile = file;
  }
  return { programmeDir: path.join(dir, 'programme'), fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() };
});
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

it('an edited event file reaches an open schedule and event page without a reload', async () => {
  expect(eventFile).not.toBe('');
  const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const schedule = await ctx.newPage();
  await schedule.goto(`${suite.url}/programme?day=2026-04-15`);
  const row = schedule.locator(`.prog-list > li[data-event="${EVENT}"]`);
  await row.waitFor();
  const event = await ctx.newPage();
  await event.goto(`${suite.url}/programme/${EVENT}`);
  const title = event.locator('h1');
  await title.waitFor();
  const before = (await title.textContent())!;
  // The pages keep their place: a marker on the page survives only if nothing reloads it.
  await schedule.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
  await event.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));

  const original = await fs.readFile(eventFile, 'utf8');
  // A broken save first: nothing changes on screen.
  await fs.writeFile(eventFile, original.replace(`"id": "${EVENT}"`, `"id": "${EVENT}",,`));
  await new Promise((r) => setTimeout(r, 1500));
  await expect(title.textContent()).resolves.toBe(before);

  const renamed = 'Вузы и школы: переименованная сессия';
  const text = original.replace(/("id": "main-d2-higher-education-1",\s*"title": \{ "ru": ")[^"]*"/, `$1${renamed}"`);
  expect(text).not.toBe(original);
  await fs.writeFile(eventFile, text);
  await title.getByText(renamed).waitFor({ timeout: 15_000 });
  await row.getByText(renamed).waitFor({ timeout: 15_000 });
  for (const page of [schedule, event]) expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  await ctx.close();
}, 90_000);
