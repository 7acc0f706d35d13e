import { useEffect, useState } from 'preact/hooks';

/** A view and its parameter, read from the address bar: every view is a URL that can be shared. */
export type Route =
  | { view: 'nation' }
  | { view: 'directive'; number: string }
  | { view: 'task'; id: string }
  | { view: 'province'; code: string }
  | { view: 'commune'; code: string }
  | { view: 'search'; params: SearchParams }
  | { view: 'notFound'; path: string };

/** A search as its address says it (`/tim-kiem?q=…&cap=…&tinh=…&trang-thai=…&den=…`); '' for no filter. */
export interface SearchParams {
  q: string;
  level: string;
  province: string;
  status: string;
  light: string;
}

// The address's names for the search filters, in the plans' words; the values are the API's enum names.
const SEARCH_KEYS: Record<keyof SearchParams, string> = {
  q: 'q',
  level: 'cap',
  province: 'tinh',
  status: 'trang-thai',
  light: 'den',
};

/** The route of a path (and query string): `/`, `/chi-thi/71/NQ-CP`, `/nhiem-vu/<id>`, `/tinh/19`, `/xa/24682`, `/tim-kiem?q=…`. */
export function routeOf(pathname: string, search = ''): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, ...rest] = segments;
  if (head === undefined) return { view: 'nation' };
  // A directive's number keeps its slashes ("71/NQ-CP"), so it is the whole rest of the path.
  if (head === 'chi-thi' && rest.length > 0) return { view: 'directive', number: rest.join('/') };
  if (head === 'nhiem-vu' && rest.length === 1) return { view: 'task', id: rest[0] };
  if (head === 'tinh' && rest.length === 1) return { view: 'province', code: rest[0] };
  if (head === 'xa' && rest.length === 1) return { view: 'commune', code: rest[0] };
  if (head === 'tim-kiem' && rest.length === 0) {
    const query = new URLSearchParams(search);
    const entries = Object.entries(SEARCH_KEYS).map(([key, name]) => [key, query.get(name)?.trim() ?? '']);
    return { view: 'search', params: Object.fromEntries(entries) as unknown as SearchParams };
  }
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

/** The address of a commune's view. */
export function communeHref(code: string): string {
  return `/xa/${encodeURIComponent(code)}`;
}

/** The address of a search; empty filters are left out. */
export function searchHref(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  for (const [key, name] of Object.entries(SEARCH_KEYS) as [keyof SearchParams, string][]) {
    const value = params[key]?.trim();
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `/tim-kiem?${text}` : '/tim-kiem';
}

/** Goes to `href` without reloading the page, as a link click does. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current route, following links and the back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname, location.search));
  useEffect(() => {
    const update = (): void => setRoute(routeOf(location.pathname, location.search));
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return route;
}
