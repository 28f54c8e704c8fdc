// Product categories of the fair. Floors group stands by these; exhibitors carry one.
// Titles live here (not in UI dictionaries) because they are content shared by server and client.
import { z } from 'zod';

export const CATEGORY_IDS = [
  'preschool',
  'school',
  'higher',
  'professional',
  'additional',
  'edtech',
  'platforms',
  'equipment',
  'publishers',
  'regions',
] as const;

export const CategoryId = z.enum(CATEGORY_IDS);
export type CategoryId = z.infer<typeof CategoryId>;

export const CATEGORY_TITLES: Record<CategoryId, { ru: string; en: string }> = {
  preschool: { ru: 'Дошкольное образование', en: 'Preschool education' },
  school: { ru: 'Общее образование', en: 'School education' },
  higher: { ru: 'Высшее образование', en: 'Higher education' },
  professional: { ru: 'Профессиональное образование', en: 'Vocational education' },
  additional: { ru: 'Дополнительное образование', en: 'Extracurricular education' },
  edtech: { ru: 'EdTech и онлайн-обучение', en: 'EdTech and online learning' },
  platforms: { ru: 'Цифровые платформы', en: 'Digital platforms' },
  equipment: { ru: 'Оборудование и мебель', en: 'Equipment and furniture' },
  publishers: { ru: 'Издательства', en: 'Publishers' },
  regions: { ru: 'Региональные системы образования', en: 'Regional education systems' },
};
