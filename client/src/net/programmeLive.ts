// The programme's live reload stream (/api/programme/live, Server-Sent Events): calls back
// with every revision the server announces, the current one first. EventSource reconnects by
// itself after a drop (the server asks for 10 s), and the first message after a reconnect is
// the revision then, so a change made while disconnected is not missed.
import { z } from 'zod';
import { API } from '../../../shared/api.ts';

const Revision = z.object({ revision: z.number().int().nonnegative() });

export function followProgrammeRevisions(onRevision: (revision: number) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(API.programmeLive);
  source.addEventListener('revision', (e) => {
    try {
      onRevision(Revision.parse(JSON.parse((e as MessageEvent<string>).data)).revision);
    } catch {
      // Not ours to act on: the next announcement comes with the next change.
    }
  });
  return () => source.close();
}
