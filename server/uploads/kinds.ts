// What exhibitors may upload, decided from the file's bytes: web images, web video, PDF and
// WebVTT captions. Nothing that a browser would run as a page (HTML, SVG, XML) is accepted.
export type UploadKind = 'image' | 'video' | 'document' | 'captions';

export interface AllowedType {
  /** Extension the stored file gets (and the one serving maps back to the type). */
  ext: string;
  mime: string;
  kind: UploadKind;
  label: string;
}

export const ALLOWED_TYPES: readonly AllowedType[] = [
  { ext: 'jpg', mime: 'image/jpeg', kind: 'image', label: 'a JPEG image' },
  { ext: 'png', mime: 'image/png', kind: 'image', label: 'a PNG image' },
  { ext: 'webp', mime: 'image/webp', kind: 'image', label: 'a WebP image' },
  { ext: 'gif', mime: 'image/gif', kind: 'image', label: 'a GIF image' },
  { ext: 'mp4', mime: 'video/mp4', kind: 'video', label: 'an MP4 video' },
  { ext: 'webm', mime: 'video/webm', kind: 'video', label: 'a WebM video' },
  { ext: 'pdf', mime: 'application/pdf', kind: 'document', label: 'a PDF document' },
  { ext: 'vtt', mime: 'text/vtt', kind: 'captions', label: 'WebVTT captions' },
];

export const UPLOAD_KINDS: readonly UploadKind[] = ['image', 'video', 'document', 'captions'];

const MB = 1024 * 1024;
/** Per-kind caps: big enough for a stand, small enough for visitors on weak connections. */
export const KIND_LIMITS: Record<UploadKind, number> = {
  image: 5 * MB,
  document: 20 * MB,
  video: 50 * MB,
  captions: 200 * 1024,
};

export const KIND_NAMES: Record<UploadKind, string> = {
  image: 'an image (JPEG, PNG, WebP or GIF)',
  video: 'a video (MP4 or WebM)',
  document: 'a PDF document',
  captions: 'WebVTT captions (.vtt)',
};

export function typeByExt(ext: string): AllowedType | undefined {
  return ALLOWED_TYPES.find((t) => t.ext === ext);
}

/** What the client claims (extension or MIME); only used to catch a file posing as another kind. */
const DECLARED: Record<string, UploadKind> = {
  jpg: 'image', jpeg: 'image', png: 'image', webp: 'image', gif: 'image', svg: 'image',
  mp4: 'video', m4v: 'video', webm: 'video', mov: 'video',
  pdf: 'document',
  vtt: 'captions',
};

export function declaredKind(fileName: string, mime: string): UploadKind | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext && DECLARED[ext]) return DECLARED[ext];
  const m = mime.toLowerCase();
  if (m.startsWith('image/')) return 'image';
  if (m.startsWith('video/')) return 'video';
  if (m === 'application/pdf') return 'document';
  if (m === 'text/vtt') return 'captions';
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
