// `npx tsx scripts/demo-accounts.ts` rewrites the demo cabinet accounts (seed/demo-accounts.json,
// outside every folder the server serves) and the test accounts (tests/fixtures/accounts.json)
// with fresh scrypt hashes.
// `npx tsx scripts/demo-accounts.ts --hash '<password>'` prints one hash, for adding a real
// account by hand. The demo passwords are public (README): for local use only.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../shared/accounts.ts';
import { DEFAULT_COST, type ScryptCost, hashPassword } from '../server/auth/passwords.ts';
import { DEMO_ACCOUNTS_FILE, ROOT } from '../server/config.ts';
import { type Account, Account as AccountSchema } from '../server/storage/records.ts';

interface Demo {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  exhibitors: string[];
}

/** Stands on the first (school) floor, so a demo exhibitor finds its stand at once. */
export const DEMO_ACCOUNTS: Demo[] = [
  { id: 'organiser', email: 'organiser@expo.local', password: 'expo-demo-organiser', name: 'Организатор выставки', role: 'organiser', exhibitors: [] },
  { id: 'moderator', email: 'moderator@expo.local', password: 'expo-demo-moderator', name: 'Модератор чатов', role: 'moderator', exhibitors: [] },
  { id: 'korablik', email: 'korablik@expo.local', password: 'expo-demo-korablik', name: 'Анна Смирнова', role: 'exhibitor', exhibitors: ['korablik', 'teplyj-dom'] },
  { id: 'gavan', email: 'gavan@expo.local', password: 'expo-demo-gavan', name: 'Ольга Петрова', role: 'exhibitor', exhibitors: ['detskaya-gavan'] },
  { id: 'vektor', email: 'vektor@expo.local', password: 'expo-demo-vektor', name: 'Игорь Соколов', role: 'exhibitor', exhibitors: ['vektor', 'klassika'] },
];

/** Accounts of the test fixtures (tests/fixtures/exhibitors.json); tests/fixtures/fixtures.ts names the passwords. */
export const TEST_ACCOUNTS: Demo[] = [
  { id: 'org', email: 'org@test.local', password: 'test-organiser-pw', name: 'Test Organiser', role: 'organiser', exhibitors: [] },
  { id: 'mod', email: 'mod@test.local', password: 'test-moderator-pw', name: 'Test Moderator', role: 'moderator', exhibitors: [] },
  { id: 'alpha', email: 'alpha@test.local', password: 'test-alpha-pw', name: 'Alpha Staff', role: 'exhibitor', exhibitors: ['alpha-school'] },
  { id: 'beta', email: 'beta@test.local', password: 'test-beta-pw', name: 'Beta Staff', role: 'exhibitor', exhibitors: ['beta-university', 'gamma-lab'] },
];

/** Test hashes are cheap (2^12) so server tests log in fast; the server reads the cost from each hash. */
const TEST_COST: ScryptCost = { N: 2 ** 12, r: 8, p: 1 };

async function build(list: Demo[], cost: ScryptCost): Promise<Account[]> {
  const out: Account[] = [];
  for (const { password, ...a } of list) out.push(AccountSchema.parse({ ...a, passwordHash: await hashPassword(password, cost) }));
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { hash: { type: 'string' } } });
  if (values.hash !== undefined) {
    console.log(await hashPassword(values.hash));
    return;
  }
  for (const [file, list, cost] of [
    [DEMO_ACCOUNTS_FILE, DEMO_ACCOUNTS, DEFAULT_COST],
    [path.join(ROOT, 'tests', 'fixtures', 'accounts.json'), TEST_ACCOUNTS, TEST_COST],
  ] as const) {
    await fs.writeFile(file, JSON.stringify(await build(list, cost), null, 2) + '\n');
    console.log(`wrote ${path.relative(ROOT, file)} (${list.length} accounts)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
