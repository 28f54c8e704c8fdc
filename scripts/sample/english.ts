// English for part of the sample exhibition: the universities and the EdTech companies (65 of
// 300 exhibitors) carry English texts beside their Russian ones; everyone else is Russian only,
// so an English visitor sees both the translation and the Russian fallback. Translation is by
// table: every Russian sentence the generators write for these categories has an English one
// here, and a sentence without one stops the generator (a silent half-translation would ship).
import type { CategoryId } from '../../shared/categories.ts';
import type { Exhibitor, ExhibitorEnglish } from '../../shared/exhibitor.ts';
import type { StandContent } from '../../shared/standContent.ts';
import { slugify } from './translit.ts';

export const ENGLISH_CATEGORIES: ReadonlySet<CategoryId> = new Set(['higher', 'edtech']);

const SENTENCES: Record<string, string> = {
  // Exhibitor cards: one-line pitches and offers (scripts/sample/copy.ts).
  'Программы высшего образования очно, очно-заочно и онлайн.': 'Degree programmes full-time, part-time and online.',
  'Для школ проводим профильные олимпиады, университетские субботы и летние школы.': 'For schools we run subject olympiads, university Saturdays and summer schools.',
  'Университет исследовательских проектов и современных инженерных лабораторий.': 'A university of research projects and modern engineering laboratories.',
  'Учителям предлагаем программы повышения квалификации и магистратуру для педагогов.': 'For teachers we offer professional development courses and a master’s programme in education.',
  'Абитуриентам рассказываем о направлениях подготовки, проходных баллах и общежитиях.': 'Applicants learn about our degree programmes, admission scores and halls of residence.',
  'Подготовка специалистов для экономики региона и страны.': 'Training specialists for the economy of the region and the country.',
  'Кафедры ведут исследования совместно с промышленными предприятиями и институтами РАН.': 'Our departments do research together with industry and institutes of the Russian Academy of Sciences.',
  'Студенты проходят практику в компаниях-партнёрах, а лучшие получают целевое обучение.': 'Students do internships at partner companies, and the best get sponsored places.',
  'Бакалавриат, специалитет и магистратура с практикой у индустриальных партнёров.': 'Bachelor’s, specialist and master’s degrees with internships at industry partners.',
  'Приёмная кампания, олимпиады для школьников и программы двойных дипломов.': 'Admissions, olympiads for school students and double degree programmes.',
  'Онлайн-магистратура позволяет учиться без отрыва от работы.': 'The online master’s programme lets you study without leaving your job.',
  'Онлайн-курсы и тренажёры, которые помогают ученикам учиться в своём темпе.': 'Online courses and practice tools that help students learn at their own pace.',
  'Проводим вебинары для учителей о смешанном обучении и формирующем оценивании.': 'We run webinars for teachers on blended learning and formative assessment.',
  'Сервис, который экономит учителю время на проверке и подготовке к урокам.': 'A service that saves teachers time on marking and lesson preparation.',
  'Учитель выдаёт задания в пару кликов, а система сама проверяет ответы и показывает типичные ошибки.':
    'A teacher sets work in a couple of clicks; the system checks the answers and shows the common mistakes.',
  'Задания адаптируются под уровень ученика и помогают закрыть пробелы в знаниях.': 'Tasks adapt to each student’s level and help close gaps in knowledge.',
  'Родители видят прогресс ребёнка в личном кабинете и получают еженедельные отчёты.': 'Parents follow their child’s progress in their account and get weekly reports.',
  'Адаптивные курсы по предметам школьной программы и подготовке к экзаменам.': 'Adaptive courses in school subjects and exam preparation.',
  'Курсы соответствуют ФГОС и примерным рабочим программам, их можно встроить в урок.': 'The courses follow the federal standards and model curricula and fit into a lesson.',
  'Онлайн-обучение школьников с живыми преподавателями и понятной аналитикой для родителей.': 'Online lessons for school students with live teachers and clear reports for parents.',
  'Для школ есть бесплатный тариф и обучение педагогов работе с платформой.': 'Schools get a free plan and training for teachers in using the platform.',
  'Интерактивные уроки и задания с автоматической проверкой для школ и семей.': 'Interactive lessons and self-marking tasks for schools and families.',
  // Closings shared by every category.
  'Оставьте визитку на стенде, и мы пришлём презентацию и каталог на электронную почту.': 'Leave your business card at the stand and we will e-mail you our presentation and catalogue.',
  'На стенде — видеопрезентация, галерея решений и расписание вебинаров.': 'At the stand: a video presentation, a gallery of our solutions and the webinar schedule.',
  'Приходите на наш вебинар в деловой программе выставки или закажите обратный звонок.': 'Join our webinar in the fair’s business programme or ask us to call you back.',
  'Специалисты отвечают на вопросы в чате стенда все дни выставки.': 'Our specialists answer questions in the stand chat on every day of the fair.',

  // Interiors: videos, gallery, materials and webinars (scripts/media/*).
  'Экскурсия по кампусу университета': 'A tour of the university campus',
  'Цифровая образовательная платформа: демонстрация': 'A digital learning platform: demonstration',
  'Подготовительные курсы к ЕГЭ': 'Preparation courses for the Unified State Exam',
  'Занятия с преподавателями университета по субботам, 8 месяцев, пробный ЕГЭ в конце курса.':
    'Saturday classes with university lecturers for 8 months, with a mock exam at the end.',
  'Центр виртуальных лабораторий': 'Virtual laboratory centre',
  'VR-симуляторы для инженерных и медицинских направлений; открыт для школьных экскурсий.': 'VR simulators for engineering and medicine; open to school visits.',
  'Магистратура «Биотехнологии»': 'Master’s programme “Biotechnology”',
  '2 года, практика в научных лабораториях университета и у индустриальных партнёров.': '2 years, with placements in the university’s research laboratories and at industry partners.',
  'Путеводитель абитуриента 2027': 'Applicant’s guide 2027',
  'Научная лаборатория: экскурсия в прямом эфире': 'A research laboratory: a live tour',
  'Приёмная кампания 2027: что нового': 'Admissions 2027: what is new',
  'Общежитие для иногородних студентов': 'Halls of residence for students from other cities',
  'Комнаты на 2–3 человека, коворкинг и спортзал на территории; цена за месяц проживания.': 'Rooms for 2–3 people, a co-working space and a gym on site; price per month.',
  'Онлайн-магистратура «Цифровая трансформация образования»': 'Online master’s programme “Digital transformation of education”',
  'Обучение онлайн с сессиями в кампусе, диплом государственного образца; цена за год.': 'Online study with sessions on campus and a state-recognised diploma; price per year.',
  'Профессиональная переподготовка': 'Professional retraining',
  'Программы от 256 часов с дипломом о переподготовке: педагогика, психология, управление.': 'Programmes of 256 hours and more with a retraining diploma: pedagogy, psychology, management.',
  'Курсы повышения квалификации для педагогов': 'Professional development courses for teachers',
  'Бакалавриат «Педагогическое образование»': 'Bachelor’s programme “Teacher education”',
  '4 года, очная и заочная формы, бюджетные и платные места; цена за год обучения.': '4 years, full-time or by correspondence, state-funded and fee-paying places; price per year.',
  'Как выбрать направление подготовки: встреча с деканами': 'How to choose a degree programme: meet the deans',
  'Целевое обучение и стипендии для первокурсников': 'Sponsored places and grants for first-year students',
  'Открытая лекция: биотехнологии вокруг нас': 'Open lecture: the biotechnology around us',
  'Платформа «Умный класс»: лицензия на школу': '“Smart Class” platform: a school licence',
  'Задания с автопроверкой, аналитика и отчёты для родителей; годовая лицензия на школу.': 'Self-marking tasks, analytics and reports for parents; a one-year school licence.',
  'Тренажёр по орфографии': 'Spelling trainer',
  'Адаптивные упражнения с автопроверкой для 2–9 классов; лицензия на класс.': 'Adaptive self-marking exercises for years 2–9; a class licence.',
  'Видеоуроки по всем предметам 1–11': 'Video lessons in every subject, years 1–11',
  'Более 5 000 уроков по ФГОС с конспектами и тестами; подписка ученика на год.': 'Over 5,000 lessons to the federal standards with notes and tests; a one-year student subscription.',
  'Руководство по внедрению цифровой платформы': 'A guide to introducing a digital platform',
  'Автопроверка домашних заданий: опыт школ': 'Self-marking homework: what schools have learned',
  'Искусственный интеллект в работе учителя: правила и практика': 'Artificial intelligence in a teacher’s work: rules and practice',
  'Интерактивные сценарии уроков': 'Interactive lesson plans',
  'Готовые уроки для интерактивной панели с заданиями для работы у доски.': 'Ready-made lessons for an interactive panel, with tasks for work at the board.',
  'Онлайн-школа робототехники': 'Online robotics school',
  'Занятия в мини-группах с набором, который мы отправим домой; цена за месяц.': 'Classes in small groups with a kit we send to your home; price per month.',
  'VR-уроки по физике и биологии': 'VR lessons in physics and biology',
  '60 виртуальных лабораторных работ с методическими рекомендациями для учителя.': '60 virtual lab experiments with teaching notes for the teacher.',
  'Приложение для подготовки к ОГЭ': 'An app for the basic state exam',
  'Ежедневные задания на 10 минут и разбор ошибок. Базовая версия — бесплатно.': 'Ten-minute daily tasks with explained mistakes. The basic version is free.',
  'Прайс-лист на 2026/27 учебный год': 'Price list for the 2026/27 school year',
  'Собираем интерактивный урок за 15 минут': 'Building an interactive lesson in 15 minutes',
  'Курс «Цифровые инструменты на уроке»': 'Course “Digital tools in the classroom”',
  '72 часа онлайн, удостоверение о повышении квалификации.': '72 hours online, with a professional development certificate.',
  'Аналитика успеваемости для классного руководителя': 'Progress analytics for the form tutor',
  'VR-лабораторная по физике': 'A VR physics lab',
};

