import { createContext, useContext } from 'react';

/**
 * The addresses the app has screens for: a link to a screen another engineer is still building
 * (the document register) is offered only once that screen is there.
 */
export const KnownScreens = createContext<readonly string[]>([]);

export const useHasScreen = (path: string): boolean => useContext(KnownScreens).includes(path);
