// Where a programme file's media lives: a path under assets/ is served at /assets/…; an
// https address is used as it is.
import type { MediaSource } from '../../../shared/programme/schema.ts';

export function assetUrl(pathOrUrl: string): string {
  return /^https:\/\//i.test(pathOrUrl) ? pathOrUrl : `/assets/${pathOrUrl.replace(/^\/+/, '')}`;
}

/**
 * The sample programme's recordings are the sample exhibition's stand videos (assets/video),
 * standing in for real recordings; the event page says so rather than pass them off as real.
 */
export function isSampleStandIn(media: MediaSource): boolean {
  return media.kind === 'file' && /^video\/[a-z0-9-]+\.(webm|mp4)$/.test(media.url);
}