/** Sentences built from numbers (scripts/sample/copy.ts INTROS). */
const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Работаем в сфере образования с (\d+) года\.$/, (m) => `We have worked in education since ${m[1]}.`],
  [/^С (\d+) года мы сотрудничаем более чем с (\d+) образовательными организациями\.$/, (m) => `Since ${m[1]} we have worked with more than ${m[2]} educational organisations.`],
  [/^Наши проекты работают в (\d+) регион(?:е|ах) России, партнёров — более (\d+)\.$/, (m) => `Our projects run in ${m[1]} ${m[1] === '1' ? 'region' : 'regions'} of Russia, with more than ${m[2]} partners.`],
];

const CITIES: Record<string, string> = {
  Москва: 'Moscow',
  'Санкт-Петербург': 'Saint Petersburg',
  Казань: 'Kazan',
  Екатеринбург: 'Yekaterinburg',
  Новосибирск: 'Novosibirsk',
  'Нижний Новгород': 'Nizhny Novgorod',
  Самара: 'Samara',
  Краснодар: 'Krasnodar',
  'Ростов-на-Дону': 'Rostov-on-Don',
  Пермь: 'Perm',
  Воронеж: 'Voronezh',
  Уфа: 'Ufa',
  Челябинск: 'Chelyabinsk',
  Томск: 'Tomsk',
  Красноярск: 'Krasnoyarsk',
};

