// A speaker or moderator in brief: portrait, name (the link to their page), role, affiliation.
import type { SpeakerSummary } from '../../../shared/programme/views.ts';
import { useStore } from '../store/index.ts';
import { Link } from './Link.tsx';
import { assetUrl } from './media.ts';
import { txt } from './model.ts';
import { speakerPath } from './paths.ts';

export function Portrait({ photo, size }: { photo: string | undefined; size: number }) {
  // The name is always next to it: the portrait adds nothing for a screen reader.
  return photo ? (
    <img className="prog-portrait" src={assetUrl(photo)} alt="" width={size} height={size} loading="lazy" decoding="async" />
  ) : (
    <span className="prog-portrait prog-portrait--none" aria-hidden="true" />
  );
}

export function Person({ person, role }: { person: SpeakerSummary; role?: string }) {
  const lang = useStore((s) => s.lang);
  return (
    <li className="prog-person">
      <Portrait photo={person.photo} size={64} />
      <div>
        <p className="prog-person__name">
          <Link href={speakerPath(person.id)}>{txt(person.name, lang)}</Link>
          {role && <span className="prog-person__role">{role}</span>}
        </p>
        {person.affiliation && <p className="prog-person__aff">{txt(person.affiliation, lang)}</p>}
      </div>
    </li>
  );
}
