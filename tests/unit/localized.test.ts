// Which language an exhibitor's text is shown in (shared/localized.ts), and that the cabinet's
// draft carries the English through to what it saves and back.
import { describe, expect, it } from 'vitest';
import { Exhibitor } from '../../shared/exhibitor.ts';
import { compactEnglish, langAttr, localizedField, localizedText, nameLang } from '../../shared/localized.ts';
import { StandContent } from '../../shared/standContent.ts';
import { contentCandidate, exhibitorCandidate, toForm, validateForm } from '../../client/src/ui/cabinet/editor/editorModel.ts';

describe('localizedText', () => {
  it('gives Russian to a Russian page, even when there is English', () => {
    expect(localizedText('Привет', 'Hello', 'ru')).toEqual({ text: 'Привет', lang: 'ru' });
  });
  it('gives the English to an English page when there is one', () => {
    expect(localizedText('Привет', 'Hello', 'en')).toEqual({ text: 'Hello', lang: 'en' });
  });
  it('falls back to Russian, marked as Russian, when the English is missing or blank', () => {
    expect(localizedText('Привет', undefined, 'en')).toEqual({ text: 'Привет', lang: 'ru' });
    expect(localizedText('Привет', '  \n', 'en')).toEqual({ text: 'Привет', lang: 'ru' });
  });
  it('puts a lang attribute only on text that is not in the page language', () => {
    expect(langAttr({ text: 'Привет', lang: 'ru' }, 'en')).toBe('ru');
    expect(langAttr({ text: 'Hello', lang: 'en' }, 'en')).toBeUndefined();
    expect(langAttr({ text: 'Привет', lang: 'ru' }, 'ru')).toBeUndefined();
    // The cabinet previews English on a Russian page.
    expect(langAttr({ text: 'Hello', lang: 'en' }, 'ru')).toBe('en');
  });
});

describe('localizedField', () => {
  const item = { title: 'Каталог', description: '', en: { title: 'Catalogue' } };
  it('reads the field and its English from item.en', () => {
    expect(localizedField(item, 'title', 'en')).toEqual({ text: 'Catalogue', lang: 'en' });
    expect(localizedField(item, 'title', 'ru')).toEqual({ text: 'Каталог', lang: 'ru' });
  });
  it('falls back field by field', () => {
    expect(localizedField(item, 'description', 'en')).toEqual({ text: '', lang: 'ru' });
    expect(localizedField({ title: 'Каталог' }, 'title', 'en')).toEqual({ text: 'Каталог', lang: 'ru' });
  });
});

describe('nameLang', () => {
  it('marks a Cyrillic name as Russian on an English page only', () => {
    expect(nameLang('Сеть детских садов «Кораблик»', 'en')).toBe('ru');
    expect(nameLang('Сеть детских садов «Кораблик»', 'ru')).toBeUndefined();
    expect(nameLang('Uchi.ru', 'en')).toBeUndefined();
  });
});

describe('compactEnglish', () => {
  it('drops blank fields and an object left empty', () => {
    expect(compactEnglish({ title: 'One', description: ' ' })).toEqual({ title: 'One' });
    expect(compactEnglish({ title: '', description: '' })).toBeUndefined();
    expect(compactEnglish(undefined)).toBeUndefined();
  });
});

describe('the cabinet draft and English', () => {
  const card = Exhibitor.parse({
    id: 'alpha',
    name: 'Альфа',
    category: 'school',
    colour: '#2f6fd6',
    logo: 'logos/alpha.svg',
    short: 'Коротко',
    description: 'Подробно',
    contacts: { address: 'ул. Ленина, 1' },
    en: { short: 'In short', address: '1 Lenin St' },
  });
  const content = StandContent.parse({
    gallery: [{ id: 'g1', title: 'Один', description: 'Описание', en: { title: 'One', description: 'About' }, image: 'assets/gallery/one.jpg' }],
    materials: [{ id: 'm1', title: 'Каталог', file: 'assets/materials/a.pdf', type: 'application/pdf', size: 10 }],
    webinars: [],
  });

  it('saves what it loaded, English included, and leaves out English never written', () => {
    const form = toForm(card, content);
    const v = validateForm(form, card);
    expect(v.errors).toEqual({});
    expect(v.exhibitor).toEqual(card);
    expect(v.content).toEqual(content);
    expect((contentCandidate(form).materials as { en?: unknown }[])[0]!.en).toBeUndefined();
  });

  it('English typed in the form is trimmed into item.en; English cleared again disappears', () => {
    const form = toForm(card, content);
    form.materials[0]!.titleEn = '  Catalogue ';
    form.profile.en.short = '';
    form.profile.en.address = '';
    expect((contentCandidate(form).materials as { en?: unknown }[])[0]!.en).toEqual({ title: 'Catalogue' });
    expect(exhibitorCandidate(form, card).en).toBeUndefined();
  });

  it('an English text over its limit is an error on its own field key', () => {
    const form = toForm(card, content);
    form.gallery[0]!.titleEn = 'x'.repeat(121);
    expect(Object.keys(validateForm(form, card).errors)).toEqual(['gallery.0.en.title']);
  });
});
