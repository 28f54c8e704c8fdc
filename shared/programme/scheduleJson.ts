// The schedule interchange format of pretalx, frab and the C3VOC tools ("schedule JSON",
// `schedule.conference.days[].rooms{}[]`; its JSON Schema is public in the voc/schedule
// repository, validator/json/schema.json, a copy is in tests/fixtures/schedule/). These zod
// schemas read what real exports contain (leniently: unknown fields are kept and ignored)
// and what our own export adds under `conference.meta["virtual-expo"]` so that an export
// imports back to the same programme. Conversion lives in ./scheduleImport.ts and
// ./scheduleExport.ts.
import { z } from 'zod';
import { Cluster, Format, MediaSource, Recording, Speaker, Stage, Text } from './schema.ts';

const Str = z.string();
const MaybeStr = z.string().nullish();

export const SchedulePerson = z
  .looseObject({
    id: z.union([z.number(), z.string()]).optional(),
    guid: MaybeStr,
    code: MaybeStr,
    name: MaybeStr,
    public_name: MaybeStr,
    biography: MaybeStr,
    avatar: MaybeStr,
  })
  .refine((p) => !!(p.name?.trim() || p.public_name?.trim()), 'a person needs a "name" or "public_name"');
export type SchedulePerson = z.infer<typeof SchedulePerson>;

export const ScheduleEvent = z.looseObject({
  id: z.union([z.number(), z.string()]).optional(),
  guid: MaybeStr,
  date: MaybeStr,
  start: Str,
  duration: Str,
  room: MaybeStr,
  slug: MaybeStr,
  url: MaybeStr,
  title: Str,
  subtitle: MaybeStr,
  track: MaybeStr,
  type: MaybeStr,
  language: MaybeStr,
  abstract: MaybeStr,
  description: MaybeStr,
  persons: z.array(SchedulePerson).default([]),
});
export type ScheduleEvent = z.infer<typeof ScheduleEvent>;

export const ScheduleDay = z.looseObject({
  index: z.number().optional(),
  date: Str,
  day_start: MaybeStr,
  day_end: MaybeStr,
  rooms: z.record(z.string(), z.array(ScheduleEvent)),
});

export const ScheduleRoom = z.looseObject({ name: Str, guid: MaybeStr, description: z.unknown().optional() });

/** What our export adds so that nothing of ours is lost on the way back. */
export const ExpoMeta = z.strictObject({
  version: z.literal(1),
  title: Text,
  acronym: z.string().optional(),
  url: z.string().optional(),
  /** Room name → the cluster it stands for. */
  rooms: z.record(z.string(), Cluster),
  /** Event guid → our fields the format has no place for. */
  events: z.record(
    z.string(),
    z.strictObject({
      id: z.string(),
      format: Format,
      stage: Stage,
      tags: z.array(z.string()),
      long: z.boolean().optional(),
      /** The first person is the moderator. */
      moderated: z.boolean(),
      title: Text,
      description: Text.optional(),
      source: MediaSource.optional(),
      recording: Recording.optional(),
    }),
  ),
  /** Every speaker in the organiser's order, with their guid in the export. */
  persons: z.array(z.strictObject({ guid: z.string(), speaker: Speaker })),
});
export type ExpoMeta = z.infer<typeof ExpoMeta>;
export const EXPO_META_KEY = 'virtual-expo';

export const ScheduleConference = z.looseObject({
  acronym: MaybeStr,
  title: Str,
  start: MaybeStr,
  end: MaybeStr,
  time_zone_name: MaybeStr,
  rooms: z.array(ScheduleRoom).optional(),
  days: z.array(ScheduleDay),
  meta: z.record(z.string(), z.unknown()).optional(),
});

export const ScheduleFile = z.looseObject({
  schedule: z.looseObject({
    version: MaybeStr,
    base_url: MaybeStr,
    conference: ScheduleConference,
  }),
});
export type ScheduleFile = z.infer<typeof ScheduleFile>;
