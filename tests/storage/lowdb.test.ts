// The storage contract against the embedded lowdb store, on a real temp folder. Failing writes
// come from a disk whose writes reject (as with ENOSPC): root ignores a read-only folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import { type Disk, realDisk } from '../../server/storage/lowdb/durableFile.ts';
import { type ContractSubject, storageContract } from './contract.ts';
import { organiserContract } from './organiserContract.ts';
import { qaContract } from './qaContract.ts';
import { tracksContract } from './tracksContract.ts';
import { visitorProgrammeContract } from './visitorProgrammeContract.ts';

/** The real disk, or one that is full. */
export function switchableDisk(): { disk: Disk; fail(on: boolean): void } {
  const real = realDisk();
  let failing = false;
  const full = () => Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' });
  return {
    disk: {
      replace: (file, text) => (failing ? Promise.reject(full()) : real.replace(file, text)),
      mkdir: (dir) => (failing ? Promise.reject(full()) : real.mkdir(dir)),
    },
    fail(on) {
      failing = on;
    },
  };
}

async function openLowdbSubject(): Promise<ContractSubject> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-contract-'));
  const { disk, fail } = switchableDisk();
  const subject: ContractSubject = {
    storage: await openLowdbStorage(dir, { disk }),
    async reopen() {
      await subject.storage.close();
      subject.storage = await openLowdbStorage(dir, { disk });
    },
    failWrites: fail,
    async cleanup() {
      await subject.storage.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
  return subject;
}

storageContract('lowdb', openLowdbSubject);
organiserContract('lowdb', openLowdbSubject);
qaContract('lowdb', openLowdbSubject);
tracksContract('lowdb', openLowdbSubject);
visitorProgrammeContract('lowdb', openLowdbSubject);
