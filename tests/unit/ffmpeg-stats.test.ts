// The ingest stats parser (server/stream/ffmpegStats.ts) on ffmpeg 5.1's own output, captured
// from the stage command (-progress pipe:1, -stats_period 1, -loglevel info) copying a 640x360
// H.264 + AAC test pattern into HLS: the -progress blocks on stdout and the stream
// description on stderr.
import { describe, expect, it } from 'vitest';
import { applyProgress, applyStderrLine, emptyStats, progressReader } from '../../server/stream/ffmpegStats.ts';

const STDERR = `ffmpeg stats and -progress period set to 1.
Input #0, mpegts, from 'srt://127.0.0.1:9000?mode=listener':
  Duration: N/A, start: 1.445333, bitrate: N/A
  Program 1 
    Metadata:
      service_name    : Service01
      service_provider: FFmpeg
  Stream #0:0[0x100]: Video: h264 (Main) ([27][0][0][0] / 0x001B), yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9], 30 fps, 30 tbr, 90k tbn
  Stream #0:1[0x101]: Audio: aac (LC) ([15][0][0][0] / 0x000F), 48000 Hz, stereo, fltp, 98 kb/s
Output #0, hls, to '/data/streams/ev/index.m3u8':
  Metadata:
    encoder         : Lavf59.27.100
  Stream #0:0: Video: h264 (Main) ([27][0][0][0] / 0x001B), yuv420p(progressive), 1920x1080 [SAR 1:1 DAR 16:9], q=2-31, 25 fps, 30 tbr, 90k tbn
  Stream #0:1: Audio: aac (LC) ([15][0][0][0] / 0x000F), 44100 Hz, stereo, fltp, 98 kb/s
Stream mapping:
  Stream #0:0 -> #0:0 (copy)
  Stream #0:1 -> #0:1 (copy)
[hls @ 0x55903f6f8040] Opening '/data/streams/ev/seg-00000.ts' for writing`;

const PROGRESS = `frame=1
fps=0.00
stream_0_0_q=-1.0
bitrate=N/A
total_size=N/A
out_time_us=0
out_time_ms=0
out_time=00:00:00.000000
dup_frames=0
drop_frames=0
speed=N/A
progress=continue
frame=63
fps=31.29
stream_0_0_q=-1.0
bitrate=N/A
total_size=N/A
out_time_us=2054667
out_time_ms=2054667
out_time=00:00:02.054667
dup_frames=3
drop_frames=7
speed=1.02x
progress=continue
frame=90
fps=29.84
stream_0_0_q=-1.0
bitrate=N/A
total_size=N/A
out_time_us=3029333
out_time_ms=3029333
out_time=00:00:03.029333
dup_frames=3
drop_frames=9
speed=   1x
progress=end
`;

function blocksOf(text: string, chunkSize: number): Record<string, string>[] {
  const blocks: Record<string, string>[] = [];
  const read = progressReader((b) => blocks.push(b));
  for (let i = 0; i < text.length; i += chunkSize) read(text.slice(i, i + chunkSize));
  return blocks;
}

describe('ffmpeg stderr: what the stage receives', () => {
  it('reads the input\'s video and audio, not the output\'s', () => {
    let stats = emptyStats(0);
    const seen: boolean[] = [];
    for (const line of STDERR.split('\n')) {
      stats = applyStderrLine(stats, line);
      seen.push(stats.receiving);
    }
    expect(seen[0]).toBe(false);
    expect(seen[1]).toBe(true);
    expect(stats.video).toEqual({ codec: 'h264', width: 640, height: 360, fps: 30 });
    expect(stats.audio).toEqual({ codec: 'aac', sampleRate: 48000 });
  });

  it('ignores lines that describe nothing (and does not take a hex tag for a size)', () => {
    const stats = emptyStats(0);
    for (const line of ['', 'garbage', '  Stream #0:0 -> #0:0 (copy)', "[hls @ 0x55903f6f8040] Opening 'x.ts'", 'Stream mapping:']) {
      expect(applyStderrLine(stats, line)).toBe(stats);
    }
    expect(applyStderrLine(stats, '  Stream #0:0[0x100]: Video: h264 ([27][0][0][0] / 0x001B), yuv420p').video).toBeUndefined();
  });

  it('reads a video line without a frame rate', () => {
    const s = applyStderrLine(emptyStats(0), '  Stream #0:0[0x100]: Video: hevc (Main), yuv420p(tv), 3840x2160');
    expect(s.video).toEqual({ codec: 'hevc', width: 3840, height: 2160 });
  });
});

describe('ffmpeg -progress: frames, fps, dropped and duplicated frames', () => {
  it('splits the output into blocks however the pipe cuts it', () => {
    const whole = blocksOf(PROGRESS, PROGRESS.length);
    expect(whole).toHaveLength(3);
    for (const size of [1, 7, 64]) expect(blocksOf(PROGRESS, size)).toEqual(whole);
    expect(whole[1]).toMatchObject({ frame: '63', fps: '31.29', drop_frames: '7', dup_frames: '3', progress: 'continue' });
    expect(whole[2]?.progress).toBe('end');
  });

  it('keeps no half block: a block counts once its "progress=" line arrived', () => {
    expect(blocksOf('frame=5\nfps=2\n', 3)).toEqual([]);
  });

  it('folds the blocks into the stats', () => {
    let stats = emptyStats(0);
    const blocks = blocksOf(PROGRESS, 100);
    stats = applyProgress(stats, blocks[0]!, 1000);
    expect(stats).toMatchObject({ frames: 1, fps: 0, droppedFrames: 0, duplicatedFrames: 0, streamSeconds: 0, updatedAt: 1000 });
    expect(stats.speed).toBeUndefined();
    stats = applyProgress(stats, blocks[1]!, 2000);
    expect(stats).toMatchObject({ frames: 63, fps: 31.29, droppedFrames: 7, duplicatedFrames: 3, speed: 1.02, updatedAt: 2000 });
    expect(stats.streamSeconds).toBeCloseTo(2.054667, 6);
    stats = applyProgress(stats, blocks[2]!, 3000);
    expect(stats).toMatchObject({ frames: 90, fps: 29.84, droppedFrames: 9, speed: 1 });
    expect(stats.streamSeconds).toBeCloseTo(3.029333, 6);
  });

  it('keeps what a block does not say (N/A, missing or negative values)', () => {
    const before = applyProgress(emptyStats(0), { frame: '40', fps: '25', out_time_us: '1600000', speed: '1.5x', progress: 'continue' }, 1);
    const after = applyProgress(before, { frame: 'N/A', fps: '', out_time_us: '-9223372036854775807', speed: 'N/A', progress: 'continue' }, 2);
    expect(after).toMatchObject({ frames: 40, fps: 25, streamSeconds: 1.6, speed: 1.5, updatedAt: 2 });
  });

  it('leaves the stream description and bitrate alone', () => {
    const described = applyStderrLine(applyStderrLine(emptyStats(0), STDERR.split('\n')[1]!), STDERR.split('\n')[7]!);
    const s = applyProgress({ ...described, bitrate: 640_000 }, { frame: '10', progress: 'continue' }, 5);
    expect(s).toMatchObject({ receiving: true, bitrate: 640_000, video: { width: 640, height: 360 } });
  });
});
