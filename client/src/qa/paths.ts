// The Q&A pages' addresses, parsed once (the server serves client/qa.html for all three).
export type QaPage = { kind: 'moderate' | 'overlay' | 'broadcast'; eventId: string };

const PAGE = /^\/(moderate|overlay|broadcast)\/([a-z0-9][a-z0-9-]{0,79})\/?$/;

export function qaPage(pathname: string): QaPage | null {
  const m = PAGE.exec(pathname);
  return m ? { kind: m[1] as QaPage['kind'], eventId: m[2]! } : null;
}

export const moderatePath = (eventId: string) => `/moderate/${eventId}`;
export const overlayPath = (eventId: string) => `/overlay/${eventId}`;
export const broadcastPath = (eventId: string) => `/broadcast/${eventId}`;
