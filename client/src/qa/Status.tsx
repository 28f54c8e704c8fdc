// The connection line above a Q&A panel: nothing while live.
import type { ConnectionState } from '../net/roomConnection.ts';
import type { QaT } from '../i18n/qa.ts';

export function QaStatus({ state, t }: { state: ConnectionState; t: QaT }) {
  if (state === 'live') return null;
  return (
    <p className="qa-status" role="status">
      {t(`qa.${state}`)}
    </p>
  );
}
