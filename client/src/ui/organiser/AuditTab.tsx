// The audit log: who changed what (accounts, invitations, stands, announcements), newest first.
import { useOrgT } from '../../i18n/organiser.ts';
import { fetchAudit } from '../../net/organiserApi.ts';
import { useStore } from '../../store/index.ts';
import { dateTimeText } from '../cabinet/format.ts';
import { useLoad } from './useLoad.ts';

export function AuditTab() {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const { data, error } = useLoad(fetchAudit);
  if (!data) return <p role={error ? 'alert' : 'status'}>{error ? t('error', { message: error }) : t('loading')}</p>;
  return (
    <section className="org-section" aria-labelledby="org-audit">
      <h2 id="org-audit">{t('tabAudit')}</h2>
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('who')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('target')}</th>
              <th scope="col">{t('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.id}>
                <td>{dateTimeText(lang, e.at)}</td>
                <td>{e.actorEmail}</td>
                <td>{e.action}</td>
                <td>{e.target}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
