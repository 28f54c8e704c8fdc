// What the sample videos say: each is a short run of animated slides with a voice-over-like
// caption per slide, in Russian and English. The categories say which exhibitors show which.
import type { CategoryId } from '../../shared/categories.ts';
import type { Palette, PictogramKey } from './pictograms.ts';

export interface Slide {
  heading: string;
  lines: string[];
  pictogram: PictogramKey;
  captionRu: string;
  captionEn: string;
}

export interface VideoScript {
  key: string;
  title: string;
  palette: Palette;
  slides: Slide[];
  categories: CategoryId[];
}

/** Seconds each slide stays on screen; four slides make a 10-second clip. */
export const SLIDE_SECONDS = 2.5;

export const VIDEOS: VideoScript[] = [
  {
    key: 'platform-demo',
    title: 'Цифровая образовательная платформа: демонстрация',
    palette: { main: '#2563eb', dark: '#1e3a8a', accent: '#f59e0b', light: '#dbeafe' },
    categories: ['edtech', 'platforms'],
    slides: [
      {
        heading: 'Цифровая платформа',
        lines: ['для школ и колледжей'],
        pictogram: 'dashboard',
        captionRu: 'Знакомьтесь: цифровая платформа для школ и колледжей.',
        captionEn: 'Meet a digital learning platform for schools and colleges.',
      },
      {
        heading: 'Задание за\u00a05\u00a0минут',
        lines: ['Готовые упражнения по ФГОС', 'Автопроверка ответов'],
        pictogram: 'workbook',
        captionRu: 'Учитель собирает задание из готовых упражнений за пять минут.',
        captionEn: 'A teacher builds an assignment from ready exercises in five minutes.',
      },
      {
        heading: 'Аналитика класса',
        lines: ['Прогресс каждого ученика', 'Отчёты для родителей'],
        pictogram: 'panel',
        captionRu: 'Платформа показывает прогресс каждого ученика и готовит отчёты.',
        captionEn: 'The platform shows every student’s progress and prepares reports.',
      },
      {
        heading: 'Попробуйте бесплатно',
        lines: ['Ждём вас на стенде!'],
        pictogram: 'phone',
        captionRu: 'Подключите класс бесплатно. Ждём вас на стенде!',
        captionEn: 'Connect your class for free. See you at our stand!',
      },
    ],
  },
  {
    key: 'campus-tour',
    title: 'Экскурсия по кампусу университета',
    palette: { main: '#7c3aed', dark: '#3b0764', accent: '#facc15', light: '#ede9fe' },
    categories: ['higher', 'regions'],
    slides: [
      {
        heading: 'Экскурсия по кампусу',
        lines: ['Университет открыт для абитуриентов'],
        pictogram: 'campus',
        captionRu: 'Приглашаем на экскурсию по нашему кампусу.',
        captionEn: 'Welcome to a tour of our campus.',
      },
      {
        heading: 'Учебные корпуса',
        lines: ['Лаборатории и коворкинги', 'Библиотека 24/7'],
        pictogram: 'microscope',
        captionRu: 'В учебных корпусах — современные лаборатории и коворкинги.',
        captionEn: 'The academic buildings house modern labs and co-working spaces.',
      },
      {
        heading: 'Студенческая жизнь',
        lines: ['Общежития для иногородних', 'Клубы, спорт и творчество'],
        pictogram: 'music',
        captionRu: 'Иногородним — места в общежитиях, всем — клубы и спортивные секции.',
        captionEn: 'Out-of-town students get dormitory places; everyone gets clubs and sports.',
      },
      {
        heading: 'День открытых дверей',
        lines: ['Ждём абитуриентов и родителей'],
        pictogram: 'cap',
        captionRu: 'Ждём абитуриентов и родителей на дне открытых дверей!',
        captionEn: 'Applicants and parents are welcome at our open day!',
      },
    ],
  },
  {
    key: 'robotics-kit',
    title: 'Робототехнический набор для 5–9 классов',
    palette: { main: '#0891b2', dark: '#164e63', accent: '#f97316', light: '#cffafe' },
    categories: ['school', 'equipment', 'additional'],
    slides: [
      {
        heading: 'Робототехника в школе',
        lines: ['Набор для 5–9 классов'],
        pictogram: 'robot',
        captionRu: 'Робототехнический набор для уроков технологии в 5–9 классах.',
        captionEn: 'A robotics kit for technology lessons in grades 5 to 9.',
      },
      {
        heading: 'Собрать за урок',
        lines: ['Конструктор из 400 деталей', 'Блоки и текстовый код'],
        pictogram: 'tools',
        captionRu: 'Модель собирается за урок и программируется блоками или кодом.',
        captionEn: 'A model is built in one lesson and programmed with blocks or code.',
      },
      {
        heading: 'Проекты и соревнования',
        lines: ['Методика на 68 часов', 'Подготовка к олимпиадам'],
        pictogram: 'printer3d',
        captionRu: 'В комплекте методика на 68 часов и задания для олимпиад.',
        captionEn: 'It comes with a 68-hour course and olympiad tasks.',
      },
      {
        heading: 'Закажите демо-урок',
        lines: ['Ждём вас на стенде!'],
        pictogram: 'panel',
        captionRu: 'Закажите бесплатный демо-урок для вашей школы!',
        captionEn: 'Book a free demo lesson for your school!',
      },
    ],
  },
  {
    key: 'kindergarten',
    title: 'Развивающая среда детского сада',
    palette: { main: '#16a34a', dark: '#14532d', accent: '#f43f5e', light: '#dcfce7' },
    categories: ['preschool', 'additional'],
    slides: [
      {
        heading: 'Развивающая среда',
        lines: ['Детский сад, где интересно'],
        pictogram: 'blocks',
        captionRu: 'Детский сад, где каждому ребёнку интересно.',
        captionEn: 'A kindergarten where every child is curious.',
      },
      {
        heading: 'Игровые центры',
        lines: ['Конструирование и сенсорика', 'Материалы по ФОП ДО'],
        pictogram: 'sensory',
        captionRu: 'Игровые центры для конструирования, сенсорики и экспериментов.',
        captionEn: 'Play centres for building, sensory play and experiments.',
      },
      {
        heading: 'Творчество каждый день',
        lines: ['Студия рисования', 'Музыкальные занятия'],
        pictogram: 'palette',
        captionRu: 'Каждый день — рисование, лепка и музыка.',
        captionEn: 'Drawing, modelling and music every day.',
      },
      {
        heading: 'Приходите знакомиться',
        lines: ['Ждём родителей и педагогов'],
        pictogram: 'music',
        captionRu: 'Приходите знакомиться: ждём родителей и педагогов!',
        captionEn: 'Come and meet us: parents and teachers are welcome!',
      },
    ],
  },
  {
    key: 'college-workshops',
    title: 'Мастерские колледжа: учимся на реальном оборудовании',
    palette: { main: '#ea580c', dark: '#7c2d12', accent: '#0ea5e9', light: '#ffedd5' },
    categories: ['professional'],
    slides: [
      {
        heading: 'Мастерские колледжа',
        lines: ['Учимся на реальном оборудовании'],
        pictogram: 'tools',
        captionRu: 'В наших мастерских учатся на реальном оборудовании.',
        captionEn: 'In our workshops students learn on real equipment.',
      },
      {
        heading: 'Профессии будущего',
        lines: ['Сварка, мехатроника, IT', 'Стандарты «Профессионалов»'],
        pictogram: 'printer3d',
        captionRu: 'Сварка, мехатроника и IT — по стандартам чемпионата «Профессионалы».',
        captionEn: 'Welding, mechatronics and IT to the standards of the Professionals championship.',
      },
      {
        heading: 'Практика у работодателей',
        lines: ['40 предприятий-партнёров', 'Трудоустройство выпускников'],
        pictogram: 'compass',
        captionRu: 'Практика на сорока предприятиях-партнёрах и помощь с трудоустройством.',
        captionEn: 'Placements at forty partner companies and help finding a job.',
      },
      {
        heading: 'Приёмная комиссия',
        lines: ['Ждём вас на стенде!'],
        pictogram: 'cap',
        captionRu: 'Приёмная комиссия ждёт вас на стенде!',
        captionEn: 'The admissions office is waiting for you at the stand!',
      },
    ],
  },
  {
    key: 'teacher-support',
    title: 'Учебники и курсы для учителей',
    palette: { main: '#db2777', dark: '#831843', accent: '#22c55e', light: '#fce7f3' },
    categories: ['publishers', 'regions', 'school'],
    slides: [
      {
        heading: 'Учитель и учебник',
        lines: ['Методическая поддержка педагогов'],
        pictogram: 'books',
        captionRu: 'Мы помогаем учителю работать с учебником.',
        captionEn: 'We help teachers make the most of their textbooks.',
      },
      {
        heading: 'Линии учебников',
        lines: ['Печатная и электронная форма', 'Федеральный перечень'],
        pictogram: 'workbook',
        captionRu: 'Линии учебников из федерального перечня — в печатной и электронной форме.',
        captionEn: 'Textbook series from the federal list, in print and electronic form.',
      },
      {
        heading: 'Повышение квалификации',
        lines: ['Курсы от 36 часов', 'Онлайн и очно'],
        pictogram: 'certificate',
        captionRu: 'Курсы повышения квалификации — онлайн и очно, с удостоверением.',
        captionEn: 'Professional development courses, online and in person, with a certificate.',
      },
      {
        heading: 'Вебинары каждую неделю',
        lines: ['Подпишитесь на стенде!'],
        pictogram: 'videocourse',
        captionRu: 'Вебинары для учителей — каждую неделю. Подпишитесь на стенде!',
        captionEn: 'Webinars for teachers every week. Sign up at our stand!',
      },
    ],
  },
];
