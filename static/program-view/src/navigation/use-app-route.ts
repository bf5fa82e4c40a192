import { useCallback, useEffect, useRef, useState } from 'react';
import { view } from '@forge/bridge';
import { formatRoute, LIST_ROUTE, parseRoute, sameRoute, type AppRoute } from './routes';

/** The part of the host's history (history v4, as Forge's `view.createHistory()` gives it) the page uses. */
export interface HostHistory {
  location: { pathname: string };
  push(path: string): void;
  listen(listener: (location: { pathname: string }) => void): () => void;
}

export type CreateHistory = () => Promise<HostHistory>;

const createHostHistory: CreateHistory = () => view.createHistory() as Promise<HostHistory>;

export interface AppNavigation {
  /** Undefined until the host has said where the page is (a deep link can open a program straight away). */
  route: AppRoute | undefined;
  navigate: (route: AppRoute) => void;
}

/**
 * The page's place, kept in the host's URL: opening a program or a tab pushes a history entry, so the
 * browser's back and forward buttons move between them and a copied URL opens the same tab.
 * Without a host history (an old host, a test page) the page still navigates, in memory only.
 */
export function useAppRoute(
  createHistory: CreateHistory = createHostHistory,
  /** Called as the page arrives somewhere (a deep link, back/forward, a click), before it draws the place. */
  onArrive?: (next: AppRoute, previous: AppRoute | undefined) => void,
): AppNavigation {
  const [route, setRoute] = useState<AppRoute | undefined>(undefined);
  const history = useRef<HostHistory | undefined>(undefined);
  const current = useRef<AppRoute | undefined>(undefined);
  const arriveListener = useRef(onArrive);
  arriveListener.current = onArrive;

  const arrive = useCallback((next: AppRoute) => {
    const previous = current.current;
    if (previous && sameRoute(previous, next)) return false;
    current.current = next;
    arriveListener.current?.(next, previous);
    setRoute(next);
    return true;
  }, []);

  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    createHistory().then(
      (hostHistory) => {
        if (!live) return;
        history.current = hostHistory;
        arrive(parseRoute(hostHistory.location.pathname));
        unlisten = hostHistory.listen((location) => arrive(parseRoute(location.pathname)));
      },
      (error: unknown) => {
        console.warn('The host gave no history; navigation stays inside the page.', error);
        if (live) arrive(LIST_ROUTE);
      },
    );
    return () => {
      live = false;
      unlisten?.();
    };
  }, [createHistory, arrive]);

  const navigate = useCallback(
    (next: AppRoute) => {
      const previous = current.current;
      if (previous && sameRoute(previous, next)) return;
      history.current?.push(formatRoute(next));
      arrive(next);
    },
    [arrive],
  );

  return { route, navigate };
}
