// The event page's media: before and during the event, the places for the live player and
// the moderated Q&A (filled by whoever registers them in slots.ts); after it, the recording
// once it is published. Only an uploaded file plays here; other recording kinds wait for the
// player, and the page says so.
import { useEffect } from 'react';
import type { EventState } from '../../../shared/programme/state.ts';
import type { EventView } from '../../../shared/programme/views.ts';
import { useStore, useT } from '../store/index.ts';
import { assetUrl, isSampleStandIn } from './media.ts';
import { Slot } from './slots.ts';
import { dateTimeOf, visitorZone } from './zones.ts';

interface Props {
  event: EventView;
  state: EventState;
  start: number;
  readyAt: number | null;
}

export function EventMedia({ event, state, start, readyAt }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const zone = visitorZone();
  // From the library (…#recording): the player is what the visitor came for.
  useEffect(() => {
    if (location.hash === '#recording') document.getElementById('recording')?.scrollIntoView({ block: 'center' });
  }, [state]);

  if (state === 'upcoming' || state === 'live') {
    return (
      <>
        <section className="prog-media" aria-labelledby="prog-live">
          <h2 id="prog-live">{t('programme.event.live')}</h2>
          <p>{state === 'live' ? t('programme.event.liveNow') : t('programme.event.liveUpcoming', { when: dateTimeOf(start, lang, zone) })}</p>
          <div className="prog-slot-host" data-slot-host="player">
            <Slot
              name="player"
              event={event}
              state={state}
              fallback={
                <div className="prog-slot" data-slot="player">
                  {t('programme.event.liveSlot')}
                </div>
              }
            />
          </div>
        </section>
        <section className="prog-media" aria-labelledby="prog-qa">
          <h2 id="prog-qa">{t('programme.event.qa')}</h2>
          <div className="prog-slot-host" data-slot-host="qa">
            <Slot
              name="qa"
              event={event}
              state={state}
              fallback={
                <div className="prog-slot" data-slot="qa">
                  {t('programme.event.qaSlot')}
                </div>
              }
            />
          </div>
        </section>
      </>
    );
  }

  const media = event.recording?.media;
  let body;
  if (!media) body = <p>{t('programme.event.noRecording')}</p>;
  else if (state === 'ended') body = <p>{t('programme.event.recordingAt', { when: readyAt ? dateTimeOf(readyAt, lang, zone) : '' })}</p>;
  else if (media.kind === 'file') {
    body = (
      <>
        <video id="recording" className="prog-video" controls preload="metadata" src={assetUrl(media.url)}>
          {t('programme.event.videoFallback')}
        </video>
        {isSampleStandIn(media) && <p className="prog-note">{t('programme.event.sampleNote')}</p>}
      </>
    );
  } else {
    body = (
      <div className="prog-slot-host" data-slot-host="player">
        <Slot
          name="player"
          event={event}
          state={state}
          fallback={
            <div className="prog-slot" data-slot="player">
              {t('programme.event.recordingElsewhere')}
            </div>
          }
        />
      </div>
    );
  }
  return (
    <section className="prog-media" aria-labelledby="prog-recording">
      <h2 id="prog-recording">{t('programme.event.recording')}</h2>
      {body}
    </section>
  );
}
