// The master playlist the server writes over a stage's two renditions: codecs from ffprobe's
// words, peak and mean rates from segment sizes, and the playlist text players read.
import { describe, expect, it } from 'vitest';
import { bandwidthOf, codecOf, ffprobeBeside, masterPlaylistText, variantOf } from '../../server/stream/masterPlaylist.ts';
import { parsePlaylist } from '../../server/stream/playlist.ts';

describe('codecOf', () => {
  it('names H.264 by profile and level, AAC by profile', () => {
    expect(codecOf({ codec_name: 'h264', profile: 'Main', level: 30 })).toBe('avc1.4d401e');
    expect(codecOf({ codec_name: 'h264', profile: 'High', level: 40 })).toBe('avc1.640028');
    expect(codecOf({ codec_name: 'h264', profile: 'Constrained Baseline', level: 31 })).toBe('avc1.42e01f');
    expect(codecOf({ codec_name: 'aac', profile: 'LC' })).toBe('mp4a.40.2');
    expect(codecOf({ codec_name: 'aac', profile: 'HE-AAC' })).toBe('mp4a.40.5');
  });

  it('says nothing rather than something wrong', () => {
    expect(codecOf({ codec_name: 'h264', profile: 'Main' })).toBeNull();
    expect(codecOf({ codec_name: 'h264', profile: 'Unheard of', level: 30 })).toBeNull();
    expect(codecOf({ codec_name: 'vp9' })).toBeNull();
  });
});

describe('bandwidthOf', () => {
  it('is the peak segment rate and the mean over all, a short last segment not counting for the peak', () => {
    expect(
      bandwidthOf([
        { bytes: 200_000, duration: 2 },
        { bytes: 300_000, duration: 2 },
        { bytes: 100_000, duration: 0.2 },
      ]),
    ).toEqual({ peak: 1_200_000, average: Math.round((600_000 * 8) / 4.2) });
    expect(bandwidthOf([])).toEqual({ peak: 0, average: 0 });
  });
});

describe('masterPlaylistText', () => {
  it('lists each rendition with BANDWIDTH, RESOLUTION, FRAME-RATE and CODECS', () => {
    const video = { codec_type: 'video', codec_name: 'h264', profile: 'Main', level: 31, width: 1280, height: 720, r_frame_rate: '30/1' };
    const audio = { codec_type: 'audio', codec_name: 'aac', profile: 'LC' };
    const text = masterPlaylistText([
      variantOf('src/index.m3u8', { peak: 2_600_000, average: 2_400_000 }, [video, audio]),
      variantOf('low/index.m3u8', { peak: 800_000, average: 700_000 }, [{ ...video, profile: 'High', level: 30, width: 640, height: 360 }, audio]),
      // Audio only, and a rendition ffprobe could not read: no CODECS at all rather than half.
      variantOf('audio/index.m3u8', { peak: 100_000, average: 96_000 }, [audio]),
      variantOf('x/index.m3u8', { peak: 0, average: 0 }, []),
    ]);
    expect(text.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-STREAM-INF:BANDWIDTH=2600000,AVERAGE-BANDWIDTH=2400000,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.4d401f,mp4a.40.2"',
      'src/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=800000,AVERAGE-BANDWIDTH=700000,RESOLUTION=640x360,FRAME-RATE=30.000,CODECS="avc1.64001e,mp4a.40.2"',
      'low/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=100000,AVERAGE-BANDWIDTH=96000,CODECS="mp4a.40.2"',
      'audio/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=1',
      'x/index.m3u8',
      '',
    ]);
    expect(parsePlaylist(text).variants).toEqual(['src/index.m3u8', 'low/index.m3u8', 'audio/index.m3u8', 'x/index.m3u8']);
  });

  it('finds ffprobe beside the configured ffmpeg', () => {
    expect(ffprobeBeside('ffmpeg')).toBe('ffprobe');
    expect(ffprobeBeside('/opt/ff/bin/ffmpeg')).toBe('/opt/ff/bin/ffprobe');
  });
});
