// Stream keys: each stage's SRT passphrase is an HMAC of the stage id under one server secret
// (STREAM_SECRET, or a random one kept in <dataDir>/stream-secret), so keys survive restarts,
// need no storage, and several processes with the same secret agree. Changing the secret
// rotates every key at once.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function streamSecret(envSecret: string | undefined, dataDir: string): Buffer {
  if (envSecret) {
    if (envSecret.length < 16) throw new Error('STREAM_SECRET must be at least 16 characters');
    return Buffer.from(envSecret, 'utf8');
  }
  const file = path.join(dataDir, 'stream-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * The stage's passphrase: 32 url-safe characters (SRT accepts 10 to 79), so it can be pasted
 * into OBS or an ffmpeg URL without escaping. "Regenerate" moves the stage's generation on
 * (stored, so every process agrees); generation 0 is the key stages had before rotation.
 */
export function stageKey(secret: Buffer, stageId: string, generation = 0): string {
  const input = generation === 0 ? `srt-stage\n${stageId}` : `srt-stage\n${stageId}\n${generation}`;
  return createHmac('sha256', secret).update(input).digest('base64url').slice(0, 32);
}
