// The start banner tells a newcomer where to go and which settings are still at defaults.
import { describe, expect, it } from 'vitest';
import { startBanner } from '../../server/startBanner.ts';

const defaults = { url: 'http://127.0.0.1:3000', floors: 4, demoAccounts: true, dataDir: 'data/' };

describe('startBanner', () => {
  it('names the hall, the cabinet, the demo login and the outbox on a zero-setup start', () => {
    const text = startBanner(defaults).join('\n');
    expect(text).toContain('hall     http://127.0.0.1:3000/');
    expect(text).toContain('cabinet  http://127.0.0.1:3000/cabinet');
    expect(text).toContain('programme http://127.0.0.1:3000/programme');
    expect(text).toContain('console  http://127.0.0.1:3000/organiser');
    expect(text).toContain('organiser@expo.local / expo-demo-organiser');
    expect(text).toContain('outbox   http://127.0.0.1:3000/dev/outbox');
    expect(text).toContain('no SMTP_URL');
    expect(text).toContain('no PUBLIC_URL');
    expect(text).toContain('embedded store: files in data/');
  });

  it('leaves out what is configured: no outbox with SMTP, no demo logins with real accounts', () => {
    const text = startBanner({
      ...defaults,
      demoAccounts: false,
      smtpUrl: 'smtp://mail.example.org:587',
      publicUrl: 'https://expo.example.org',
    }).join('\n');
    expect(text).not.toContain('/dev/outbox');
    expect(text).not.toContain('expo-demo-');
    expect(text).not.toContain('SMTP_URL');
    expect(text).not.toContain('PUBLIC_URL');
    expect(text).toContain('embedded store');
  });

  it('shows a browsable address when the server listens on every interface', () => {
    const text = startBanner({ ...defaults, url: 'http://0.0.0.0:8080' }).join('\n');
    expect(text).toContain('hall     http://127.0.0.1:8080/');
    expect(text).not.toContain('0.0.0.0');
  });
});
