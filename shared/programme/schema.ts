// The business-programme file format organisers edit under programme/: the fair
// (programme.json), its clusters (clusters.json), speakers (speakers.json) and events
// (events/*.json, any number of files, e.g. one per stage and day). The zod schemas are the
// single source of truth: types come from them, the JSON Schema for editors is generated from
// them (`npm run programme:schema`), and the server and `npm run programme:check` parse every
// file with them. Rules that need more than one record (references, overlaps) live in
// ./validate.ts.
import { z } from 'zod';

export const PROGRAMME_VERSION = 1;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase latin letters, digits and "-", e.g. "digital-school"')
  .max(80, 'an id is at most 80 characters');

/** Russian is the fair's language and always present; English is added where it exists. */
export const Text = z
  .strictObject({
    ru: z.string().trim().min(1, 'the Russian text is required'),
    en: z.string().trim().min(1, 'leave "en" out rather than empty').optional(),
  })
  .meta({ description: 'Text in Russian ("ru", required) and English ("en", optional), e.g. { "ru": "Инклюзия", "en": "Inclusion" }.' });
export type Text = z.infer<typeof Text>;

/** "2026-04-14T10:00:00+03:00": an instant with the offset the organiser means, never a bare local time. */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/,
    'a start is a date and time with its offset, e.g. "2026-04-14T10:00:00+03:00"',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date and time');

/** Where a file lives: a path under assets/ ("programme/speakers/x.svg") or an https address. */
const AssetOrUrl = z
  .string()
  .regex(/^(https:\/\/\S+|[a-z0-9][a-z0-9._/-]*)$/i, 'a path under assets/ (e.g. "video/talk.mp4") or an https:// address')
  .refine((s) => !s.split('/').includes('..'), 'a path may not climb out of assets/ with ".."');

const HttpsUrl = z.string().regex(/^https:\/\/\S+$/, 'an https:// address');

export const MEDIA_KINDS = ['stage', 'hls', 'embed', 'file'] as const;
/**
 * What plays an event: our own streaming stage, an external HLS stream, an embeddable player
 * page, or an uploaded video file. The stream-hall issue builds the players; the kinds are
 * fixed here so programme files need not change then.
 */
export const MediaSource = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('stage'),
      stage: Id.meta({ description: 'Id of a self-hosted streaming stage, e.g. "hall-a".' }),
    }),
    z.strictObject({ kind: z.literal('hls'), url: HttpsUrl.meta({ description: 'An .m3u8 playlist address.' }) }),
    z.strictObject({ kind: z.literal('embed'), url: HttpsUrl.meta({ description: 'An embeddable player page address.' }) }),
    z.strictObject({
      kind: z.literal('file'),
      url: AssetOrUrl.meta({ description: 'An uploaded video (MP4, WebM): a path under assets/ or an https address.' }),
    }),
  ])
  .meta({ description: 'What plays: { "kind": "stage" | "hls" | "embed" | "file", ... }.' });
export type MediaSource = z.infer<typeof MediaSource>;

export const Recording = z
  .strictObject({
    media: MediaSource.meta({ description: 'Where the recording plays.' }),
    delayMinutes: z.number().int().min(0).max(7 * 24 * 60).default(0).meta({
      description: 'Minutes after the event ends until the recording is published (default 0: at once).',
    }),
  })
  .meta({ description: 'The recording of the event, published `delayMinutes` after it ends.' });
export type Recording = z.infer<typeof Recording>;

export const FORMATS = [
  'lecture',
  'panel',
  'discussion',
  'workshop',
  'masterclass',
  'keynote',
  'interview',
  'roundtable',
  'presentation',
  'other',
] as const;
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

