import { createContext, useContext, useMemo, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { navigate, useHashLocation, type HashLocation } from './location';

/**
 * A small hash router with the few parts of react-router's API the screens use (Link, NavLink,
 * useParams, useLocation, useNavigate, useSearchParams, nested routes with an outlet). It exists
 * for the first screen's weight: react-router's code was over 10 KB of the 100 KB gzipped budget.
 */
export { navigate };

export interface RouteDef {
  /** `session/:sessionId/quiz`; `*` matches anything; index routes have `path: ''`. */
  path: string;
  element: ReactNode;
}

interface Match {
  params: Record<string, string>;
  outlet: ReactNode;
}
const RouteContext = createContext<Match>({ params: {}, outlet: null });

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === '*') return {};
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(have[i]!);
    else if (w !== have[i]) return null;
  }
  return params;
}

/**
 * Renders `layout` with the first child route that matches. The child is keyed by the address,
 * so moving between two sessions' screens starts the screen afresh instead of showing one
 * session's state over the other's data.
 */
export function HashRoutes({ layout, routes }: { layout: ReactNode; routes: readonly RouteDef[] }) {
  const { pathname } = useHashLocation();
  for (const r of routes) {
    const params = matchPath(r.path, pathname);
    if (params) {
      const outlet = <RouteElement key={pathname} element={r.element} params={params} />;
      return <RouteContext.Provider value={{ params, outlet }}>{layout}</RouteContext.Provider>;
    }
  }
  return null;
}

function RouteElement({ element, params }: { element: ReactNode; params: Record<string, string> }) {
  return <RouteContext.Provider value={{ params, outlet: null }}>{element}</RouteContext.Provider>;
}

export const Outlet = () => <>{useContext(RouteContext).outlet}</>;

export const useParams = <T extends string = string>() => useContext(RouteContext).params as Partial<Record<T, string>>;

export const useLocation = (): HashLocation => useHashLocation();

export const useNavigate = () => navigate;

type SetParams = (next: Record<string, string> | URLSearchParams, options?: { replace?: boolean }) => void;

export function useSearchParams(): [URLSearchParams, SetParams] {
  const { pathname, search } = useHashLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set: SetParams = (next, options) =>
    navigate(`${pathname}?${new URLSearchParams(next).toString()}`, { replace: options?.replace ?? false });
  return [params, set];
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

export const Link = ({ to, ...rest }: LinkProps) => <a href={`#${to}`} {...rest} />;

/** A link that knows it is the current page (`active` class and aria-current). */
export function NavLink({ to, end, className, ...rest }: LinkProps & { end?: boolean }) {
  const { pathname } = useHashLocation();
  const active = end ? pathname === to : pathname === to || pathname.startsWith(`${to.replace(/\/$/, '')}/`);
  return (
    <a
      href={`#${to}`}
      aria-current={active ? 'page' : undefined}
      className={[className, active ? 'active' : ''].filter(Boolean).join(' ') || undefined}
      {...rest}
    />
  );
}
