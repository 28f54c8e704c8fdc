// The floor file format organisers edit in levels/*.json. The zod schema is the single
// source of truth: types come from it, the JSON Schema for editors is generated from it
// (`npm run levels:schema`, so the `.meta()` sentences below are what editors show on hover),
// and both the server and `npm run levels:check` parse every file with it.
// Units: metres. Origin at the hall's top-left corner, x to the east, y to the south.
// Older versions of the format are upgraded by ./migrate.ts before this schema sees them.
import { z } from 'zod';
import { CategoryId } from '../categories.ts';
import { STAGES } from '../programme/schema.ts';
import { LocalText } from '../text.ts';

export const LEVEL_VERSION = 2;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase latin letters, digits and "-", e.g. "stand-12"');

const Metres = z.number().finite();
const Positive = z.number().finite().positive();

const X = Metres.meta({ description: 'Metres from the west wall (x grows to the east).' });
const Y = Metres.meta({ description: 'Metres from the north wall (y grows to the south).' });

export const Point = z
  .tuple([Metres, Metres])
  .meta({ description: 'A point [x, y] in metres from the hall’s top-left (north-west) corner.', examples: [[12, 30.5]] });
export type Point = z.infer<typeof Point>;

export const SIDES = ['north', 'south', 'east', 'west'] as const;
export const Side = z.enum(SIDES);
export type Side = z.infer<typeof Side>;

export const STAND_SIZES = ['S', 'M', 'L', 'XL'] as const;
export const StandSize = z.enum(STAND_SIZES);
export type StandSize = z.infer<typeof StandSize>;

export const Alley = z
  .strictObject({
    id: Id.meta({ description: 'Unique on this floor, e.g. "row-1".' }),
    /** Centre line of the alley, at least two points; alleys join where their centre lines meet. */
    points: z.array(Point).min(2, 'an alley needs at least two points').meta({
      description:
        'Centre line of the alley, [x, y] points in metres. Alleys join where their centre lines meet or cross.',
    }),
    /** Walkable width in metres. */
    width: Positive.default(4).meta({ description: 'Walkable width in metres (default 4). Stands may touch its edge, not intrude.' }),
    name: LocalText.optional().meta({ description: 'Shown on the floor, e.g. { "ru": "Аллея регионов", "en": "Regions alley" }.' }),
  })
  .meta({ title: 'Alley', description: 'A walkway. Visitors walk along alley centre lines.' });
export type Alley = z.infer<typeof Alley>;

export const BOOTH_TYPES = ['inline', 'corner', 'peninsula', 'island'] as const;
export const BoothType = z.enum(BOOTH_TYPES);
export type BoothType = z.infer<typeof BoothType>;

/** Optional look of the stand in the 3D view; without it the booth is derived from the layout. */
export const BoothLook = z
  .strictObject({
    type: BoothType.optional().meta({
      description:
        'Booth type in the 3D view: inline (one open side), corner (two), peninsula (three), island (four). Derived from the neighbouring stands when left out.',
    }),
    height: z.number().finite().min(1.5).max(8).optional().meta({ description: 'Wall height in metres (1.5–8); default by size: S/M 2.5, L 3, XL 3.5.' }),
  })
  .meta({ description: 'Overrides for the 3D view; leave out to derive the booth from the layout.' });
export type BoothLook = z.infer<typeof BoothLook>;

export const Stand = z
  .strictObject({
    id: Id.meta({ description: 'Unique across all floors: it is the stand’s address in links, e.g. "sch-a01".' }),
    /** Id of the exhibitor in the exhibitors' data: the layout says where, the content says whose. */
    exhibitor: Id.meta({ description: 'Id of the exhibitor (see the exhibitors’ data / CSV import), e.g. "uchi-plus".' }),
    x: X.meta({ description: 'West edge of the stand, metres from the west wall.' }),
    y: Y.meta({ description: 'North edge of the stand, metres from the north wall.' }),
    w: Positive.meta({ description: 'Width (west to east) in metres.' }),
    h: Positive.meta({ description: 'Depth (north to south) in metres.' }),
    /** The side the stand opens to; it should face an alley. */
    entrance: Side.meta({
      description: 'The side the stand opens to. That side should lie on the edge of an alley (within 1 m).',
    }),
    size: StandSize.meta({ description: 'Size class shown to visitors: S, M, L or XL.' }),
    booth: BoothLook.optional(),
  })
  .meta({ title: 'Stand', description: 'An exhibitor’s stand: a rectangle in metres with an entrance on one side.' });
