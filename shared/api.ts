// The HTTP API contract: every path and response shape, defined once for server and client.
import { z } from 'zod';
import { CategoryId } from './categories.ts';
import { LocalText } from './text.ts';

export const API = {
  health: '/api/health',
  floors: '/api/floors',
  floor: '/api/floors/:floorId',
  /** Where every exhibitor stands: one row per stand, for search across floors. */
  directory: '/api/directory',
  exhibitors: '/api/exhibitors',
  exhibitor: '/api/exhibitors/:exhibitorId',
  /** Floor-file problems the server refuses now, formatted "file:line:col path: message". */
  levelProblems: '/api/levels/problems',
  /** Static files of the sample exhibition (logos, later videos). */
  assets: '/assets',
} as const;

/** Fills ":param" placeholders of an API path. */
export function apiPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

export const FloorSummary = z.object({
  id: z.string(),
  title: LocalText,
  category: CategoryId,
  order: z.number(),
  standCount: z.number().int(),
});
export type FloorSummary = z.infer<typeof FloorSummary>;

export const ApiError = z.object({ error: z.string(), details: z.array(z.string()).optional() });
export type ApiError = z.infer<typeof ApiError>;

export const DirectoryEntry = z.object({ floor: z.string(), stand: z.string(), exhibitor: z.string() });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const LevelProblemList = z.object({ problems: z.array(z.string()) });
export type LevelProblemList = z.infer<typeof LevelProblemList>;
