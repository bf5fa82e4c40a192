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

let hostHistory: Promise<HostHistory> | undefined;
/** The host's history, asked for once: the page's start and its router share it. */
export const createHostHistory: CreateHistory = () =>
  (hostHistory ??= view.createHistory() as Promise<HostHistory>);

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
export function useAppRoute(createHistory: CreateHistory = createHostHistory): AppNavigation {
  const [route, setRoute] = useState<AppRoute | undefined>(undefined);
  const history = useRef<HostHistory | undefined>(undefined);

  useEffect(() => {
    let current = true;
    let unlisten: (() => void) | undefined;
    createHistory().then(
      (hostHistory) => {
        if (!current) return;
        history.current = hostHistory;
        setRoute(parseRoute(hostHistory.location.pathname));
        unlisten = hostHistory.listen((location) => setRoute(parseRoute(location.pathname)));
      },
      (error: unknown) => {
        console.warn('The host gave no history; navigation stays inside the page.', error);
        if (current) setRoute(LIST_ROUTE);
      },
    );
    return () => {
      current = false;
      unlisten?.();
    };
  }, [createHistory]);

  const navigate = useCallback((next: AppRoute) => {
    setRoute((previous) => {
      if (previous && sameRoute(previous, next)) return previous;
      history.current?.push(formatRoute(next));
      return next;
    });
  }, []);

  return { route, navigate };
}
