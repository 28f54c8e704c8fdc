// UI strings of the broadcast page (/broadcast/<eventId>), Russian first and English complete,
// in their own dictionary so the page's chunk carries no other feature's strings. `{name}` is
// a parameter; "|" separates plural forms (ru one|few|many, en one|other).
import type { Lang } from '../../../shared/text.ts';
import { useStore } from '../store/index.ts';

export const broadcastRu = {
  'bc.title': 'Трансляция',
  'bc.event': 'Событие: {event}',
  'bc.stage': 'Сцена: {stage}',
  'bc.login': 'Войдите в кабинет организатора или модератора, затем откройте эту страницу снова.',
  'bc.loginLink': 'Вход в кабинет',
  'bc.forbidden': 'Эта трансляция вам недоступна: её ведут организаторы и назначенные модераторы события.',
  'bc.notFound': 'Такого события нет в программе.',
  'bc.notStage': 'Это событие транслируется не с нашей сцены, принимать поток здесь не нужно.',
  'bc.loadError': 'Не удалось загрузить данные трансляции: {error}',
  'bc.state.off': 'Не в эфире',
  'bc.state.waiting': 'Ждём сигнал',
  'bc.state.receiving': 'Идёт приём',
  'bc.state.restarting': 'Перезапуск приёма',
  'bc.state.stopped': 'Остановлено',
  'bc.busy': 'Сцена сейчас занята событием {event}: сначала завершите его.',
  'bc.goLive': 'В эфир',
  'bc.end': 'Завершить эфир',
  'bc.viewers': 'Зрители сейчас',
  'bc.recordingReady': 'Запись готова и доступна в библиотеке.',
  'bc.ingest': 'Куда отправлять поток',
  'bc.ingestHint': 'В OBS: Настройки → Трансляция → Сервис «Настраиваемый», сервер — адрес ниже (SRT). Ключ уже входит в адрес.',
  'bc.url': 'Адрес SRT',
  'bc.key': 'Ключ потока',
  'bc.show': 'Показать ключ',
  'bc.hide': 'Скрыть ключ',
  'bc.copyUrl': 'Копировать адрес',
  'bc.copyKey': 'Копировать ключ',
  'bc.copied': 'Скопировано',
  'bc.copyFailed': 'Не удалось скопировать: выделите текст и скопируйте вручную',
  'bc.regenerate': 'Новый ключ',
  'bc.regenerateConfirm': 'Выдать сцене новый ключ? Старый перестанет работать у всех, кто транслирует на эту сцену.',
  'bc.regenerated': 'Ключ заменён. Обновите его в программе трансляции.',
  'bc.received': 'Что получает сервер',
  'bc.nothing': 'Сигнала пока нет.',
  'bc.bitrate': 'Битрейт',
  'bc.resolution': 'Разрешение',
  'bc.fps': 'Кадров в секунду',
  'bc.dropped': 'Потерянные кадры',
  'bc.duplicated': 'Повторённые кадры',
  'bc.audio': 'Звук',
  'bc.duration': 'Время в эфире',
  'bc.segments': 'Сегменты записи',
  'bc.restarts': 'Перезапуски приёма',
  'bc.kbit': 'кбит/с',
  'bc.mbit': 'Мбит/с',
  'bc.log': 'Журнал ffmpeg',
  'bc.moderators': 'Модераторы события',
  'bc.moderatorsNone': 'Никто не назначен: событие ведут организаторы и модераторы, не назначенные на другие события.',
  'bc.moderatorsHint': 'Назначенные ведут вопросы и трансляцию этого события; другим модераторам оно недоступно, а назначенным — недоступны чужие события.',
  'bc.save': 'Сохранить',
  'bc.saved': 'Модераторы сохранены',
  'bc.moderate': 'Модерация вопросов',
  'bc.eventPage': 'Страница события',
  'bc.error': 'Ошибка: {error}',
  'bc.role.moderator': 'модератор',
  'bc.role.exhibitor': 'экспонент',
  'bc.role.organiser': 'организатор',
};

export type BroadcastKey = keyof typeof broadcastRu;

