// One-time transfer codes of "my programme" (shared/programme/myProgramme.ts): typed codes are
// forgiving (case, spaces, dashes, look-alike letters), anything else is refused; and the
// reminder body needs consent with an address.
import { describe, expect, it } from 'vitest';
import { RedeemBody, ReminderBody, formatTransferCode, normaliseTransferCode } from '../../shared/programme/myProgramme.ts';

describe('transfer codes', () => {
  it('reads what people type', () => {
    expect(normaliseTransferCode('7K3QD-M9XA2')).toBe('7K3QDM9XA2');
    expect(normaliseTransferCode(' 7k3qd m9xa2 ')).toBe('7K3QDM9XA2');
    // O is read as 0, I and L as 1 (Crockford's base32 has none of them).
    expect(normaliseTransferCode('OOOOO-IIlll')).toBe('0000011111');
    expect(formatTransferCode('7K3QDM9XA2')).toBe('7K3QD-M9XA2');
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', '7K3QD', '7K3QD-M9XA2X', '7K3QD-M9XAU', '7K3QD_M9XA2', 'ЖK3QD-M9XA2']) expect(normaliseTransferCode(bad), bad).toBeNull();
    expect(RedeemBody.safeParse({ code: 'abc' }).success).toBe(false);
    expect(RedeemBody.parse({ code: '7k3qd-m9xa2' })).toEqual({ code: '7K3QDM9XA2' });
  });
});

describe('reminder settings body', () => {
  it('needs consent with an address, none without, and a sane lead time', () => {
    expect(ReminderBody.safeParse({ leadMinutes: 10, email: null }).success).toBe(true);
    expect(ReminderBody.safeParse({ leadMinutes: 10, email: 'a@b.test' }).success).toBe(false);
    expect(ReminderBody.safeParse({ leadMinutes: 10, email: 'a@b.test', consent: false }).success).toBe(false);
    expect(ReminderBody.parse({ leadMinutes: 10, email: ' A@B.test ', consent: true }).email).toBe('a@b.test');
    for (const leadMinutes of [0, -5, 1.5, 24 * 60 + 1]) expect(ReminderBody.safeParse({ leadMinutes, email: null }).success, String(leadMinutes)).toBe(false);
  });
});