const STREETS: Record<string, string> = {
  'ул. Садовая': 'Sadovaya St',
  'ул. Советская': 'Sovetskaya St',
  'проспект Мира': 'Mira Ave',
  'ул. Пушкина': 'Pushkina St',
  'ул. Гагарина': 'Gagarina St',
  'ул. Школьная': 'Shkolnaya St',
  'ул. Профсоюзная': 'Profsoyuznaya St',
  'ул. Лесная': 'Lesnaya St',
  'ул. Студенческая': 'Studencheskaya St',
  'ул. Набережная': 'Naberezhnaya St',
  'Ленинградский проспект': 'Leningradsky Ave',
  'ул. Новаторов': 'Novatorov St',
  'ул. Академическая': 'Akademicheskaya St',
  'ул. Строителей': 'Stroiteley St',
  'проспект Победы': 'Pobedy Ave',
  'ул. Учительская': 'Uchitelskaya St',
  'ул. Университетская': 'Universitetskaya St',
  'ул. Центральная': 'Tsentralnaya St',
  'пер. Библиотечный': 'Bibliotechny Ln',
  'ул. Молодёжная': 'Molodyozhnaya St',
};

const ROLES: Record<string, string> = {
  методист: 'methodologist',
  'ведущий эксперт': 'lead expert',
  'педагог-наставник': 'mentor teacher',
  'заместитель директора': 'deputy director',
  'автор программы': 'programme author',
  'руководитель направления': 'head of department',
};

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`scripts/sample/english.ts: no English for ${what}`);
  return value;
}