export const broadcastEn: Record<BroadcastKey, string> = {
  'bc.title': 'Broadcast',
  'bc.event': 'Event: {event}',
  'bc.stage': 'Stage: {stage}',
  'bc.login': 'Log in to the organiser\'s or moderator\'s cabinet, then open this page again.',
  'bc.loginLink': 'Log in',
  'bc.forbidden': 'This broadcast is not yours: organisers and the event\'s assigned moderators run it.',
  'bc.notFound': 'There is no such event in the programme.',
  'bc.notStage': 'This event is not broadcast from a stage of ours; there is no stream to receive here.',
  'bc.loadError': 'The broadcast did not load: {error}',
  'bc.state.off': 'Off air',
  'bc.state.waiting': 'Waiting for the signal',
  'bc.state.receiving': 'Receiving',
  'bc.state.restarting': 'Restarting the ingest',
  'bc.state.stopped': 'Stopped',
  'bc.busy': 'The stage is busy with event {event}: end that first.',
  'bc.goLive': 'Go live',
  'bc.end': 'End the broadcast',
  'bc.viewers': 'Watching now',
  'bc.recordingReady': 'The recording is ready in the library.',
  'bc.ingest': 'Where to send the stream',
  'bc.ingestHint': 'In OBS: Settings → Stream → Service "Custom", server: the address below (SRT). The key is part of the address.',
  'bc.url': 'SRT address',
  'bc.key': 'Stream key',
  'bc.show': 'Show key',
  'bc.hide': 'Hide key',
  'bc.copyUrl': 'Copy address',
  'bc.copyKey': 'Copy key',
  'bc.copied': 'Copied',
  'bc.copyFailed': 'Could not copy: select the text and copy it by hand',
  'bc.regenerate': 'New key',
  'bc.regenerateConfirm': 'Give the stage a new key? The old one stops working for everyone who broadcasts to this stage.',
  'bc.regenerated': 'The key was replaced. Update it in your broadcasting software.',
  'bc.received': 'What the server receives',
  'bc.nothing': 'No signal yet.',
  'bc.bitrate': 'Bitrate',
  'bc.resolution': 'Resolution',
  'bc.fps': 'Frames per second',
  'bc.dropped': 'Dropped frames',
  'bc.duplicated': 'Duplicated frames',
  'bc.audio': 'Audio',
  'bc.duration': 'Time on air',
  'bc.segments': 'Recording segments',
  'bc.restarts': 'Ingest restarts',
  'bc.kbit': 'kbit/s',
  'bc.mbit': 'Mbit/s',
  'bc.log': 'ffmpeg log',
  'bc.moderators': 'The event\'s moderators',
  'bc.moderatorsNone': 'Nobody assigned: organisers and moderators not assigned to other events run it.',
  'bc.moderatorsHint': 'The assigned run this event\'s questions and broadcast; other moderators cannot open it, and the assigned keep to their own events.',
  'bc.save': 'Save',
  'bc.saved': 'Moderators saved',
  'bc.moderate': 'Moderate questions',
  'bc.eventPage': 'Event page',
  'bc.error': 'Error: {error}',
  'bc.role.moderator': 'moderator',
  'bc.role.exhibitor': 'exhibitor',
  'bc.role.organiser': 'organiser',
};

const DICTS: Record<Lang, Record<BroadcastKey, string>> = { ru: broadcastRu, en: broadcastEn };
const FORM_INDEX: Record<Lang, Partial<Record<Intl.LDMLPluralRule, number>>> = { ru: { one: 0, few: 1, many: 2, other: 1 }, en: { one: 0, other: 1 } };

export type BroadcastT = (key: BroadcastKey, params?: Record<string, string | number>) => string;

export function broadcastTranslator(lang: Lang): BroadcastT {
  const rules = new Intl.PluralRules(lang);
  return (key, params) => {
    let text = DICTS[lang][key];
    if (text.includes('|')) {
      const forms = text.split('|');
      const count = typeof params?.count === 'number' ? params.count : 0;
      text = forms[FORM_INDEX[lang][rules.select(count)] ?? forms.length - 1] ?? forms[0]!;
    }
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

export function useBroadcastT(): BroadcastT {
  return broadcastTranslator(useStore((s) => s.lang));
}
