import type Database from 'better-sqlite3';
import type { Profile } from '../../shared/contract/profiles';
import { AppError } from '../../shared/errors';
import type { SettingsStore } from '../settings';
import { isoNow, type Clock } from '../time';
import { checkPin, hashPin } from './pin';

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

/** Participants sharing one laptop: each profile owns its progress; the active one is per host. */
export class Profiles {
  private activeId: number | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
  ) {
    // Reopen the last profile on start, unless it is PIN-protected.
    const last = Number(settings.getRaw(LAST_PROFILE));
    const row = last ? this.row(last) : undefined;
    if (row && row.pin_hash === null) this.activeId = row.id;
  }

  private row(id: number): ProfileRow | undefined {
    return this.db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  }

  list(): { profiles: Profile[]; activeId: number | null } {
    const rows = this.db.prepare('SELECT * FROM profiles ORDER BY last_used_at DESC, id').all() as ProfileRow[];
    return { profiles: rows.map(toProfile), activeId: this.activeId };
  }

  create(input: { name: string; unit: string; venue: string; pin?: string | undefined }): Profile {
    const now = isoNow(this.clock);
    const info = this.db
      .prepare('INSERT INTO profiles (name, unit, venue, pin_hash, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.name, input.unit, input.venue, input.pin ? hashPin(input.pin) : null, now, now);
    const id = Number(info.lastInsertRowid);
    this.activate(id);
    return toProfile(this.row(id)!);
  }

  select(id: number, pin?: string): Profile {
    const row = this.row(id);
    if (!row) throw new AppError('NOT_FOUND', `No profile with id ${id}.`, { reason: 'profile.notFound' });
    if (row.pin_hash !== null) {
      if (!pin)
        throw new AppError('PIN_REQUIRED', 'This profile is protected by a PIN.', { reason: 'profile.pinRequired' });
      if (!checkPin(pin, row.pin_hash))
        throw new AppError('PIN_WRONG', 'The PIN is not correct.', { reason: 'profile.pinWrong' });
    }
    this.activate(id);
    return toProfile(this.row(id)!);
  }

  signOut(): boolean {
    const was = this.activeId !== null;
    this.activeId = null;
    this.settings.setRaw(LAST_PROFILE, null);
    return was;
  }

  /** The active profile's id, or a NO_PROFILE error for calls that need one. */
  requireActive(): number {
    if (this.activeId === null)
      throw new AppError('NO_PROFILE', 'Choose or create a profile first.', { reason: 'profile.none' });
    return this.activeId;
  }

  current(): Profile | null {
    return this.activeId === null ? null : toProfile(this.row(this.activeId)!);
  }

  private activate(id: number): void {
    this.activeId = id;
    this.db.prepare('UPDATE profiles SET last_used_at = ? WHERE id = ?').run(isoNow(this.clock), id);
    this.settings.setRaw(LAST_PROFILE, String(id));
  }
}
