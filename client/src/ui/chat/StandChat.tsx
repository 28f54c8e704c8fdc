// The stand's chat with its staff (issue 6). Placeholder until the chat work lands.
export function StandChat(_props: { exhibitorId: string; standId: string }) {
  return null;
}
