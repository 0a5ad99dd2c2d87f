import type Database from 'better-sqlite3';
import type { Profile } from '../../shared/contract/profiles';
import { AppError } from '../../shared/errors';
import type { SettingsStore } from '../settings';
import { isoNow, type Clock } from '../time';
import { ClientSessions, DEFAULT_IDLE_SIGN_OUT_MS } from './client-sessions';
import { checkPin, hashPin } from './pin';
import { PinThrottle } from './pin-throttle';

interface ProfileRow {
  id: number;
  name: string;
  unit: string;
  venue: string;
  pin_hash: string | null;
  created_at: string;
  last_used_at: string | null;
}

const toProfile = (r: ProfileRow): Profile => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  venue: r.venue,
  hasPin: r.pin_hash !== null,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

const LAST_PROFILE = 'lastProfileId';

/**
 * Participants sharing one laptop: each profile owns its progress; the active one belongs to the
 * client (browser tab, Electron window) that opened it (see client-sessions.ts).
 */
export class Profiles {
  private readonly sessions: ClientSessions;
  private readonly throttle: PinThrottle;

  constructor(
    private readonly db: Database.Database,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
    idleMs = DEFAULT_IDLE_SIGN_OUT_MS,
  ) {
    this.sessions = new ClientSessions(idleMs);
    this.throttle = new PinThrottle(db);
  }

  private row(id: number): ProfileRow | undefined {
    return this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  }

  list(clientId: string): { profiles: Profile[]; activeId: number | null } {
    const rows = this.db.prepare('SELECT * FROM profiles ORDER BY last_used_at DESC, id').all() as ProfileRow[];
    return { profiles: rows.map(toProfile), activeId: this.activeId(clientId) };
  }

  async create(
    clientId: string,
    input: { name: string; unit: string; venue: string; pin?: string | undefined },
  ): Promise<Profile> {
    const pinHash = input.pin ? await hashPin(input.pin) : null;
    const now = isoNow(this.clock);
    const info = this.db
      .prepare('INSERT INTO profiles (name, unit, venue, pin_hash, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.name, input.unit, input.venue, pinHash, now, now);
    const id = Number(info.lastInsertRowid);
    this.activate(clientId, id);
    return toProfile(this.row(id)!);
  }

  /** Guesses are throttled per profile before any hashing; the check itself runs off the thread. */
  async select(clientId: string, id: number, pin?: string): Promise<Profile> {
    const row = this.row(id);
    if (!row) throw new AppError('NOT_FOUND', `No profile with id ${id}.`, { reason: 'profile.notFound' });
    if (row.pin_hash !== null) {
      if (!pin)
        throw new AppError('PIN_REQUIRED', 'This profile is protected by a PIN.', { reason: 'profile.pinRequired' });
      this.throttle.assertMayTry(id, this.clock.now());
      if (!(await checkPin(pin, row.pin_hash))) throw this.throttle.failed(id, this.clock.now());
      this.throttle.succeeded(id);
    }
    this.activate(clientId, id);
    return toProfile(this.row(id)!);
  }

  signOut(clientId: string): boolean {
    const was = this.activeId(clientId) !== null;
    this.sessions.set(clientId, null, this.clock.now().getTime());
    this.settings.setRaw(LAST_PROFILE, null);
    return was;
  }

  /**
   * Called once per call from a client: a PIN profile left idle for longer than the idle time is
   * signed out (its client must unlock it again), a profile without PIN has nothing to protect.
   */
  touch(clientId: string): void {
    const { session, idle } = this.sessions.touch(clientId, this.clock.now().getTime());
    if (!idle || session?.profileId == null) return;
    if (this.row(session.profileId)?.pin_hash != null) this.sessions.set(clientId, null, this.clock.now().getTime());
  }

  /** The client's active profile id, or a NO_PROFILE error for calls that need one. */
  requireActive(clientId: string): number {
    const id = this.activeId(clientId);
    if (id === null) throw new AppError('NO_PROFILE', 'Choose or create a profile first.', { reason: 'profile.none' });
    return id;
  }

  current(clientId: string): Profile | null {
    const id = this.activeId(clientId);
    return id === null ? null : toProfile(this.row(id)!);
  }

  /**
   * A client that never chose reopens the last profile used, unless it is PIN-protected: an
   * unprotected profile is open to anyone at the laptop anyway, a protected one needs its PIN.
   */
  private activeId(clientId: string): number | null {
    const session = this.sessions.get(clientId);
    if (session) return session.profileId !== null && this.row(session.profileId) ? session.profileId : null;
    const last = Number(this.settings.getRaw(LAST_PROFILE));
    const row = last ? this.row(last) : undefined;
    return row && row.pin_hash === null ? row.id : null;
  }

  private activate(clientId: string, id: number): void {
    this.sessions.set(clientId, id, this.clock.now().getTime());
    this.db.prepare('UPDATE profiles SET last_used_at = ? WHERE id = ?').run(isoNow(this.clock), id);
    this.settings.setRaw(LAST_PROFILE, String(id));
  }
}
