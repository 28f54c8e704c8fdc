// A real link (href, middle-click, "open in new tab") that moves inside the programme
// without a page load on a plain click.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { goTo } from './actions.ts';
import { isProgrammePath } from './paths.ts';

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!isProgrammePath(new URL(href, location.href).pathname)) return;
    e.preventDefault();
    goTo(href);
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={click} {...rest} />;
}
