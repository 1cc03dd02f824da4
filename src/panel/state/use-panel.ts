import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PanelState, PanelStore } from './panel-store';

export const StoreContext = createContext<PanelStore | null>(null);

export function useStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePanel() outside <StoreContext.Provider>');
  return store;
}

export function usePanel(): PanelState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
