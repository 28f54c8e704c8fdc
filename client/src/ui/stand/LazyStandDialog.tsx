// The stand page in its own chunk: the interior, its forms, the chat, video and lightbox are
// about a fifth of the page's script and none of it is needed for the first picture of the
// hall. The chunk is fetched once the floor is drawn and the page is idle, or when a stand
// opens first (a shared link); from its first opening the dialog stays mounted, so closing
// it runs the dialog's own close and focus return.
import { Suspense, lazy, useEffect, useState } from 'react';
import { afterFirstDraw } from '../../net/afterFirstDraw.ts';
import { useStore } from '../../store/index.ts';

let chunk: Promise<typeof import('./StandDialog.tsx')> | undefined;
const load = () => (chunk ??= import('./StandDialog.tsx'));
const StandDialog = lazy(() => load().then((m) => ({ default: m.StandDialog })));

export function LazyStandDialog() {
  const open = useStore((s) => s.openStandId !== null);
  const [mounted, setMounted] = useState(open);
  if (open && !mounted) setMounted(true);
  useEffect(() => {
    void afterFirstDraw().then(load);
  }, []);
  if (!mounted) return null;
  return (
    <Suspense fallback={null}>
      <StandDialog />
    </Suspense>
  );
}
