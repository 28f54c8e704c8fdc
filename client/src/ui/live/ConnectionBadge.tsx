// Live connection state, always visible: connecting, live, reconnecting, offline.
import type { MessageKey } from '../../i18n/index.ts';
import { useStore, useT } from '../../store/index.ts';

const LABEL: Record<string, MessageKey> = {
  connecting: 'live.connecting',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
  offline: 'live.offline',
};

export function ConnectionBadge() {
  const t = useT();
  const status = useStore((s) => s.connection);
  const label = t(LABEL[status] ?? 'live.connecting');
  return (
    <div className={`live-badge live-badge--${status}`} role="status" aria-label={t('live.status', { status: label })} data-status={status}>
      <span className="live-badge__dot" aria-hidden="true" />
      {label}
    </div>
  );
}
