// Distances and times as the route panel and the printout word them.
export const metres = (m: number): number => Math.round(m);
export const minutes = (seconds: number): number => Math.max(1, Math.round(seconds / 60));
