// What every lowdb domain module is opened with: the disk to write through and a log line sink.
import type { Disk } from './durableFile.ts';

export interface LowdbContext {
  disk: Disk;
  log: (line: string) => void;
}
