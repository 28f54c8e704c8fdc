// Files the exhibitor hands out: type and size up front so a visitor on a slow link knows what
// a click costs; each download is counted for the exhibitor. `after` holds the
// "materials by e-mail" block, which belongs with the list.
import type { ReactNode } from 'react';
import type { Material } from '../../../../shared/standContent.ts';
import { mediaUrl } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';
import { fileTypeLabel, formatSize } from './format.ts';

interface Props {
  materials: Material[];
  onDownload?(material: Material): void;
  after?: ReactNode;
}

/** A download name that keeps the title readable but safe for any file system. */
function downloadName(m: Material, title: string): string {
  const ext = /\.[a-z0-9]{1,5}$/i.exec(m.file)?.[0] ?? '';
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${base || m.id}${ext}`;
}

export function MaterialsSection({ materials, onDownload, after }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const texts = useContentTexts();
  return (
    <section className="stand-block stand-card" aria-labelledby="stand-materials-title">
      <h3 id="stand-materials-title">{t('stand.materials')}</h3>
      <ul className="materials">
        {materials.map((m) => {
          const type = fileTypeLabel(m.type, m.file);
          const size = formatSize(m.size, lang);
          const title = texts.field(m, 'title');
          return (
            <li key={m.id} className="material">
              <span className="material__badge" aria-hidden="true">
                {type}
              </span>
              <div className="material__body">
                <a className="material__link" href={mediaUrl(m.file)} download={downloadName(m, title.text)} onClick={() => onDownload?.(m)}>
                  <span lang={title.lang}>{title.text}</span>
                  <span className="sr-only">{`, ${t('stand.materialMeta', { type, size })}`}</span>
                </a>
                <span className="material__meta" aria-hidden="true">
                  {t('stand.materialMeta', { type, size })}
                </span>
              </div>
              <span className="material__icon" aria-hidden="true">
                ↓
              </span>
            </li>
          );
        })}
      </ul>
      {after}
    </section>
  );
}
