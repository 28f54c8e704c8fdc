// A message's text: plain text (React escapes it), with http(s) addresses as links that open
// in a new tab without handing it our page. Nothing else in a message is ever markup.
import { Fragment, useMemo } from 'react';
import { splitLinks } from '../../../../shared/chat.ts';

export function ChatText({ text }: { text: string }) {
  const parts = useMemo(() => splitLinks(text), [text]);
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
