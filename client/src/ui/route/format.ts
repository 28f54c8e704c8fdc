// Distances and times as the route panel and the printout word them. Times are real-hall walks
// (shared/route/walkTime.ts), never the avatar's.
import { realWalkMinutes } from '../../../../shared/route/walkTime.ts';

export const metres = (m: number): number => Math.round(m);
export const minutes = realWalkMinutes;
