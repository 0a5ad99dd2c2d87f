/** The one client of a host with a single window (Electron), and of calls that name none. */
export const LOCAL_CLIENT = 'local';

/** Signs a PIN profile out after this long without a call from its client, unless configured. */
export const DEFAULT_IDLE_SIGN_OUT_MS = 15 * 60 * 1000;

interface ClientSession {
  profileId: number | null;
  lastSeen: number;
}

/**
 * Which profile each client (a browser tab, the Electron window) has open. The active profile
 * belongs to the client that unlocked it: another tab or local program talking to the same host
 * is another client and sees no profile until it unlocks one itself. A client silent for longer
 * than the idle time loses its PIN profile (the caller decides which profiles that applies to).
 */
export class ClientSessions {
  private readonly sessions = new Map<string, ClientSession>();

  constructor(private readonly idleMs: number) {}

  /**
   * Marks a call from the client. `idle` says the client had been silent for longer than the idle
   * time before this call, so the caller can sign it out.
   */
  touch(clientId: string, now: number): { session: ClientSession | undefined; idle: boolean } {
    this.prune(now);
    const session = this.sessions.get(clientId);
    const idle = session !== undefined && now - session.lastSeen > this.idleMs;
    if (session) session.lastSeen = now;
    return { session, idle };
  }

  set(clientId: string, profileId: number | null, now: number): void {
    this.sessions.set(clientId, { profileId, lastSeen: now });
  }

  get(clientId: string): ClientSession | undefined {
    return this.sessions.get(clientId);
  }

  /**
   * Forgets sessions idle for twice the idle time, so clients that come and go (each page load
   * of a tab that lost its token, a script) cannot grow the map without bound.
   */
  private prune(now: number): void {
    for (const [id, s] of this.sessions) if (now - s.lastSeen > 2 * this.idleMs) this.sessions.delete(id);
  }
}