export const STAGES = ['main', 'continuation'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Longest event without `"long": true`, in minutes (the fair's rule). */
export const MAX_MINUTES = 60;
/** Longest event even when marked long. */
export const MAX_LONG_MINUTES = 8 * 60;

export const ProgrammeEvent = z
  .strictObject({
    id: Id.meta({ description: 'Unique across the programme; the event’s address, e.g. "main-d1-digital-school-1".' }),
    title: Text,
    description: Text.optional(),
    start: IsoInstant.meta({ description: 'Start with its offset, e.g. "2026-04-14T10:00:00+03:00".' }),
    duration: z.number().int().positive('a duration is a positive number of minutes').meta({
      description: `Minutes, at most ${MAX_MINUTES} unless "long": true.`,
    }),
    long: z.boolean().optional().meta({ description: `Allows a duration over ${MAX_MINUTES} minutes (plenary sessions).` }),
    format: Format.meta({ description: `One of: ${FORMATS.join(', ')}.` }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code such as "ru" or "en"')
      .meta({ description: 'Language spoken, e.g. "ru" or "en".' }),
    cluster: Id.meta({ description: 'Id of a cluster in clusters.json.' }),
    stage: Stage.meta({ description: '"main" (the fair days) or "continuation" (the days after).' }),
    tags: z.array(z.string().trim().min(1).max(60)).default([]).meta({ description: 'Topics, e.g. ["искусственный интеллект"].' }),
    moderator: Id.optional().meta({ description: 'Id of a speaker in speakers.json.' }),
    speakers: z.array(Id).default([]).meta({ description: 'Ids of speakers in speakers.json, in the order shown.' }),
    source: MediaSource.optional().meta({ description: 'What plays the event live.' }),
    recording: Recording.optional(),
  })
  .meta({ title: 'Event', description: 'One event of the business programme.' });
export type ProgrammeEvent = z.infer<typeof ProgrammeEvent>;

export const EventFile = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor support: "../schema/events.schema.json".' }),
    events: z.array(ProgrammeEvent),
  })
  .meta({ title: 'Events of the business programme', description: 'Any number of events; files may split them by stage and day.' });
export type EventFile = z.infer<typeof EventFile>;

export const Cluster = z
  .strictObject({
    id: Id.meta({ description: 'Unique; events name it in "cluster", e.g. "inclusion".' }),
    title: Text,
    description: Text.optional(),
    colour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is "#rrggbb"')
      .optional()
      .meta({ description: 'Accent colour in the schedule, "#rrggbb".' }),
    special: z.boolean().optional().meta({ description: 'A special project rather than a thematic cluster.' }),
  })
  .meta({ title: 'Cluster', description: 'A thematic cluster (or special project): a room of the programme.' });
export type Cluster = z.infer<typeof Cluster>;

export const ClusterFile = z
  .strictObject({
    $schema: z.string().optional(),
    clusters: z.array(Cluster).min(1, 'a programme needs at least one cluster'),
  })
  .meta({ title: 'Clusters of the business programme' });
export type ClusterFile = z.infer<typeof ClusterFile>;

export const Speaker = z
  .strictObject({
    id: Id.meta({ description: 'Unique; events name it in "moderator" and "speakers", e.g. "ivanova-anna".' }),
    name: Text.meta({ description: 'Full name, e.g. { "ru": "Анна Иванова", "en": "Anna Ivanova" }.' }),
    photo: AssetOrUrl.optional().meta({ description: 'Portrait: a path under assets/ or an https address.' }),
    affiliation: Text.optional().meta({ description: 'Position and organisation.' }),
    bio: Text.optional(),
  })
  .meta({ title: 'Speaker', description: 'A speaker or moderator.' });
export type Speaker = z.infer<typeof Speaker>;

export const SpeakerFile = z
  .strictObject({
    $schema: z.string().optional(),
    speakers: z.array(Speaker),
  })
  .meta({ title: 'Speakers of the business programme' });
export type SpeakerFile = z.infer<typeof SpeakerFile>;

export const ProgrammeMeta = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(PROGRAMME_VERSION).meta({ description: `Version of the file format (currently ${PROGRAMME_VERSION}).` }),
    title: Text,
    timeZone: z
      .string()
      .regex(/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/, 'an IANA time zone such as "Europe/Moscow" or "UTC"')
      .meta({ description: 'The fair’s time zone (IANA), e.g. "Europe/Moscow"; visitors may view the schedule in their own.' }),
    acronym: z
      .string()
      .regex(/^[a-z0-9_]{4,}$/, 'lowercase latin letters, digits and "_", at least 4')
      .optional()
      .meta({ description: 'Short name used in exports, e.g. "expo_2026".' }),
    url: HttpsUrl.optional().meta({ description: 'Public address of the fair, used for absolute links in exports.' }),
    sampleAsOf: IsoInstant.optional().meta({
      description:
        'Only in a sample programme: the instant it is written around. Unless a FAIR_CLOCK setting is given, the server moves every event by whole half-hours so that this instant is "now" when it starts, so a demo on any day has ended, live and upcoming events. Leave it out in a real programme.',
    }),
  })
  .meta({ title: 'The business programme', description: 'The fair’s programme: title and time zone.' });
export type ProgrammeMeta = z.infer<typeof ProgrammeMeta>;

/** A whole validated programme, as the server serves it. */
export interface Programme {
  meta: ProgrammeMeta;
  clusters: Cluster[];
  speakers: Speaker[];
  /** Sorted by start, then id. */
  events: ProgrammeEvent[];
}
