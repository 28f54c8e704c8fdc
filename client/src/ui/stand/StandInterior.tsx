// The stand page's body, driven by props only: the exhibitor card and the interior. The hall's
// stand dialog renders it with live data; the cabinet renders it with a draft in `preview`
// mode (forms shown but disabled, nothing counted). Sections without content are left out.
// Store reads are limited to the language and the visitor's saved business card.
import type { CSSProperties, ReactNode } from 'react';
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import type { StandContent } from '../../../../shared/standContent.ts';
import type { Lang } from '../../../../shared/text.ts';
import { trackStandEvent } from '../../net/standApi.ts';
import { BusinessCardForm } from './BusinessCardForm.tsx';
import { CallbackForm } from './CallbackForm.tsx';
import { ContentLangProvider } from './contentLang.tsx';
import { GallerySection } from './GallerySection.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { StandAbout, StandContacts } from './StandAbout.tsx';
import { StandProgramme } from './StandProgramme.tsx';
import { VideoSection } from './VideoSection.tsx';
import { WebinarsSection } from './WebinarsSection.tsx';
import './stand.css';

export interface StandInteriorProps {
  exhibitor: Exhibitor;
  content: StandContent;
  /** The cabinet's live preview: forms are disabled and nothing is counted or sent. */
  preview?: boolean;
  /** The stand the visitor is at (an exhibitor may have several); goes with leads and counts. */
  standId?: string;
  /** Shown above the sections: loading or error notes about the interior. */
  notice?: ReactNode;
  /** Appended to the side column (the stand's chat). */
  aside?: ReactNode;
  /** The language of the exhibitor's texts when not the page's (the cabinet previewing English). */
  contentLang?: Lang;
}

export function StandInterior({ exhibitor, content, preview = false, standId, notice, aside, contentLang }: StandInteriorProps) {
  const track = preview ? undefined : (kind: 'video' | 'download', item?: string) => trackStandEvent(exhibitor.id, kind, { standId, item });
  const { video, gallery, materials, webinars } = content;
  return (
    <ContentLangProvider lang={contentLang}>
      <div className="stand-interior" style={{ '--brand': exhibitor.colour } as CSSProperties}>
        {notice}
        <div className="stand-interior__grid">
          <div className="stand-interior__main">
            {video && <VideoSection video={video} onFirstPlay={track && (() => track('video', videoItem(video.src)))} />}
            <StandAbout exhibitor={exhibitor} />
            {gallery.length > 0 && <GallerySection items={gallery} />}
            {webinars.length > 0 && <WebinarsSection exhibitorId={exhibitor.id} webinars={webinars} />}
            {/* Stage two: the programme's events on this stand's topics (not in the cabinet's preview). */}
            {!preview && <StandProgramme exhibitorId={exhibitor.id} />}
          </div>
          <div className="stand-interior__side">
            <StandContacts exhibitor={exhibitor} />
            {materials.length > 0 && (
              <MaterialsSection
                materials={materials}
                onDownload={track && ((m) => track('download', m.id))}
                after={<BusinessCardForm exhibitorId={exhibitor.id} exhibitorName={exhibitor.name} standId={standId} preview={preview} />}
              />
            )}
            <CallbackForm exhibitorId={exhibitor.id} exhibitorName={exhibitor.name} standId={standId} preview={preview} />
            {aside}
          </div>
        </div>
      </div>
    </ContentLangProvider>
  );
}

/** The analytics item of a video: its file name, cut to the event's 64 characters. */
function videoItem(src: string): string {
  return (src.split('/').pop() ?? src).slice(0, 64);
}
