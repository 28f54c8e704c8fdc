// A file picker that uploads at once: a real <input type="file"> inside a button-styled label
// (keyboard and screen readers get the native control), a progress bar for long videos, and
// errors in words. The bytes are checked again by the server; the checks here only save a
// teacher from waiting for a 60 MB upload that would be refused anyway.
import { useEffect, useRef, useState } from 'react';
import type { UploadResult } from '../../../../../shared/api.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { CabinetApiError, uploadFile } from '../../../net/cabinetApi.ts';
import { useStore, useT } from '../../../store/index.ts';
import { fileSizeText } from '../format.ts';

export type UploadPurpose = 'logo' | 'image' | 'video' | 'document' | 'captions';

interface PurposeRule {
  accept: string;
  /** Mirrors server/uploads/kinds.ts (the server enforces its own limits). */
  maxBytes: number;
  fits(result: UploadResult): boolean;
  hint: MessageKey;
}

const MB = 1024 * 1024;
const RULES: Record<UploadPurpose, PurposeRule> = {
  // Logos are drawn on the canvas too: the exhibitor schema takes PNG, JPEG and WebP only.
  logo: { accept: 'image/png,image/jpeg,image/webp', maxBytes: 5 * MB, fits: (r) => /\.(png|jpg|webp)$/.test(r.path), hint: 'cabinet.upload.hint.logo' },
  image: { accept: 'image/png,image/jpeg,image/webp,image/gif', maxBytes: 5 * MB, fits: (r) => r.type.startsWith('image/'), hint: 'cabinet.upload.hint.image' },
  video: { accept: 'video/mp4,video/webm', maxBytes: 50 * MB, fits: (r) => r.type.startsWith('video/'), hint: 'cabinet.upload.hint.video' },
  document: { accept: 'application/pdf,.pdf', maxBytes: 20 * MB, fits: (r) => r.type === 'application/pdf', hint: 'cabinet.upload.hint.document' },
  captions: { accept: '.vtt,text/vtt', maxBytes: 200 * 1024, fits: (r) => r.type.startsWith('text/vtt'), hint: 'cabinet.upload.hint.captions' },
};

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; name: string; progress: number }
  | { phase: 'done'; name: string }
  | { phase: 'error'; text: string };

interface UploadButtonProps {
  exhibitorId: string;
  purpose: UploadPurpose;
  label: string;
  /** Id of the input, so an error summary can move focus here. */
  id?: string;
  describedBy?: string;
  onUploaded(result: UploadResult, file: File): void;
  /** Hide the format hint (shown once per section elsewhere). */
  noHint?: boolean;
}

export function UploadButton(props: UploadButtonProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const rule = RULES[props.purpose];

  useEffect(() => () => abort.current?.abort(), []);

  const onPick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // picking the same file again must fire onChange again
    if (!file) return;
    if (file.size > rule.maxBytes) {
      setState({ phase: 'error', text: t('cabinet.upload.tooBig', { max: fileSizeText(lang, rule.maxBytes) }) });
      return;
    }
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ phase: 'uploading', name: file.name, progress: 0 });
    try {
      const result = await uploadFile(props.exhibitorId, file, (progress) => setState({ phase: 'uploading', name: file.name, progress }), ctrl.signal);
      if (!rule.fits(result)) {
        setState({ phase: 'error', text: t('cabinet.upload.wrongKind', { hint: t(rule.hint) }) });
        return;
      }
      setState({ phase: 'done', name: file.name });
      props.onUploaded(result, file);
    } catch (err) {
      if (ctrl.signal.aborted) return;
      setState({ phase: 'error', text: uploadErrorText(err, t, t(rule.hint)) });
    }
  };

  const hintId = props.id ? `${props.id}-uhint` : undefined;
  return (
    <div className="cab-upload">
      <label className={`button cab-upload__button${state.phase === 'uploading' ? ' is-busy' : ''}`}>
        <input
          type="file"
          id={props.id}
          className="cab-upload__input"
          accept={rule.accept}
          disabled={state.phase === 'uploading'}
          aria-describedby={[props.describedBy, !props.noHint && hintId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => void onPick(e.currentTarget)}
        />
        <span aria-hidden="true" className="cab-upload__icon">
          ⤒
        </span>
        {props.label}
      </label>
      {!props.noHint && (
        <span id={hintId} className="cab-field__hint">
          {t(rule.hint)}
        </span>
      )}
      {state.phase === 'uploading' && (
        <progress className="cab-upload__progress" max={1} value={state.progress} aria-label={t('cabinet.upload.progress', { name: state.name })} />
      )}
      <p className="cab-upload__status" role="status" aria-live="polite">
        {state.phase === 'uploading' && t('cabinet.upload.busy', { name: state.name, percent: Math.round(state.progress * 100) })}
        {state.phase === 'done' && t('cabinet.upload.done', { name: state.name })}
        {state.phase === 'error' && <span className="cab-field__error">{state.text}</span>}
      </p>
    </div>
  );
}

function uploadErrorText(err: unknown, t: ReturnType<typeof useT>, hint: string): string {
  if (!(err instanceof CabinetApiError)) return t('cabinet.upload.failed', { reason: String(err) });
  switch (err.status) {
    case 0:
      return t('cabinet.error.network');
    case 413:
      return t('cabinet.upload.serverTooBig');
    case 415:
      return t('cabinet.upload.wrongKind', { hint });
    default:
      return t('cabinet.upload.failed', { reason: [err.message, ...err.details].join('; ') });
  }
}
