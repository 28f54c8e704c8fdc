// Reaction buttons and the last second's sum from the server (one aggregate a second).
import { useState } from 'react';
import { REACTIONS, type QaReactionsMsg } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';

export function Reactions({ qa, last, t }: { qa: QaConnection | null; last: QaReactionsMsg | null; t: QaT }) {
  const [wait, setWait] = useState(false);
  async function react(e: (typeof REACTIONS)[number]) {
    if (!qa) return;
    setWait(true);
    await qa.react(e);
    // One per visitor per 2 s: the button rests as long as the server would refuse.
    setTimeout(() => setWait(false), 2000);
  }
  return (
    <div className="qa-reactions" role="group" aria-label={t('qa.reactions')}>
      {REACTIONS.map((e) => (
        <button key={e} type="button" disabled={!qa || wait} onClick={() => void react(e)}>
          {e}
          {last?.counts[e] ? <span className="qa-reaction-count">{last.counts[e]}</span> : null}
        </button>
      ))}
    </div>
  );
}
