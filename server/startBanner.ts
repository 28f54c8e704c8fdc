// What `npm start` prints once the server listens: where to go (hall, programme, cabinet,
// organisers' console, the outbox in development), how to log in with the demo accounts, and
// which settings are still at their zero-setup defaults, so a newcomer knows what they are
// looking at without reading the README.

export interface BannerFacts {
  /** Where the server listens, e.g. http://127.0.0.1:3000 (0.0.0.0 is shown as 127.0.0.1). */
  url: string;
  floors: number;
  /** The cabinet accounts come from the public demo seed (seed/demo-accounts.json). */
  demoAccounts: boolean;
  smtpUrl?: string;
  publicUrl?: string;
  /** Folder of the embedded store. */
  dataDir: string;
}

/** A wildcard address is where the server listens, not an address a browser can open. */
function browsable(url: string): string {
  return url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:').replace('//:::', '//[::1]:');
}

export function startBanner(facts: BannerFacts): string[] {
  const base = browsable(facts.url).replace(/\/$/, '');
  const lines = [
    `virtual-expo is ready (${facts.floors} floors):`,
    `  hall     ${base}/`,
    `  programme ${base}/programme  (schedule, speakers, the library of recordings)`,
    `  cabinet  ${base}/cabinet`,
    `  console  ${base}/organiser  (organisers: exhibitors, invitations, the fair at a glance)`,
  ];
  if (facts.demoAccounts) {
    lines.push(
      '           demo logins (public passwords, local use only): organiser@expo.local / expo-demo-organiser,',
      '           exhibitor korablik@expo.local / expo-demo-korablik; more in README, "Demo accounts"',
    );
  }
  // The outbox page is mounted only without SMTP (server/app.ts) and answers only this machine.
  if (!facts.smtpUrl) lines.push(`  outbox   ${base}/dev/outbox  (mail the server would have sent; this machine only)`);

  const defaults = [
    facts.smtpUrl ? null : 'no SMTP_URL: mail goes to the outbox, nothing is sent',
    facts.publicUrl ? null : 'no PUBLIC_URL: links in e-mails use the address each request came to',
    `embedded store: files in ${facts.dataDir}, no database server`,
  ].filter((line): line is string => line !== null);
  lines.push('Settings at their defaults (see README):', ...defaults.map((line) => `  - ${line}`));
  return lines;
}
