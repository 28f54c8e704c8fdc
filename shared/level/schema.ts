// The floor file format organisers edit in levels/*.json. The zod schema is the single
// source of truth: types come from it, the JSON Schema for editors is generated from it,
// and both the server and `npm run levels:check` parse every file with it.
// Units: metres. Origin at the hall's top-left corner, x to the east, y to the south.
import { z } from 'zod';
import { CategoryId } from '../categories.ts';
import { LocalText } from '../text.ts';

export const LEVEL_VERSION = 1;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase latin letters, digits and "-", e.g. "stand-12"');

const Metres = z.number().finite();
const Positive = z.number().finite().positive();

export const Point = z.tuple([Metres, Metres]);
export type Point = z.infer<typeof Point>;

export const SIDES = ['north', 'south', 'east', 'west'] as const;
export const Side = z.enum(SIDES);
export type Side = z.infer<typeof Side>;

export const STAND_SIZES = ['S', 'M', 'L', 'XL'] as const;
export const StandSize = z.enum(STAND_SIZES);
export type StandSize = z.infer<typeof StandSize>;

export const Alley = z.strictObject({
  id: Id,
  /** Centre line of the alley, at least two points; alleys join where their centre lines meet. */
  points: z.array(Point).min(2, 'an alley needs at least two points'),
  /** Walkable width in metres. */
  width: Positive.default(4),
  name: LocalText.optional(),
});
export type Alley = z.infer<typeof Alley>;

export const Stand = z.strictObject({
  id: Id,
  /** Id of the exhibitor in the exhibitors' data: the layout says where, the content says whose. */
  exhibitor: Id,
  x: Metres,
  y: Metres,
  w: Positive,
  h: Positive,
  /** The side the stand opens to; it should face an alley. */
  entrance: Side,
  size: StandSize,
});
export type Stand = z.infer<typeof Stand>;

export const PORTAL_KINDS = ['stairs', 'lift', 'escalator'] as const;
export const Portal = z.strictObject({
  id: Id,
  kind: z.enum(PORTAL_KINDS),
  x: Metres,
  y: Metres,
  /** Where walking through it takes the visitor: a portal on another floor. */
  to: z.strictObject({ floor: Id, portal: Id }),
  title: LocalText.optional(),
});
export type Portal = z.infer<typeof Portal>;

export const LANDMARK_KINDS = ['entrance', 'info', 'programme', 'cafe', 'lounge', 'wc'] as const;
export const Landmark = z.strictObject({
  id: Id,
  kind: z.enum(LANDMARK_KINDS),
  x: Metres,
  y: Metres,
  title: LocalText,
});
export type Landmark = z.infer<typeof Landmark>;

export const BACKGROUND_STYLES = ['parquet', 'carpet', 'concrete', 'marble'] as const;
export const Background = z.strictObject({
  style: z.enum(BACKGROUND_STYLES),
  /** Optional tint of the floor, "#rrggbb". */
  tint: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is "#rrggbb"')
    .optional(),
});

export const Level = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(LEVEL_VERSION),
  id: Id,
  title: LocalText,
  category: CategoryId,
  /** Position in the floor switcher, lowest first. */
  order: z.number().int(),
  size: z.strictObject({ width: Positive, height: Positive }),
  background: Background,
  alleys: z.array(Alley).min(1, 'a floor needs at least one alley to walk on'),
  stands: z.array(Stand),
  portals: z.array(Portal).default([]),
  landmarks: z.array(Landmark).default([]),
});
export type Level = z.infer<typeof Level>;
export type LevelInput = z.input<typeof Level>;
