// Where the programme's files sit in the programme folder, as the server, the check command
// and the import/export commands all read them.
export const PROGRAMME_FILE = 'programme.json';
export const CLUSTERS_FILE = 'clusters.json';
export const SPEAKERS_FILE = 'speakers.json';
/** Event files: every *.json in this subfolder. */
export const EVENTS_DIR = 'events';
/** Generated JSON Schemas for editors (`npm run programme:schema`). */
export const SCHEMA_DIR = 'schema';

export function isEventFile(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}
