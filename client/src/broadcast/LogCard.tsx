// The stage's ffmpeg log (the last lines), fetched while the details are open: why a sender
// was refused (a wrong key) or why the ingest restarted.
import { useEffect, useState } from 'react';
import type { BroadcastT } from '../i18n/broadcast.ts';
import { fetchBroadcastLogs } from '../net/broadcastApi.ts';

const LOG_POLL_MS = 5000;

export function LogCard({ eventId, t }: { eventId: string; t: BroadcastT }) {
  const [open, setOpen] = useState(false);
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    if (!open) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const logs = await fetchBroadcastLogs(eventId);
        if (!stop) setLines(logs.lines.slice(-80));
      } catch {
        // The next round asks again.
      }
      if (!stop) timer = setTimeout(() => void load(), LOG_POLL_MS);
    };
    void load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [open, eventId]);
  return (
    <details className="bc-card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('bc.log')}</summary>
      <pre className="bc-log">{lines.join('\n')}</pre>
    </details>
  );
}
