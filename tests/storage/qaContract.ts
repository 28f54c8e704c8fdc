// The Q&A storage contract (issue 13): what every Storage implementation does with events'
// questions, votes, comments, polls, ballots, settings and mutes. Run by lowdb.test.ts and
// postgres.test.ts. As in contract.ts: acknowledged writes survive a reopen, one vote or
// ballot per voter, and a write that fails changes nothing, neither now nor after a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewQuestion } from '../../server/storage/qaStore.ts';
import { type ContractSubject, failedWriteChangesNothing } from './contract.ts';

const EVENT = 'main-d1-talk';

function question(text: string, over: Partial<NewQuestion> = {}): NewQuestion {
  return {
    eventId: EVENT,
    askerRef: 'askerAAAAAAAAAAA',
    text,
    name: 'Гость 1234',
    anonymous: false,
    status: 'pending',
    pinnedAt: null,
    askedAt: 1_700_000_000_000,
    answeredAt: null,
    answer: null,
    mergedInto: null,
    merged: 0,
    ...over,
  };
}

export function qaContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`Q&A storage contract: ${name}`, () => {
    let s: ContractSubject;
    const st = () => s.storage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      s.failWrites(false);
      await s.cleanup();
    });

    const changesNothing = (write: () => Promise<unknown>, read: () => Promise<unknown>) => failedWriteChangesNothing(s, write, read);

    it('starts empty, numbers questions per event, and keeps moderation across a reopen', async () => {
      expect(await st().qaSnapshot(EVENT, 10)).toEqual({ questions: [], polls: [], comments: [], settings: { slowModeSeconds: 0 } });
      const a = await st().addQaQuestion(question('Первый вопрос'));
      const b = await st().addQaQuestion(question('Второй', { anonymous: true, name: null }));
      const other = await st().addQaQuestion(question('Другое событие', { eventId: 'other-event' }));
      expect([a.id, b.id, other.id]).toEqual([1, 2, 1]);
      await st().putQaQuestion({ ...a, status: 'approved', answeredAt: 1_700_000_100_000, answer: { text: 'Ответ', at: 1_700_000_100_000, by: 'Мод' } });
      await expect(st().putQaQuestion({ ...a, id: 99 })).rejects.toThrow();
      await s.reopen();
      const snap = await st().qaSnapshot(EVENT, 10);
      expect(snap.questions.map((q) => [q.id, q.status, q.votes, q.anonymous, q.name])).toEqual([
        [1, 'approved', 0, false, 'Гость 1234'],
        [2, 'pending', 0, true, null],
      ]);
      expect(snap.questions[0]!.answer).toEqual({ text: 'Ответ', at: 1_700_000_100_000, by: 'Мод' });
      expect(snap.questions[0]!.answeredAt).toBe(1_700_000_100_000);
    });

    it('counts one vote per voter and question, and survives a reopen', async () => {
      const q = await st().addQaQuestion(question('Голосуем'));
      expect(await st().addQaVote(EVENT, q.id, 'voter1')).toBe(true);
      expect(await st().addQaVote(EVENT, q.id, 'voter1')).toBe(false);
      expect(await Promise.all([st().addQaVote(EVENT, q.id, 'voter2'), st().addQaVote(EVENT, q.id, 'voter2')])).toEqual(expect.arrayContaining([true, false]));
      await expect(st().addQaVote(EVENT, 42, 'voter1')).rejects.toThrow();
      await s.reopen();
      expect((await st().qaSnapshot(EVENT, 0)).questions[0]!.votes).toBe(2);
      expect(await st().qaVotesOf(EVENT, 'voter1')).toEqual([q.id]);
      expect(await st().qaVotesOf(EVENT, 'nobody')).toEqual([]);
    });

    it('keeps comments in order, the newest N in the snapshot, and deletes by blanking', async () => {
      for (let i = 1; i <= 5; i++) await st().addQaComment({ eventId: EVENT, author: { kind: 'visitor', name: `Гость ${i}` }, text: `c${i}`, at: i, authorRef: `ref${i}` });
      const gone = await st().deleteQaComment(EVENT, 4, 'acc-mod');
      expect(gone).toMatchObject({ id: 4, text: '', deleted: true, deletedBy: 'acc-mod' });
      expect(await st().deleteQaComment(EVENT, 77, 'acc-mod')).toBeUndefined();
      await s.reopen();
      const snap = await st().qaSnapshot(EVENT, 3);
      expect(snap.comments.map((c) => [c.id, c.text, c.deleted])).toEqual([
        [3, 'c3', false],
        [4, '', true],
        [5, 'c5', false],
      ]);
      expect((await st().getQaComment(EVENT, 2))?.authorRef).toBe('ref2');
    });

    it('stores polls and one ballot per voter, counted per option', async () => {
      const p = await st().addQaPoll({ eventId: EVENT, question: 'Какой?', options: ['A', 'B', 'C'], multiple: true, status: 'draft' });
      await st().putQaPoll({ ...p, status: 'open' });
      expect(await st().addQaBallot(EVENT, p.id, 'v1', [0, 2])).toBe(true);
      expect(await st().addQaBallot(EVENT, p.id, 'v1', [1])).toBe(false);
      expect(await st().addQaBallot(EVENT, p.id, 'v2', [2])).toBe(true);
      await expect(st().addQaBallot(EVENT, 9, 'v1', [0])).rejects.toThrow();
      await s.reopen();
      const [poll] = (await st().qaSnapshot(EVENT, 0)).polls;
      expect(poll).toMatchObject({ id: p.id, status: 'open', counts: [1, 0, 2], voters: 2 });
      expect(await st().qaBallotsOf(EVENT, 'v1')).toEqual({ [String(p.id)]: [0, 2] });
    });

    it('keeps settings and mutes per event', async () => {
      await st().setQaSettings(EVENT, { slowModeSeconds: 30 });
      await st().setQaMute(EVENT, 'ref1', 1_800_000_000_000, 'acc-mod');
      await s.reopen();
      expect((await st().qaSnapshot(EVENT, 0)).settings).toEqual({ slowModeSeconds: 30 });
      expect((await st().qaSnapshot('other-event', 0)).settings).toEqual({ slowModeSeconds: 0 });
      expect(await st().qaMutedUntil(EVENT, 'ref1')).toBe(1_800_000_000_000);
      expect(await st().qaMutedUntil(EVENT, 'ref2')).toBeUndefined();
    });

    it('changes nothing when a write fails', async () => {
      const q = await st().addQaQuestion(question('До сбоя'));
      const p = await st().addQaPoll({ eventId: EVENT, question: 'Да?', options: ['да', 'нет'], multiple: false, status: 'open' });
      const read = () => st().qaSnapshot(EVENT, 10);
      await changesNothing(() => st().addQaQuestion(question('Во время сбоя')), read);
      await changesNothing(() => st().putQaQuestion({ ...q, status: 'approved' }), read);
      await changesNothing(() => st().addQaVote(EVENT, q.id, 'v1'), read);
      await changesNothing(() => st().addQaBallot(EVENT, p.id, 'v1', [0]), read);
      await changesNothing(() => st().addQaComment({ eventId: EVENT, author: { kind: 'visitor', name: 'Г' }, text: 'x', at: 1 }), read);
      await changesNothing(() => st().setQaSettings(EVENT, { slowModeSeconds: 10 }), read);
      // The failed question's id is not skipped once writes work again.
      expect((await st().addQaQuestion(question('После'))).id).toBe(2);
    });
  });
}
