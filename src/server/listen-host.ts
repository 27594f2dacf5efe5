// Which interface the server listens on: everywhere by default, but only on this machine while the
// demo dataset (whose passwords are public) is loaded, unless HOST says otherwise.
export const ALL_INTERFACES = '0.0.0.0';
export const LOOPBACK = '127.0.0.1';

export type ListenHost = {
  host: string;
  /** Said on start when the choice protects the demo accounts or HOST overrides that protection. */
  notice: string | null;
};

export function chooseListenHost(explicitHost: string | undefined, hasDemoDataset: boolean): ListenHost {
  if (!hasDemoDataset) return { host: explicitHost ?? ALL_INTERFACES, notice: null };
  if (explicitHost === undefined)
    return {
      host: LOOPBACK,
      notice:
        'The demo dataset is loaded and its passwords are public, so Concerted listens on 127.0.0.1 only. ' +
        'Set HOST (for example HOST=0.0.0.0) to listen on other interfaces.',
    };
  return {
    host: explicitHost,
    notice: isLoopback(explicitHost)
      ? null
      : `Warning: the demo dataset is loaded and its passwords are public, yet HOST=${explicitHost} lets ` +
        'other machines reach it. Never use the demo dataset for real data.',
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
