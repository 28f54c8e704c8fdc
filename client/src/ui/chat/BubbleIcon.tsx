// A speech bubble drawn inline: emoji fonts are missing on many school computers.
export function BubbleIcon({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="bubble-icon">
      <path d="M3 2h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H8l-3.5 3v-3H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z" fill="currentColor" />
    </svg>
  );
}
