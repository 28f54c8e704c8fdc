// Stand chat messages (issue 6). Filled in by the chat work.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatStore {}
