// The current poll for visitors: choose (one, or several) and vote once; the results show
// live once voted, and for a closed poll.
import { useState } from 'react';
import type { Poll } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';
import { errorText } from './errors.ts';

export function PollCard({ qa, poll, mine, t, lang }: { qa: QaConnection; poll: Poll; mine: number[] | undefined; t: QaT; lang: string }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const showResults = mine !== undefined || poll.status === 'closed';
  const total = Math.max(1, poll.voters);
  function toggle(i: number) {
    setChosen((c) => (poll.multiple ? (c.includes(i) ? c.filter((x) => x !== i) : [...c, i]) : [i]));
  }
  async function vote() {
    const r = await qa.ballot(poll.id, chosen);
    setNote(r.ok ? null : errorText(t, r, lang));
  }
  return (
    <fieldset className="qa-poll" data-poll={poll.id}>
      <legend>{poll.question}</legend>
      {poll.multiple && !showResults && <p className="qa-note">{t('qa.pollMultiple')}</p>}
      {poll.options.map((o, i) =>
        showResults ? (
          <div key={i} className="qa-poll-result" data-option={i}>
            <span>
              {mine?.includes(i) ? '✓ ' : ''}
              {o}
            </span>
            <span className="qa-poll-bar" style={{ width: `${Math.round(((poll.counts[i] ?? 0) / total) * 100)}%` }} />
            <span className="qa-poll-count">{poll.counts[i] ?? 0}</span>
          </div>
        ) : (
          <label key={i} className="qa-check">
            <input type={poll.multiple ? 'checkbox' : 'radio'} name={`poll-${poll.id}`} checked={chosen.includes(i)} onChange={() => toggle(i)} /> {o}
          </label>
        ),
      )}
      {!showResults && (
        <button type="button" className="qa-primary" disabled={chosen.length === 0} onClick={() => void vote()}>
          {t('qa.pollVote')}
        </button>
      )}
      <p className="qa-note">
        {poll.status === 'closed' ? `${t('qa.pollClosed')} · ` : ''}
        {t('qa.pollVoters', { count: poll.voters })}
      </p>
      {note && <p className="qa-note">{note}</p>}
    </fieldset>
  );
}
