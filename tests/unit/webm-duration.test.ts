// The WebM duration patch: live MediaRecorder files carry no Duration; the generator adds one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { setWebmDuration, webmDurationMs } from '../../scripts/media/webmDuration.ts';

/** A minimal WebM: EBML header, a Segment of unknown size (as MediaRecorder writes), Info, a Cluster. */
function liveWebm(): Uint8Array {
  const ebml = [0x1a, 0x45, 0xdf, 0xa3, 0x84, 0x42, 0x82, 0x81, 0x77]; // DocType-ish payload
  const segment = [0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
  const timecodeScale = [0x2a, 0xd7, 0xb1, 0x83, 0x0f, 0x42, 0x40]; // 1 000 000 ns
  const muxingApp = [0x4d, 0x80, 0x82, 0x41, 0x42];
  const info = [0x15, 0x49, 0xa9, 0x66, 0x80 | (timecodeScale.length + muxingApp.length), ...timecodeScale, ...muxingApp];
  const cluster = [0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe7, 0x81, 0x00];
  return new Uint8Array([...ebml, ...segment, ...info, ...cluster]);
}

describe('setWebmDuration', () => {
  it('adds a Duration to a live file and keeps everything after Info', () => {
    const src = liveWebm();
    expect(webmDurationMs(src)).toBeNull();
    const out = setWebmDuration(src, 10_080);
    expect(webmDurationMs(out)).toBeCloseTo(10_080, 6);
    // The Cluster follows untouched.
    expect(Array.from(out.slice(-15))).toEqual(Array.from(src.slice(-15)));
  });

  it('overwrites a Duration already there', () => {
    const once = setWebmDuration(liveWebm(), 5_000);
    const twice = setWebmDuration(once, 7_500);
    expect(twice.length).toBe(once.length);
    expect(webmDurationMs(twice)).toBeCloseTo(7_500, 6);
  });

  it('refuses what is not WebM', () => {
    expect(() => setWebmDuration(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 1000)).toThrow(/not a WebM/);
  });

  it('the shipped sample videos know their length', () => {
    const dir = path.join(ROOT, 'assets/video');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.webm'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const ms = webmDurationMs(new Uint8Array(fs.readFileSync(path.join(dir, f))));
      expect(ms, f).toBeGreaterThan(6_000);
      expect(ms, f).toBeLessThan(12_000);
    }
  });
});
