// The cabinet's inbox of stand chats (issue 6). Placeholder until the chat work lands.
export function StaffInbox() {
  return null;
}
