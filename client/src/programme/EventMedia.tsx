// The event page's media: before and during the event, the places for the live player and
// the moderated Q&A (filled by whoever registers them in slots.ts); after it, the recording
// once it is published. Only an uploaded file plays here; other recording kinds wait for the
// player, and the page says so.
import { type ReactNode, useEffect } from 'react';
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
        <SlotSection name="player" heading={t('programme.event.live')} fallback={t('programme.event.liveSlot')} event={event} state={state}>
          <p>{state === 'live' ? t('programme.event.liveNow') : t('programme.event.liveUpcoming', { when: dateTimeOf(start, lang, zone) })}</p>
        </SlotSection>
        <SlotSection name="qa" heading={t('programme.event.qa')} fallback={t('programme.event.qaSlot')} event={event} state={state} />
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

/** A titled section around one plug-in slot (player, Q&A), with a marked place while nothing fills it. */
function SlotSection(props: {
  name: 'player' | 'qa';
  heading: string;
  fallback: string;
  event: EventView;
  state: EventState;
  children?: ReactNode;
}) {
  const id = props.name === 'player' ? 'prog-live' : 'prog-qa';
  return (
    <section className="prog-media" aria-labelledby={id}>
      <h2 id={id}>{props.heading}</h2>
      {props.children}
      <div className="prog-slot-host" data-slot-host={props.name}>
        <Slot
          name={props.name}
          event={props.event}
          state={props.state}
          fallback={
            <div className="prog-slot" data-slot={props.name}>
              {props.fallback}
            </div>
          }
        />
      </div>
    </section>
  );
}
