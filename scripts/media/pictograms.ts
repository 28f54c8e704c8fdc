// Flat vector illustrations of education products (200×200 view box) for the sample gallery
// images and video slides. Each takes a palette so one drawing serves several brands.

export interface Palette {
  /** Main colour of the object. */
  main: string;
  /** A darker companion for outlines and shadows. */
  dark: string;
  /** A warm accent for small details. */
  accent: string;
  /** A light tint for surfaces. */
  light: string;
}

export const PICTOGRAM_KEYS = [
  'panel',
  'robot',
  'books',
  'workbook',
  'dashboard',
  'videocourse',
  'vr',
  'flask',
  'microscope',
  'desk',
  'shelves',
  'printer3d',
  'blocks',
  'sensory',
  'palette',
  'chess',
  'music',
  'cap',
  'campus',
  'tools',
  'chef',
  'certificate',
  'compass',
  'phone',
] as const;
export type PictogramKey = (typeof PICTOGRAM_KEYS)[number];

type Draw = (p: Palette) => string;

const INK = '#1f2937';
const WHITE = '#ffffff';

const DRAW: Record<PictogramKey, Draw> = {
  panel: (p) => `
    <rect x="86" y="150" width="28" height="34" fill="${p.dark}"/>
    <rect x="56" y="180" width="88" height="10" rx="5" fill="${p.dark}"/>
    <rect x="14" y="28" width="172" height="122" rx="10" fill="${INK}"/>
    <rect x="22" y="36" width="156" height="106" rx="4" fill="${p.light}"/>
    <rect x="34" y="100" width="18" height="30" rx="3" fill="${p.main}"/>
    <rect x="58" y="84" width="18" height="46" rx="3" fill="${p.accent}"/>
    <rect x="82" y="66" width="18" height="64" rx="3" fill="${p.main}"/>
    <circle cx="140" cy="78" r="24" fill="${p.accent}"/>
    <path d="M140 78 L140 54 A24 24 0 0 1 162 86 Z" fill="${p.main}"/>
    <rect x="116" y="112" width="50" height="6" rx="3" fill="${p.dark}" opacity=".5"/>
    <rect x="116" y="124" width="34" height="6" rx="3" fill="${p.dark}" opacity=".3"/>
    <path d="M150 118 l0 -22 q0 -6 6 -6 q6 0 6 6 l0 14 l10 2 q8 2 7 10 l-3 18 l-22 0 l-12 -14 q-3 -5 2 -8 z" fill="#f5d0b5" stroke="${INK}" stroke-width="2"/>`,
  robot: (p) => `
    <line x1="100" y1="22" x2="100" y2="40" stroke="${INK}" stroke-width="4"/>
    <circle cx="100" cy="18" r="8" fill="${p.accent}"/>
    <rect x="56" y="40" width="88" height="62" rx="16" fill="${p.main}"/>
    <rect x="66" y="52" width="68" height="38" rx="10" fill="${INK}"/>
    <circle cx="84" cy="71" r="8" fill="#7dd3fc"/>
    <circle cx="116" cy="71" r="8" fill="#7dd3fc"/>
    <rect x="48" y="108" width="104" height="52" rx="10" fill="${p.light}" stroke="${p.dark}" stroke-width="4"/>
    <circle cx="76" cy="128" r="7" fill="${p.accent}"/>
    <rect x="92" y="122" width="44" height="6" rx="3" fill="${p.dark}"/>
    <rect x="92" y="134" width="30" height="6" rx="3" fill="${p.dark}" opacity=".5"/>
    <rect x="26" y="112" width="18" height="40" rx="8" fill="${p.main}"/>
    <rect x="156" y="112" width="18" height="40" rx="8" fill="${p.main}"/>
    <circle cx="70" cy="172" r="16" fill="${INK}"/><circle cx="70" cy="172" r="6" fill="${p.light}"/>
    <circle cx="130" cy="172" r="16" fill="${INK}"/><circle cx="130" cy="172" r="6" fill="${p.light}"/>`,
  books: (p) => `
    <rect x="30" y="146" width="140" height="26" rx="4" fill="${p.main}"/>
    <rect x="30" y="146" width="12" height="26" fill="${p.dark}"/>
    <rect x="44" y="152" width="116" height="4" fill="${WHITE}" opacity=".6"/>
    <rect x="40" y="118" width="124" height="28" rx="4" fill="${p.accent}"/>
    <rect x="150" y="118" width="14" height="28" fill="${p.dark}" opacity=".4"/>
    <rect x="52" y="126" width="80" height="5" fill="${WHITE}" opacity=".7"/>
    <rect x="24" y="92" width="130" height="26" rx="4" fill="${p.dark}"/>
    <rect x="36" y="100" width="70" height="5" fill="${WHITE}" opacity=".7"/>
    <path d="M128 86 q-2 -22 18 -26 q20 4 18 26 q-2 16 -18 18 q-16 -2 -18 -18 z" fill="#ef4444"/>
    <path d="M146 62 q2 -12 12 -14" stroke="${INK}" stroke-width="3" fill="none"/>
    <path d="M150 54 q10 -8 18 -2 q-8 8 -18 2 z" fill="#22c55e"/>`,
  workbook: (p) => `
    <path d="M20 50 q40 -14 80 4 l0 122 q-40 -18 -80 -4 z" fill="${p.light}" stroke="${p.dark}" stroke-width="4"/>
    <path d="M180 50 q-40 -14 -80 4 l0 122 q40 -18 80 -4 z" fill="${WHITE}" stroke="${p.dark}" stroke-width="4"/>
    ${[76, 94, 112, 130].map((y) => `<path d="M34 ${y} q30 -8 56 2" stroke="${p.main}" stroke-width="4" fill="none" opacity=".7"/>`).join('')}
    ${[76, 94, 112].map((y) => `<path d="M112 ${y + 2} q26 -10 56 -2" stroke="${p.main}" stroke-width="4" fill="none" opacity=".7"/>`).join('')}
    <circle cx="124" cy="140" r="10" fill="${p.accent}"/>
    <path d="M119 140 l4 4 l8 -8" stroke="${WHITE}" stroke-width="3" fill="none"/>
    <g transform="rotate(35 150 120)"><rect x="144" y="40" width="14" height="110" rx="3" fill="${p.accent}"/>
    <path d="M144 150 l7 18 l7 -18 z" fill="#f5d0b5"/><path d="M149 162 l2 6 l2 -6 z" fill="${INK}"/>
    <rect x="144" y="40" width="14" height="12" fill="${p.dark}"/></g>`,
  dashboard: (p) => `
    <rect x="30" y="36" width="140" height="96" rx="8" fill="${INK}"/>
    <rect x="38" y="44" width="124" height="80" rx="3" fill="${p.light}"/>
    <rect x="38" y="44" width="28" height="80" fill="${p.main}"/>
    <rect x="44" y="54" width="16" height="4" rx="2" fill="${WHITE}"/><rect x="44" y="64" width="16" height="4" rx="2" fill="${WHITE}" opacity=".6"/>
    <rect x="44" y="74" width="16" height="4" rx="2" fill="${WHITE}" opacity=".6"/>
    <rect x="72" y="52" width="40" height="28" rx="4" fill="${WHITE}"/><rect x="116" y="52" width="40" height="28" rx="4" fill="${WHITE}"/>
    <rect x="78" y="60" width="18" height="4" rx="2" fill="${p.dark}"/><rect x="78" y="68" width="28" height="6" rx="3" fill="${p.accent}"/>
    <rect x="122" y="60" width="18" height="4" rx="2" fill="${p.dark}"/><rect x="122" y="68" width="22" height="6" rx="3" fill="${p.main}"/>
    <polyline points="74,116 92,104 108,110 128,92 154,98" stroke="${p.main}" stroke-width="4" fill="none"/>
    <path d="M14 136 h172 l-10 14 h-152 z" fill="${p.dark}"/>
    <rect x="86" y="136" width="28" height="4" rx="2" fill="${p.light}"/>
    <circle cx="160" cy="160" r="22" fill="${p.accent}"/>
    <path d="M150 160 l7 7 l13 -14" stroke="${WHITE}" stroke-width="5" fill="none" stroke-linecap="round"/>`,
  videocourse: (p) => `
    <rect x="22" y="30" width="156" height="106" rx="10" fill="${p.dark}"/>
    <rect x="30" y="38" width="140" height="80" rx="4" fill="${p.main}"/>
    <circle cx="100" cy="78" r="24" fill="${WHITE}" opacity=".95"/>
    <path d="M92 66 l20 12 l-20 12 z" fill="${p.main}"/>
    <rect x="30" y="124" width="140" height="5" rx="2.5" fill="${WHITE}" opacity=".35"/>
    <rect x="30" y="124" width="64" height="5" rx="2.5" fill="${p.accent}"/>
    <circle cx="94" cy="126.5" r="5" fill="${WHITE}"/>
    <rect x="86" y="136" width="28" height="22" fill="${p.dark}"/>
    <rect x="60" y="156" width="80" height="10" rx="5" fill="${p.dark}"/>
    <circle cx="40" cy="164" r="16" fill="${p.accent}"/><rect x="34" y="156" width="12" height="3" fill="${WHITE}"/>
    <rect x="34" y="163" width="12" height="3" fill="${WHITE}"/><rect x="34" y="170" width="8" height="3" fill="${WHITE}"/>`,
  vr: (p) => `
    <path d="M28 84 q0 -22 22 -22 h100 q22 0 22 22 v30 q0 22 -22 22 h-26 l-12 -16 q-12 -12 -24 0 l-12 16 h-26 q-22 0 -22 -22 z" fill="${p.main}"/>
    <path d="M40 90 q0 -14 14 -14 h92 q14 0 14 14 v16 q0 12 -12 12 h-20 l-10 -10 q-18 -14 -36 0 l-10 10 h-20 q-12 0 -12 -12 z" fill="${INK}"/>
    <ellipse cx="72" cy="96" rx="16" ry="10" fill="#38bdf8" opacity=".85"/>
    <ellipse cx="128" cy="96" rx="16" ry="10" fill="#38bdf8" opacity=".85"/>
    <ellipse cx="66" cy="92" rx="5" ry="3" fill="${WHITE}" opacity=".8"/><ellipse cx="122" cy="92" rx="5" ry="3" fill="${WHITE}" opacity=".8"/>
    <path d="M28 88 q-18 0 -18 -20 q0 -20 30 -28 h120 q30 8 30 28 q0 20 -18 20" stroke="${p.dark}" stroke-width="8" fill="none"/>
    <circle cx="40" cy="160" r="8" fill="${p.accent}"/><circle cx="100" cy="170" r="5" fill="${p.accent}" opacity=".7"/>
    <circle cx="160" cy="158" r="10" fill="${p.accent}" opacity=".5"/>
    <path d="M60 150 l6 -10 l6 10 z" fill="${p.main}" opacity=".6"/><rect x="128" y="142" width="12" height="12" fill="${p.main}" opacity=".6" transform="rotate(20 134 148)"/>`,
  flask: (p) => `
    <path d="M62 30 h36 M68 30 v40 l-36 80 q-6 16 12 18 h72 q18 -2 12 -18 l-36 -80 v-40" stroke="${INK}" stroke-width="5" fill="${WHITE}" stroke-linejoin="round"/>
    <path d="M46 124 h68 l16 34 q3 8 -6 8 h-88 q-9 0 -6 -8 z" fill="${p.main}"/>
    <circle cx="70" cy="142" r="5" fill="${WHITE}" opacity=".7"/><circle cx="90" cy="132" r="4" fill="${WHITE}" opacity=".7"/>
    <circle cx="82" cy="108" r="4" fill="${p.main}" opacity=".6"/><circle cx="88" cy="94" r="3" fill="${p.main}" opacity=".5"/>
    <rect x="126" y="70" width="22" height="96" rx="11" fill="${WHITE}" stroke="${INK}" stroke-width="5"/>
    <rect x="131" y="116" width="12" height="44" rx="6" fill="${p.accent}"/>
    <rect x="118" y="60" width="38" height="10" rx="4" fill="${p.dark}"/>
    <rect x="160" y="120" width="20" height="46" rx="4" fill="${WHITE}" stroke="${INK}" stroke-width="4"/>
    <rect x="164" y="140" width="12" height="22" fill="#22c55e"/>`,
  microscope: (p) => `
    <rect x="40" y="168" width="120" height="14" rx="6" fill="${p.dark}"/>
    <path d="M120 168 q30 -20 20 -64" stroke="${p.dark}" stroke-width="12" fill="none" stroke-linecap="round"/>
    <rect x="70" y="126" width="70" height="10" rx="3" fill="${p.main}"/>
    <g transform="rotate(-28 100 80)"><rect x="88" y="24" width="26" height="90" rx="6" fill="${p.main}"/>
    <rect x="84" y="18" width="34" height="14" rx="4" fill="${INK}"/><rect x="92" y="112" width="18" height="16" fill="${INK}"/></g>
    <circle cx="132" cy="96" r="10" fill="${p.accent}"/>
    <circle cx="104" cy="150" r="8" fill="${p.accent}" opacity=".4"/>
    <circle cx="44" cy="60" r="20" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>
    <circle cx="38" cy="56" r="5" fill="#22c55e"/><circle cx="50" cy="64" r="4" fill="${p.accent}"/><circle cx="48" cy="52" r="3" fill="${p.main}"/>`,
  desk: (p) => `
    <rect x="20" y="84" width="130" height="12" rx="4" fill="${p.main}"/>
    <rect x="28" y="96" width="8" height="78" fill="${INK}"/><rect x="134" y="96" width="8" height="78" fill="${INK}"/>
    <rect x="20" y="172" width="26" height="6" rx="3" fill="${INK}"/><rect x="124" y="172" width="26" height="6" rx="3" fill="${INK}"/>
    <rect x="40" y="100" width="90" height="18" rx="3" fill="${p.light}" stroke="${p.dark}" stroke-width="2"/>
    <path d="M36 130 l-6 10 M142 130 l6 10" stroke="${p.accent}" stroke-width="4"/>
    <rect x="134" y="126" width="8" height="10" fill="${p.accent}"/><rect x="28" y="126" width="8" height="10" fill="${p.accent}"/>
    <rect x="54" y="70" width="40" height="14" rx="2" fill="${p.accent}"/><rect x="100" y="74" width="30" height="10" rx="2" fill="${p.dark}"/>
    <rect x="150" y="104" width="40" height="10" rx="4" fill="${p.main}"/>
    <rect x="154" y="64" width="32" height="40" rx="8" fill="${p.main}" opacity=".85"/>
    <rect x="166" y="114" width="8" height="60" fill="${INK}"/><rect x="154" y="172" width="32" height="6" rx="3" fill="${INK}"/>`,
  shelves: (p) => `
    <rect x="24" y="40" width="70" height="70" rx="6" fill="${p.main}"/><rect x="32" y="48" width="54" height="54" rx="4" fill="${p.light}"/>
    <rect x="100" y="40" width="70" height="70" rx="6" fill="${p.accent}"/><rect x="108" y="48" width="54" height="54" rx="4" fill="${WHITE}"/>
    <rect x="24" y="116" width="70" height="58" rx="6" fill="${p.dark}"/><rect x="32" y="124" width="54" height="42" rx="4" fill="${p.light}"/>
    <rect x="100" y="116" width="70" height="58" rx="6" fill="${p.main}"/><rect x="108" y="124" width="54" height="42" rx="4" fill="${p.light}"/>
    <rect x="40" y="64" width="10" height="38" fill="${p.accent}"/><rect x="52" y="58" width="10" height="44" fill="${p.dark}"/><rect x="64" y="70" width="14" height="32" fill="${p.main}"/>
    <circle cx="135" cy="80" r="16" fill="#22c55e"/><rect x="130" y="92" width="10" height="10" fill="${p.dark}"/>
    <rect x="44" y="138" width="30" height="28" rx="3" fill="${p.accent}"/><rect x="118" y="146" width="34" height="20" rx="3" fill="${p.dark}"/>
    <rect x="20" y="176" width="154" height="6" rx="3" fill="${INK}" opacity=".5"/>`,
  printer3d: (p) => `
    <rect x="30" y="28" width="12" height="150" rx="3" fill="${p.dark}"/><rect x="158" y="28" width="12" height="150" rx="3" fill="${p.dark}"/>
    <rect x="30" y="24" width="140" height="14" rx="4" fill="${p.main}"/>
    <rect x="24" y="168" width="152" height="16" rx="4" fill="${p.main}"/>
    <rect x="42" y="66" width="116" height="8" fill="${INK}"/>
    <rect x="88" y="58" width="26" height="26" rx="4" fill="${p.accent}"/>
    <path d="M96 84 l5 10 l5 -10 z" fill="${INK}"/>
    <rect x="52" y="156" width="96" height="10" rx="2" fill="${INK}" opacity=".7"/>
    <path d="M74 156 l8 -40 h36 l8 40 z" fill="${p.accent}" opacity=".9"/>
    ${[124, 132, 140, 148].map((y) => `<line x1="${80 - (y - 116) / 5}" y1="${y}" x2="${120 + (y - 116) / 5}" y2="${y}" stroke="${WHITE}" stroke-width="1.5" opacity=".6"/>`).join('')}
    <path d="M101 94 v14" stroke="${p.accent}" stroke-width="3" stroke-dasharray="3 3"/>`,
  blocks: (p) => `
    <rect x="26" y="112" width="62" height="62" rx="8" fill="${p.main}"/><text x="57" y="158" font-size="40" font-weight="700" text-anchor="middle" fill="${WHITE}" font-family="DejaVu Sans">А</text>
    <rect x="96" y="112" width="62" height="62" rx="8" fill="${p.accent}"/><text x="127" y="158" font-size="40" font-weight="700" text-anchor="middle" fill="${WHITE}" font-family="DejaVu Sans">Б</text>
    <g transform="rotate(-8 92 80)"><rect x="60" y="46" width="62" height="62" rx="8" fill="${p.dark}"/><text x="91" y="92" font-size="40" font-weight="700" text-anchor="middle" fill="${WHITE}" font-family="DejaVu Sans">В</text></g>
    <circle cx="162" cy="70" r="16" fill="#22c55e"/><path d="M150 94 l12 -24 l12 24 z" fill="#facc15"/>
    <rect x="20" y="176" width="160" height="6" rx="3" fill="${INK}" opacity=".3"/>`,
  sensory: (p) => `
    <rect x="46" y="20" width="36" height="146" rx="18" fill="#e0f2fe" stroke="${p.dark}" stroke-width="4"/>
    ${[40, 62, 86, 108, 132, 150].map((y, i) => `<circle cx="${58 + (i % 2) * 12}" cy="${y}" r="${5 + (i % 3)}" fill="${i % 2 ? p.accent : p.main}" opacity=".8"/>`).join('')}
    <rect x="38" y="164" width="52" height="16" rx="6" fill="${p.dark}"/>
    <path d="M104 176 q-4 -40 30 -44 q34 4 40 44 z" fill="${p.main}"/>
    <path d="M116 176 q2 -26 22 -30" stroke="${WHITE}" stroke-width="4" fill="none" opacity=".5"/>
    <g stroke="${p.accent}" stroke-width="3" fill="none" opacity=".8"><path d="M130 60 q10 -10 20 0 q10 10 20 0"/><path d="M120 84 q10 -10 20 0 q10 10 20 0 q8 8 16 0"/></g>
    <circle cx="150" cy="32" r="6" fill="#facc15"/><circle cx="172" cy="46" r="4" fill="#facc15" opacity=".7"/>`,
  palette: (p) => `
    <path d="M100 26 q70 0 74 60 q2 30 -28 28 q-18 -2 -16 16 q2 22 -24 26 q-74 6 -80 -60 q-2 -70 74 -70 z" fill="#fde7c7" stroke="${p.dark}" stroke-width="4"/>
    <circle cx="68" cy="66" r="12" fill="${p.main}"/><circle cx="104" cy="52" r="12" fill="${p.accent}"/>
    <circle cx="140" cy="66" r="12" fill="#22c55e"/><circle cx="56" cy="104" r="12" fill="#ef4444"/>
    <circle cx="80" cy="138" r="12" fill="${p.dark}"/><circle cx="124" cy="112" r="12" fill="#fde7c7" stroke="${p.dark}" stroke-width="3"/>
    <g transform="rotate(40 150 150)"><rect x="144" y="96" width="12" height="80" rx="6" fill="${p.dark}"/>
    <rect x="144" y="86" width="12" height="14" fill="#cbd5e1"/><path d="M144 86 q6 -24 12 0 z" fill="${p.main}"/></g>`,
  chess: (p) => `
    ${Array.from({ length: 16 }, (_, i) => {
      const x = 20 + (i % 4) * 40;
      const y = 110 + Math.floor(i / 4) * 18;
      return `<rect x="${x}" y="${y}" width="40" height="18" fill="${(i + Math.floor(i / 4)) % 2 ? p.dark : p.light}"/>`;
    }).join('')}
    <rect x="20" y="110" width="160" height="72" fill="none" stroke="${INK}" stroke-width="4"/>
    <path d="M70 108 h60 l-6 -14 h-48 z" fill="${INK}"/>
    <path d="M78 94 q-4 -30 6 -44 l-14 -6 q4 -20 30 -22 q30 4 34 40 q2 20 -8 32 z" fill="${p.main}" stroke="${INK}" stroke-width="3"/>
    <circle cx="96" cy="40" r="4" fill="${INK}"/>
    <path d="M80 50 l-14 6 q-4 8 4 10 l14 -4" fill="${p.main}" stroke="${INK}" stroke-width="3"/>
    <circle cx="156" cy="80" r="10" fill="${p.accent}"/><rect x="148" y="90" width="16" height="16" rx="3" fill="${p.accent}"/>`,
  music: (p) => `
    <rect x="18" y="112" width="164" height="64" rx="8" fill="${INK}"/>
    ${Array.from({ length: 10 }, (_, i) => `<rect x="${24 + i * 15.6}" y="118" width="14" height="52" rx="2" fill="${WHITE}"/>`).join('')}
    ${[0, 1, 3, 4, 5, 7, 8].map((i) => `<rect x="${34 + i * 15.6}" y="118" width="9" height="32" rx="1" fill="${INK}"/>`).join('')}
    <path d="M66 88 v-56 l64 -12 v56" stroke="${p.main}" stroke-width="6" fill="none"/>
    <ellipse cx="58" cy="90" rx="12" ry="9" fill="${p.main}"/><ellipse cx="122" cy="78" rx="12" ry="9" fill="${p.main}"/>
    <path d="M150 40 v36" stroke="${p.accent}" stroke-width="5"/><ellipse cx="143" cy="78" rx="9" ry="7" fill="${p.accent}"/>
    <path d="M150 40 q14 4 12 16" stroke="${p.accent}" stroke-width="5" fill="none"/>`,
  cap: (p) => `
    <path d="M100 36 l84 34 l-84 34 l-84 -34 z" fill="${INK}"/>
    <path d="M52 86 v34 q48 26 96 0 v-34 l-48 18 z" fill="${p.dark}"/>
    <path d="M100 70 l56 10 v44" stroke="${p.accent}" stroke-width="4" fill="none"/>
    <circle cx="156" cy="128" r="7" fill="${p.accent}"/>
    <g transform="rotate(-12 100 160)"><rect x="46" y="138" width="108" height="34" rx="17" fill="${WHITE}" stroke="${p.main}" stroke-width="4"/>
    <rect x="92" y="136" width="16" height="38" fill="${p.main}"/><path d="M100 174 l-8 14 l8 -4 l8 4 z" fill="${p.accent}"/></g>`,
  campus: (p) => `
    <path d="M20 76 l80 -46 l80 46 z" fill="${p.main}"/>
    <rect x="26" y="76" width="148" height="12" fill="${p.dark}"/>
    ${[36, 64, 92, 120, 148].map((x) => `<rect x="${x}" y="92" width="16" height="64" fill="${p.light}" stroke="${p.dark}" stroke-width="2"/>`).join('')}
    <rect x="18" y="156" width="164" height="12" fill="${p.dark}"/><rect x="10" y="168" width="180" height="12" fill="${p.main}"/>
    <circle cx="100" cy="58" r="10" fill="${p.accent}"/>
    <path d="M100 58 v-6 M100 58 l5 3" stroke="${INK}" stroke-width="2"/>
    <circle cx="16" cy="150" r="14" fill="#22c55e"/><circle cx="184" cy="150" r="14" fill="#22c55e"/>`,
  tools: (p) => `
    <g transform="translate(78 92)">
    ${Array.from({ length: 8 }, (_, i) => `<rect x="-9" y="-54" width="18" height="22" rx="3" fill="${p.main}" transform="rotate(${i * 45})"/>`).join('')}
    <circle r="40" fill="${p.main}"/><circle r="16" fill="${p.light}"/></g>
    <g transform="rotate(45 140 130)"><rect x="132" y="78" width="16" height="100" rx="6" fill="${p.dark}"/>
    <path d="M124 62 q16 -22 32 0 v20 h-10 v-14 h-12 v14 h-10 z" fill="${p.dark}"/></g>
    <rect x="24" y="168" width="152" height="10" rx="5" fill="${p.accent}"/>
    <path d="M40 162 l8 -14 l8 14 M150 160 l6 -10 l6 10" stroke="${p.accent}" stroke-width="4" fill="none"/>`,
  chef: (p) => `
    <path d="M60 86 q-30 -8 -22 -34 q12 -22 34 -10 q8 -24 28 -24 q20 0 28 24 q22 -12 34 10 q8 26 -22 34 z" fill="${WHITE}" stroke="${p.dark}" stroke-width="4"/>
    <rect x="60" y="84" width="80" height="22" rx="4" fill="${WHITE}" stroke="${p.dark}" stroke-width="4"/>
    <path d="M18 136 h124 q0 40 -40 40 h-44 q-40 0 -40 -40 z" fill="${p.main}"/>
    <rect x="142" y="132" width="44" height="10" rx="5" fill="${INK}"/>
    <path d="M56 124 q6 -8 0 -16 M80 124 q6 -8 0 -16 M104 124 q6 -8 0 -16" stroke="${p.accent}" stroke-width="4" fill="none" stroke-linecap="round"/>
    <ellipse cx="80" cy="146" rx="40" ry="6" fill="${p.dark}" opacity=".35"/>`,
  certificate: (p) => `
    <rect x="22" y="34" width="156" height="116" rx="6" fill="${WHITE}" stroke="${p.main}" stroke-width="5"/>
    <rect x="32" y="44" width="136" height="96" rx="3" fill="none" stroke="${p.main}" stroke-width="1.5" opacity=".6"/>
    <rect x="56" y="58" width="88" height="8" rx="4" fill="${p.dark}"/>
    <rect x="46" y="76" width="108" height="5" rx="2.5" fill="${p.dark}" opacity=".4"/>
    <rect x="54" y="88" width="92" height="5" rx="2.5" fill="${p.dark}" opacity=".4"/>
    <rect x="46" y="118" width="40" height="4" rx="2" fill="${p.dark}" opacity=".6"/>
    <path d="M128 146 l-10 36 l14 -8 l10 12 l4 -40 z" fill="${p.accent}"/>
    <path d="M146 146 l10 36 l-14 -8 l-10 12 l-4 -40 z" fill="${p.dark}"/>
    <circle cx="138" cy="130" r="20" fill="${p.accent}"/><circle cx="138" cy="130" r="12" fill="none" stroke="${WHITE}" stroke-width="3"/>`,
  compass: (p) => `
    <circle cx="100" cy="100" r="74" fill="${p.light}" stroke="${p.dark}" stroke-width="8"/>
    <circle cx="100" cy="100" r="60" fill="none" stroke="${p.main}" stroke-width="2" stroke-dasharray="4 8"/>
    <path d="M100 40 l16 60 l-16 60 l-16 -60 z" fill="${p.main}"/>
    <path d="M100 40 l16 60 h-32 z" fill="#ef4444"/>
    <path d="M40 100 l60 -12 l60 12 l-60 12 z" fill="${p.dark}" opacity=".35"/>
    <circle cx="100" cy="100" r="8" fill="${INK}"/>
    <text x="100" y="24" font-size="14" text-anchor="middle" font-weight="700" fill="${p.dark}" font-family="DejaVu Sans">С</text>`,
  phone: (p) => `
    <rect x="56" y="16" width="88" height="168" rx="16" fill="${INK}"/>
    <rect x="63" y="30" width="74" height="140" rx="6" fill="${WHITE}"/>
    <rect x="63" y="30" width="74" height="26" rx="6" fill="${p.main}"/>
    <rect x="70" y="40" width="40" height="6" rx="3" fill="${WHITE}"/>
    ${[66, 90, 114, 138].map(
      (y, i) => `<rect x="70" y="${y}" width="36" height="6" rx="3" fill="${p.dark}" opacity=".5"/>
      <rect x="70" y="${y + 10}" width="24" height="4" rx="2" fill="${p.dark}" opacity=".25"/>
      <circle cx="124" cy="${y + 6}" r="9" fill="${['#22c55e', p.accent, '#22c55e', p.main][i]}"/>
      <text x="124" y="${y + 10.5}" font-size="12" text-anchor="middle" fill="${WHITE}" font-weight="700" font-family="DejaVu Sans">${[5, 4, 5, 5][i]}</text>`,
    ).join('')}
    <circle cx="160" cy="40" r="14" fill="${p.accent}"/><text x="160" y="45" font-size="14" text-anchor="middle" fill="${WHITE}" font-weight="700" font-family="DejaVu Sans">3</text>`,
};

/** The drawing as SVG markup inside a 200×200 view box (no outer <svg>). */
export function pictogramBody(key: PictogramKey, palette: Palette): string {
  return DRAW[key](palette);
}

/** A standalone SVG document of the drawing. */
export function pictogramSvg(key: PictogramKey, palette: Palette, size = 200): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="${size}" height="${size}">${pictogramBody(key, palette)}</svg>`;
}
