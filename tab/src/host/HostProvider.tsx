import { createContext, useContext, type ReactNode } from 'react';
import { browserHost, type Host } from './host';

const HostContext = createContext<Host>(browserHost);

/** Makes the detected host (Teams or a browser tab) available to every screen. */
export function HostProvider({ host, children }: { host: Host; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** Where the tab runs, and in Teams who the user is. */
export function useHost(): Host {
  return useContext(HostContext);
}