export type Stand = z.infer<typeof Stand>;

export const PORTAL_KINDS = ['stairs', 'lift', 'escalator'] as const;
export const Portal = z
  .strictObject({
    id: Id.meta({ description: 'Unique on this floor, e.g. "stairs-west".' }),
    kind: z.enum(PORTAL_KINDS).meta({ description: 'How it looks on the floor.' }),
    x: X,
    y: Y,
    /** Where walking through it takes the visitor: a portal on another floor. */
    to: z
      .strictObject({
        floor: Id.meta({ description: 'Id of the other floor.' }),
        portal: Id.meta({ description: 'Id of the portal on that floor; it must lead back here.' }),
      })
      .meta({ description: 'Where walking through it takes the visitor: a portal on another floor, which leads back.' }),
    title: LocalText.optional().meta({ description: 'e.g. { "ru": "Лестница на 2 этаж", "en": "Stairs to floor 2" }.' }),
  })
  .meta({ title: 'Portal', description: 'Stairs, lift or escalator to another floor. Must stand on an alley.' });
export type Portal = z.infer<typeof Portal>;

export const LANDMARK_KINDS = ['entrance', 'info', 'programme', 'cafe', 'lounge', 'wc'] as const;
export const Landmark = z
  .strictObject({
    id: Id.meta({ description: 'Unique on this floor, e.g. "cafe".' }),
    kind: z.enum(LANDMARK_KINDS).meta({ description: 'What it is; decides the icon.' }),
    x: X,
    y: Y,
    title: LocalText.meta({ description: 'e.g. { "ru": "Кафе", "en": "Café" }.' }),
    programme: z
      .strictObject({
        stage: z.enum(STAGES).optional().meta({ description: '"main" (the fair days) or "continuation" (the days after).' }),
        cluster: Id.optional().meta({ description: 'Id of a cluster in programme/clusters.json, e.g. "higher-education".' }),
      })
      .optional()
      .meta({
        description:
          'A "programme" landmark only: the part of the business programme it stands for. Clicking it opens its live event or the schedule filtered so; the floor announces its live events. Leave out for the whole programme.',
      }),
  })
  .meta({ title: 'Landmark', description: 'A point of interest (entrance, info desk, café...). Must stand on an alley.' });
export type Landmark = z.infer<typeof Landmark>;

export const BACKGROUND_STYLES = ['parquet', 'carpet', 'concrete', 'marble'] as const;
export const Background = z
  .strictObject({
    style: z.enum(BACKGROUND_STYLES).meta({ description: 'Floor texture.' }),
    /** Optional tint of the floor, "#rrggbb". */
    tint: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is "#rrggbb"')
      .optional()
      .meta({ description: 'Optional tint of the floor, "#rrggbb".' }),
  })
  .meta({ description: 'How the floor looks.' });

export const Level = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor support: "./level.schema.json".' }),
    version: z.literal(LEVEL_VERSION).meta({
      description: `Version of this file format (currently ${LEVEL_VERSION}). Older files are upgraded on load.`,
    }),
    id: Id.meta({ description: 'Floor id, unique across the fair; used in links, e.g. "school".' }),
    title: LocalText.meta({
      description: 'Floor name in both languages, e.g. { "ru": "Общее образование", "en": "School education" }.',
    }),
    category: CategoryId.meta({ description: 'Product category the floor groups.' }),
    /** Position in the floor switcher, lowest first. */
    order: z.number().int().meta({ description: 'Position in the floor switcher, lowest first.' }),
    size: z
      .strictObject({
        width: Positive.meta({ description: 'West to east, metres.' }),
        height: Positive.meta({ description: 'North to south, metres.' }),
      })
      .meta({ description: 'Size of the hall in metres.' }),
    background: Background,
    alleys: z.array(Alley).min(1, 'a floor needs at least one alley to walk on').meta({
      description: 'Walkways; together they must form one connected network.',
    }),
    stands: z.array(Stand).meta({ description: 'Stands on this floor.' }),
    portals: z.array(Portal).default([]).meta({ description: 'Stairs and lifts to other floors.' }),
    landmarks: z.array(Landmark).default([]).meta({ description: 'Entrance, info desk, café and other points of interest.' }),
  })
  .meta({ title: 'Floor of the virtual expo', description: 'One floor (hall) of the fair. Units: metres; origin at the north-west corner.' });
export type Level = z.infer<typeof Level>;
export type LevelInput = z.input<typeof Level>;
