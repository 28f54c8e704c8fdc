// The sample gallery pictures: one illustrated product card per kind of product, drawn as HTML
// and photographed by the browser (800×600 JPEG). Offers in offers.ts point at these keys.
import { type Palette, type PictogramKey, pictogramSvg } from './pictograms.ts';

export const GALLERY_WIDTH = 800;
export const GALLERY_HEIGHT = 600;

const PALETTES: Palette[] = [
  { main: '#2563eb', dark: '#1e3a8a', accent: '#f59e0b', light: '#dbeafe' },
  { main: '#0d9488', dark: '#134e4a', accent: '#f97316', light: '#ccfbf1' },
  { main: '#7c3aed', dark: '#4c1d95', accent: '#facc15', light: '#ede9fe' },
  { main: '#e11d48', dark: '#881337', accent: '#0ea5e9', light: '#ffe4e6' },
  { main: '#16a34a', dark: '#14532d', accent: '#f43f5e', light: '#dcfce7' },
  { main: '#ea580c', dark: '#7c2d12', accent: '#2563eb', light: '#ffedd5' },
  { main: '#0891b2', dark: '#164e63', accent: '#e11d48', light: '#cffafe' },
  { main: '#ca8a04', dark: '#713f12', accent: '#7c3aed', light: '#fef9c3' },
];

export interface GalleryImage {
  /** File name without extension under assets/gallery/. */
  key: string;
  pictogram: PictogramKey;
  /** Product family printed on the card. */
  label: string;
  palette: Palette;
}

const DEFS: [key: string, pictogram: PictogramKey, label: string][] = [
  ['interactive-panel', 'panel', 'Интерактивная панель'],
  ['robotics-kit', 'robot', 'Робототехника'],
  ['textbooks', 'books', 'Учебники'],
  ['workbooks', 'workbook', 'Рабочие тетради'],
  ['learning-platform', 'dashboard', 'Цифровая платформа'],
  ['video-lessons', 'videocourse', 'Видеоуроки'],
  ['vr-class', 'vr', 'VR-класс'],
  ['science-lab', 'flask', 'Цифровая лаборатория'],
  ['microscopes', 'microscope', 'Кабинет биологии'],
  ['school-desk', 'desk', 'Школьная мебель'],
  ['modular-furniture', 'shelves', 'Модульная мебель'],
  ['3d-printing', 'printer3d', '3D-печать'],
  ['toy-blocks', 'blocks', 'Развивающие игры'],
  ['sensory-room', 'sensory', 'Сенсорная комната'],
  ['art-studio', 'palette', 'Художественная студия'],
  ['chess-club', 'chess', 'Шахматы'],
  ['music-studio', 'music', 'Музыка'],
  ['degree-programme', 'cap', 'Образовательная программа'],
  ['campus', 'campus', 'Кампус'],
  ['workshops', 'tools', 'Мастерские'],
  ['culinary', 'chef', 'Кулинария'],
  ['teacher-courses', 'certificate', 'Повышение квалификации'],
  ['career-guidance', 'compass', 'Профориентация'],
  ['school-app', 'phone', 'Мобильное приложение'],
];

export const GALLERY_IMAGES: GalleryImage[] = DEFS.map(([key, pictogram, label], i) => ({
  key,
  pictogram,
  label,
  palette: PALETTES[(i * 3) % PALETTES.length]!,
}));

export type GalleryImageKey = (typeof DEFS)[number][0];

/** The card as a standalone HTML page of exactly 800×600 px. */
export function galleryHtml(img: GalleryImage, index: number): string {
  const p = img.palette;
  // Decorations move with the index so neighbouring cards do not look stamped out.
  const a = (index * 37) % 100;
  const b = (index * 61) % 100;
  return `<!doctype html><html lang="ru"><meta charset="utf-8"><style>
  html,body{margin:0;width:${GALLERY_WIDTH}px;height:${GALLERY_HEIGHT}px;overflow:hidden;font-family:"DejaVu Sans",sans-serif}
  .bg{position:absolute;inset:0;background:linear-gradient(140deg,${p.light} 0%,#ffffff 55%,${p.light} 100%)}
  .blob{position:absolute;border-radius:50%;background:${p.main};opacity:.12}
  .dots{position:absolute;inset:0;background-image:radial-gradient(${p.dark}22 2px,transparent 2.5px);background-size:26px 26px;
    mask-image:linear-gradient(120deg,transparent 40%,#000 100%)}
  .stage{position:absolute;left:50%;top:46%;width:400px;height:400px;margin:-200px 0 0 -200px;border-radius:50%;
    background:radial-gradient(circle at 35% 30%,#fff 0%,#fff 55%,${p.light} 100%);box-shadow:0 30px 60px ${p.dark}33}
  .stage svg{position:absolute;left:35px;top:35px}
  .floor{position:absolute;left:50%;top:calc(46% + 212px);width:300px;height:22px;margin-left:-150px;border-radius:50%;background:${p.dark};opacity:.14;filter:blur(6px)}
  .label{position:absolute;left:32px;bottom:30px;padding:12px 20px;border-radius:14px;background:${p.dark};color:#fff;font-size:24px;font-weight:700;letter-spacing:.01em;box-shadow:0 8px 20px ${p.dark}40}
  .label::before{content:"";display:inline-block;width:12px;height:12px;border-radius:50%;background:${p.accent};margin-right:12px;vertical-align:2px}
  .mark{position:absolute;right:30px;top:26px;font-size:16px;font-weight:700;color:${p.dark};opacity:.7;letter-spacing:.08em}
  .spark{position:absolute;width:18px;height:18px;background:${p.accent};transform:rotate(45deg);border-radius:4px}
  </style><body>
  <div class="bg"></div><div class="dots"></div>
  <div class="blob" style="width:${260 + a}px;height:${260 + a}px;left:${-80 + b}px;top:${-60 + a / 2}px"></div>
  <div class="blob" style="width:${200 + b}px;height:${200 + b}px;right:${-60 + a / 2}px;bottom:${-70 + b / 3}px;background:${p.accent};opacity:.16"></div>
  <div class="spark" style="left:${120 + a}px;top:${90 + b}px"></div>
  <div class="spark" style="right:${130 + b / 2}px;top:${150 + a}px;background:${p.main};width:12px;height:12px"></div>
  <div class="spark" style="right:${90 + a}px;bottom:${140 + b / 2}px;width:14px;height:14px"></div>
  <div class="floor"></div>
  <div class="stage">${pictogramSvg(img.pictogram, p, 330)}</div>
  <div class="label">${img.label}</div>
  <div class="mark">ММСО · 2026</div>
  </body></html>`;
}
