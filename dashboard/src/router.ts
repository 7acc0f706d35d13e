import { useEffect, useState } from 'preact/hooks';

/** A view and its parameter, read from the address bar: every view is a URL that can be shared. */
export type Route =
  | { view: 'nation' }
  | { view: 'directive'; number: string }
  | { view: 'task'; id: string }
  | { view: 'province'; code: string }
  | { view: 'notFound'; path: string };

/** The route of a path: `/`, `/chi-thi/71/NQ-CP`, `/nhiem-vu/<id>`, `/tinh/<code>`. */
export function routeOf(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, ...rest] = segments;
  if (head === undefined) return { view: 'nation' };
  // A directive's number keeps its slashes ("71/NQ-CP"), so it is the whole rest of the path.
  if (head === 'chi-thi' && rest.length > 0) return { view: 'directive', number: rest.join('/') };
  if (head === 'nhiem-vu' && rest.length === 1) return { view: 'task', id: rest[0] };
  if (head === 'tinh' && rest.length === 1) return { view: 'province', code: rest[0] };
  return { view: 'notFound', path: pathname };
}

/** The address of a directive's view; each part of its number is escaped, its slashes kept. */
export function directiveHref(number: string): string {
  return `/chi-thi/${number.split('/').map(encodeURIComponent).join('/')}`;
}

/** The address of a task's view (any level: the id is unique across them). */
export function taskHref(id: string): string {
  return `/nhiem-vu/${encodeURIComponent(id)}`;
}

/** The address of a province's view. */
export function provinceHref(code: string): string {
  return `/tinh/${encodeURIComponent(code)}`;
}

/** Goes to `href` without reloading the page, as a link click does. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, following links and the back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const update = (): void => setRoute(routeOf(location.pathname));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
