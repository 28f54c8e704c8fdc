// Who moderates an event (shared/eventModerators.ts) and the broadcast page's formatters
// (shared/broadcast.ts).
import { describe, expect, it } from 'vitest';
import { formatBitrate, formatDuration, maskPassphrase, streamFps } from '../../shared/broadcast.ts';
import { mayModerateEvent } from '../../shared/eventModerators.ts';

describe('mayModerateEvent', () => {
  const org = { id: 'o', role: 'organiser' as const };
  const mod = { id: 'm', role: 'moderator' as const };
  const staff = { id: 's', role: 'exhibitor' as const };

  it('lets organisers moderate every event', () => {
    expect(mayModerateEvent(org, { assigned: [], ownEvents: 0 })).toBe(true);
    expect(mayModerateEvent(org, { assigned: ['m'], ownEvents: 0 })).toBe(true);
  });

  it('lets assigned accounts of any role moderate their event', () => {
    expect(mayModerateEvent(mod, { assigned: ['m'], ownEvents: 1 })).toBe(true);
    expect(mayModerateEvent(staff, { assigned: ['x', 's'], ownEvents: 2 })).toBe(true);
  });

  it('lets a moderator assigned nowhere take an event nobody is assigned to, and nothing else', () => {
    expect(mayModerateEvent(mod, { assigned: [], ownEvents: 0 })).toBe(true);
    expect(mayModerateEvent(mod, { assigned: ['other'], ownEvents: 0 })).toBe(false);
    expect(mayModerateEvent(mod, { assigned: [], ownEvents: 1 })).toBe(false);
    expect(mayModerateEvent(staff, { assigned: [], ownEvents: 0 })).toBe(false);
  });
});

describe('broadcast formatters', () => {
  const units = { kbit: 'kbit/s', mbit: 'Mbit/s' };
  it('formats bitrates', () => {
    expect(formatBitrate(0, units)).toBe('—');
    expect(formatBitrate(Number.NaN, units)).toBe('—');
    expect(formatBitrate(400, units)).toBe('1 kbit/s');
    expect(formatBitrate(640_000, units)).toBe('640 kbit/s');
    expect(formatBitrate(2_430_000, units)).toBe('2.4 Mbit/s');
  });

  it('takes the frame rate from stream time, else from what the input declares', () => {
    expect(streamFps({ frames: 63, streamSeconds: 2.054667 })).toBe(30.7);
    expect(streamFps({ frames: 10, streamSeconds: 0.4, video: { codec: 'h264', width: 1, height: 1, fps: 25 } })).toBe(25);
    expect(streamFps({ frames: 0, streamSeconds: 0 })).toBeNull();
  });

  it('formats stream time', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65.9)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('masks every occurrence of the passphrase', () => {
    expect(maskPassphrase('srt://h:1?passphrase=abc123abc123&pbkeylen=16', 'abc123abc123')).toBe('srt://h:1?passphrase=••••••••&pbkeylen=16');
    expect(maskPassphrase('srt://h:1', '')).toBe('srt://h:1');
  });
});