function sentence(ru: string): string {
  const known = SENTENCES[ru];
  if (known !== undefined) return known;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(ru);
    if (m) return make(m);
  }
  throw new Error(`scripts/sample/english.ts: no English for "${ru}"`);
}

/** Sentence by sentence: descriptions are assembled from the table's sentences. */
function paragraph(ru: string): string {
  return ru
    .split(/(?<=[.!?])\s+/)
    .map(sentence)
    .join(' ');
}

/** "г. Москва, ул. Лесная, д. 12, офис 3" → "12 Lesnaya St, office 3, Moscow". */
function address(ru: string): string {
  const m = need(/^г\. ([^,]+), ([^,]+), д\. (\d+)(?:, офис (\d+))?$/.exec(ru) ?? undefined, `the address "${ru}"`);
  const [, city, street, house, office] = m;
  const parts = [`${house} ${need(STREETS[street!], `the street "${street}"`)}`];
  if (office) parts.push(`office ${office}`);
  parts.push(need(CITIES[city!], `the city "${city}"`));
  return parts.join(', ');
}

const capital = (s: string) => s.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** "Наталья Морозова, методист" → "Natalya Morozova, methodologist". */
function speaker(ru: string): string {
  const [name, role] = ru.split(', ');
  // The slug table writes "й" as "j"; names read better as "Dmitry", "Nikolay".
  const latin = capital(slugify(name!).replace(/-/g, ' ').replace(/ij\b/g, 'y').replace(/j/g, 'y'));
  return role ? `${latin}, ${need(ROLES[role], `the role "${role}"`)}` : latin;
}

export function hasEnglish(e: Pick<Exhibitor, 'category'>): boolean {
  return ENGLISH_CATEGORIES.has(e.category);
}

/** The card with its English, for the categories that have one; others unchanged. */
export function withEnglishCard(e: Exhibitor): Exhibitor {
  if (!hasEnglish(e)) return e;
  const en: ExhibitorEnglish = { short: sentence(e.short), description: paragraph(e.description) };
  if (e.city) en.city = need(CITIES[e.city], `the city "${e.city}"`);
  if (e.contacts.address) en.address = address(e.contacts.address);
  return { ...e, en };
}

/** The interior with its English, for exhibitors whose card has English; others unchanged. */
export function withEnglishContent(c: StandContent, e: Pick<Exhibitor, 'category'>): StandContent {
  if (!hasEnglish(e)) return c;
  return {
    ...c,
    video: c.video && { ...c.video, en: { title: sentence(c.video.title) } },
    gallery: c.gallery.map((g) => ({
      ...g,
      en: g.description ? { title: sentence(g.title), description: sentence(g.description) } : { title: sentence(g.title) },
    })),
    materials: c.materials.map((m) => ({ ...m, en: { title: sentence(m.title) } })),
    webinars: c.webinars.map((w) => ({ ...w, en: { title: sentence(w.title), speaker: speaker(w.speaker) } })),
  };
}
