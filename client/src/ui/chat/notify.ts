// Staff alerts on new visitor messages, opt-in (remembered per browser): a short beep through
// WebAudio and, when allowed and the cabinet is not in front, a browser notification.

const KEY = 'expo.chat.notify';

let audio: AudioContext | null = null;

export function notificationsWanted(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export type NotifyPermission = 'granted' | 'denied' | 'default' | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Called from a click (browsers unlock sound and ask for permission only then). */
export async function setNotifications(on: boolean): Promise<NotifyPermission> {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private mode: on for this page only.
  }
  if (!on) return notifyPermission();
  audio ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  await audio?.resume().catch(() => {});
  if (notifyPermission() === 'default') await Notification.requestPermission();
  return notifyPermission();
}

/** Two short tones, quiet: noticeable without startling anyone. */
export function beep(): void {
  if (!audio || audio.state !== 'running') return;
  const t0 = audio.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const start = t0 + i * 0.14;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.12);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.13);
  }
}

export function alertNew(title: string, body: string, tag: string, onOpen: () => void): void {
  if (!notificationsWanted()) return;
  beep();
  if (notifyPermission() !== 'granted' || (document.visibilityState === 'visible' && document.hasFocus())) return;
  const n = new Notification(title, { body: body.slice(0, 140), tag });
  n.onclick = () => {
    window.focus();
    onOpen();
    n.close();
  };
}
