// Names of fields for the error summary: "Products and services, item 3: Price".
import type { MessageKey, Translate } from '../../../i18n/index.ts';

const FIELD: Record<string, MessageKey> = {
  'exhibitor.name': 'cabinet.field.name',
  'exhibitor.logo': 'cabinet.field.logo',
  'exhibitor.colour': 'cabinet.field.colour',
  'exhibitor.short': 'cabinet.field.short',
  'exhibitor.description': 'cabinet.field.description',
  'exhibitor.city': 'cabinet.field.city',
  'exhibitor.contacts.site': 'cabinet.field.site',
  'exhibitor.contacts.email': 'cabinet.field.email',
  'exhibitor.contacts.phone': 'cabinet.field.phone',
  'exhibitor.contacts.address': 'cabinet.field.address',
  // Where the English of the address lands ("exhibitor.en.address" without its "en").
  'exhibitor.address': 'cabinet.field.address',
  'video.title': 'cabinet.video.title',
  'video.src': 'cabinet.video.file',
  'video.poster': 'cabinet.video.poster',
  'video.captions.label': 'cabinet.video.captionLabel',
  'video.captions.src': 'cabinet.video.captions',
  'video.captions': 'cabinet.video.captions',
  'gallery.title': 'cabinet.gallery.title',
  'gallery.description': 'cabinet.gallery.description',
  'gallery.image': 'cabinet.gallery.image',
  'gallery.price': 'cabinet.gallery.priceValue',
  'gallery.link': 'cabinet.gallery.link',
  'materials.title': 'cabinet.materials.title',
  'webinars.title': 'cabinet.webinars.title',
  'webinars.speaker': 'cabinet.webinars.speaker',
  'webinars.start': 'cabinet.webinars.start',
  'webinars.durationMin': 'cabinet.webinars.duration',
  'webinars.link': 'cabinet.webinars.link',
  'webinars.recording': 'cabinet.webinars.recording',
  gallery: 'cabinet.sec.gallery',
  materials: 'cabinet.sec.materials',
  webinars: 'cabinet.sec.webinars',
};

const SECTION: Record<string, MessageKey> = {
  gallery: 'cabinet.sec.gallery',
  materials: 'cabinet.sec.materials',
  webinars: 'cabinet.sec.webinars',
  video: 'cabinet.sec.video',
};

export function fieldLabel(key: string, t: Translate): string {
  // "gallery.2.en.title": the English of a field is named as the field, marked "English".
  if (/\.en\./.test(key)) return `${fieldLabel(key.replace('.en.', '.'), t)} (${t('cabinet.lang.en')})`;
  const parts = key.split('.');
  const numbered = parts.findIndex((p) => /^\d+$/.test(p));
  if (numbered < 0) {
    const own = FIELD[key];
    return own ? t(own) : key;
  }
  const generic = [...parts.slice(0, numbered), ...parts.slice(numbered + 1)].join('.');
  const field = FIELD[generic];
  const section = SECTION[parts[0] ?? ''];
  const item = t('cabinet.item.nth', { n: Number(parts[numbered]) + 1 });
  return [section && t(section), item].filter(Boolean).join(', ') + (field ? `: ${t(field)}` : '');
}
