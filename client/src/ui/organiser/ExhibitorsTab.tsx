// Exhibitors with their stands and how complete each stand is ("42 of 300 stands have no
// video"), a search, a CSV export, creating an exhibitor and moving a stand to another one.
import { type FormEvent, useMemo, useState } from 'react';
import { API } from '../../../../shared/api.ts';
import { StandParts } from '../../../../shared/organiser.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { createExhibitor, fetchExhibitors, moveStand } from '../../net/organiserApi.ts';
import { messageOf, useLoad } from './useLoad.ts';

export function ExhibitorsTab() {
  const t = useOrgT();
  const { data, error, reload } = useLoad(fetchExhibitors);
  const [q, setQ] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (data?.rows ?? []).filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.id.includes(needle) || r.stands.some((s) => s.stand.includes(needle)));
  }, [data, q]);
  if (!data) return <p role={error ? 'alert' : 'status'}>{error ? t('error', { message: error }) : t('loading')}</p>;

  const create = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    createExhibitor({ id: String(f.get('id')), name: String(f.get('name')), category: String(f.get('category')), short: String(f.get('short')) }).then(
      () => {
        form.reset();
        setNote(null);
        reload();
      },
      (err: unknown) => setNote(messageOf(err)),
    );
  };
  const move = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const [floor = '', stand = ''] = String(f.get('stand')).split('/');
    const to = String(f.get('to'));
    moveStand(floor, stand, to).then(
      (r) => {
        setNote(t('moved', { stand: `${floor}/${stand}`, from: r.previous, to }));
        reload();
      },
      (err: unknown) => setNote(messageOf(err)),
    );
  };

  return (
    <section className="org-section" aria-labelledby="org-exhibitors">
      <h2 id="org-exhibitors">{t('tabExhibitors')}</h2>
      <ul className="org-missing">
        {StandParts.map((p) => (
          <li key={p}>{t('missing', { n: data.missing[p] ?? 0, total: data.stands, part: t(`part_${p}`) })}</li>
        ))}
      </ul>
      <div className="org-toolbar">
        <label>
          {t('search')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <a className="org-button" href={API.organiserExhibitorsCsv} download>
          {t('csv')}
        </a>
      </div>
      {note && (
        <p role="status" className="org-note">
          {note}
        </p>
      )}
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('exhibitor')}</th>
              <th scope="col">{t('stands')}</th>
              <th scope="col">{t('staff')}</th>
              <th scope="col">{t('complete')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <div className="org-muted">{r.id}</div>
                </th>
                <td>{r.stands.map((s) => `${s.floor}/${s.stand}`).join(', ') || '—'}</td>
                <td>{r.staff}</td>
                <td>
                  <ul className="org-parts">
                    {StandParts.map((p) => (
                      <li key={p} className={r.parts[p] ? 'is-yes' : 'is-no'}>
                        <span aria-hidden="true">{r.parts[p] ? '✓' : '✗'}</span> {t(`part_${p}`)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="org-grid">
        <form className="org-card org-form" onSubmit={create}>
          <h3>{t('newExhibitor')}</h3>
          <label>
            {t('id')} <input name="id" required pattern="[a-z0-9][a-z0-9-]*" />
          </label>
          <label>
            {t('name')} <input name="name" required />
          </label>
          <label>
            {t('category')} <input name="category" required defaultValue="school" />
          </label>
          <label>
            {t('short')} <input name="short" required />
          </label>
          <button type="submit" className="org-button org-button--primary">
            {t('create')}
          </button>
        </form>
        <form className="org-card org-form" onSubmit={move}>
          <h3>{t('moveStand')}</h3>
          <label>
            {t('standRef')} <input name="stand" required placeholder="school/sc-a01" pattern="[a-z0-9-]+/[a-z0-9-]+" />
          </label>
          <label>
            {t('toExhibitor')}{' '}
            <select name="to" required>
              {data.rows.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="org-button org-button--primary">
            {t('move')}
          </button>
        </form>
      </div>
    </section>
  );
}
