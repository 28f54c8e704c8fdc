// UI strings of the not-found view (a bad floor or stand link) in both languages; ru.ts and
// en.ts spread them in.
export const notFoundRu = {
  'notFound.floorTitle': 'Такого этажа нет',
  'notFound.standTitle': 'Такого стенда нет',
  'notFound.floorText': 'Этажа «{id}» на выставке нет: ссылка неверна или устарела. Мы открыли этаж «{floor}».',
  'notFound.standText': 'Стенда «{id}» нет ни на одном этаже: ссылка неверна или экспонент ушёл с выставки. Мы открыли этаж «{floor}».',
  'notFound.searchHint': 'Найдите компанию по названию или тематике:',
  'notFound.close': 'Смотреть этаж «{floor}»',
};

export const notFoundEn: Record<keyof typeof notFoundRu, string> = {
  'notFound.floorTitle': 'No such floor',
  'notFound.standTitle': 'No such stand',
  'notFound.floorText': 'There is no floor "{id}" at the exhibition: the link is wrong or out of date. We opened the floor "{floor}".',
  'notFound.standText': 'Stand "{id}" is on no floor: the link is wrong or the exhibitor has left. We opened the floor "{floor}".',
  'notFound.searchHint': 'Find a company by name or topic:',
  'notFound.close': 'View the floor "{floor}"',
};
