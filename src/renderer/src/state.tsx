import { createContext, useContext } from 'react';
import type { Settings } from '../../shared/contract/app';
import type { Profile } from '../../shared/contract/profiles';

export interface AppState {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => Promise<void>;
  profile: Profile;
  signOut: () => Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
