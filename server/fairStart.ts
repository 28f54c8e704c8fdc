// Where the sample's webinar dates land at first seed: the moment the sample is written around
// (shared/sampleDates.ts SAMPLE_AS_OF) becomes "now" on the fair clock (FAIR_CLOCK_* settings,
// real time by default). Only the sample's own content file is moved: an organiser's
// content.json keeps the dates it was written with.
import path from 'node:path';
import { sampleShiftMs } from '../shared/sampleDates.ts';
import { SAMPLE_SEED_DIR, type ServerConfig } from './config.ts';

export function sampleWebinarShift(config: ServerConfig, contentFile: string, realNow = Date.now()): number {
  if (path.resolve(contentFile) !== path.join(SAMPLE_SEED_DIR, 'content.json')) return 0;
  return sampleShiftMs(realNow + (config.fairClockOffsetMs ?? 0));
}
