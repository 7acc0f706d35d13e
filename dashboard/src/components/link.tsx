import type { ComponentChildren } from 'preact';
import { navigate } from '../router';

/** An ordinary link (it opens in a new tab too) that changes view in place on a plain click. */
export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  const onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
    scrollTo(0, 0);
  };
  return (
    <a href={props.href} class={props.class} onClick={onClick}>
      {props.children}
    </a>
  );
}
