import type { SettingsStore } from '../settings';
import { AppError } from '../../shared/errors';
import { checkPin, hashPin } from './pin';

const KEY = 'venueMode';

interface Stored {
  enabled: boolean;
  pinHash: string | null;
}

export interface VenueModeStatus {
  enabled: boolean;
  hasPin: boolean;
  unlocked: boolean;
}

/**
 * Venue mode: the venue's screens (report, administration) are reached from the start screen,
 * only when this computer is set up for a venue, and behind the venue PIN when one is set. The
 * unlocked state lives in memory, per core, like the active profile: a restart locks it again.
 */
export class VenueMode {
  private unlockedNow = false;

  constructor(private readonly settings: SettingsStore) {}

  private stored(): Stored {
    const raw = this.settings.getRaw(KEY);
    if (!raw) return { enabled: false, pinHash: null };
    const v = JSON.parse(raw) as Partial<Stored>;
    return { enabled: v.enabled === true, pinHash: typeof v.pinHash === 'string' ? v.pinHash : null };
  }

  status(): VenueModeStatus {
    const s = this.stored();
    return {
      enabled: s.enabled,
      hasPin: s.pinHash !== null,
      unlocked: s.enabled && (s.pinHash === null || this.unlockedNow),
    };
  }

  /** Turning venue mode on or off, or changing its PIN, needs the current PIN when one is set. */
  async set(input: {
    enabled: boolean;
    pin?: string | null | undefined;
    currentPin?: string | undefined;
  }): Promise<VenueModeStatus> {
    const s = this.stored();
    if (s.pinHash !== null) await this.checkVenuePin(input.currentPin);
    const pinHash = input.pin === undefined ? s.pinHash : input.pin === null ? null : await hashPin(input.pin);
    this.settings.setRaw(KEY, JSON.stringify({ enabled: input.enabled, pinHash: input.enabled ? pinHash : null }));
    this.unlockedNow = input.enabled && (pinHash === null || s.pinHash === null || this.unlockedNow);
    return this.status();
  }

  async unlock(pin?: string): Promise<VenueModeStatus> {
    const s = this.stored();
    if (!s.enabled)
      throw new AppError('FORBIDDEN', 'Venue mode is not turned on for this computer.', { reason: 'venue.mode.off' });
    if (s.pinHash !== null) await this.checkVenuePin(pin);
    this.unlockedNow = true;
    return this.status();
  }

  lock(): VenueModeStatus {
    this.unlockedNow = false;
    return this.status();
  }

  /** For the venue's own calls (report, administration). A venue PIN, when set, must have been given. */
  requireUnlocked(): void {
    const s = this.stored();
    if (!s.enabled)
      throw new AppError('FORBIDDEN', 'Venue mode is not turned on for this computer.', { reason: 'venue.mode.off' });
    if (s.pinHash !== null && !this.unlockedNow) {
      throw new AppError('FORBIDDEN', 'Enter the venue PIN first.', { reason: 'venue.mode.locked' });
    }
  }

  /** The report calls: open unless a venue PIN is set and not given (tests and scripts need no set-up). */
  requireReportAccess(): void {
    const s = this.stored();
    if (s.enabled && s.pinHash !== null && !this.unlockedNow) {
      throw new AppError('FORBIDDEN', 'Enter the venue PIN first.', { reason: 'venue.mode.locked' });
    }
  }

  /** A PIN reset for a participant needs the venue PIN itself, even when venue mode is unlocked. */
  async checkVenuePin(pin: string | undefined): Promise<void> {
    const { pinHash } = this.stored();
    if (pinHash === null) {
      throw new AppError('FORBIDDEN', 'Set a venue PIN first (Settings, venue mode).', { reason: 'venue.mode.noPin' });
    }
    if (!pin) throw new AppError('PIN_REQUIRED', 'The venue PIN is required.', { reason: 'venue.mode.pinRequired' });
    if (!(await checkPin(pin, pinHash)))
      throw new AppError('PIN_WRONG', 'The venue PIN is not correct.', { reason: 'venue.mode.pinWrong' });
  }
}

const modes = new WeakMap<object, VenueMode>();
export function venueMode(core: { settings: SettingsStore }): VenueMode {
  let m = modes.get(core);
  if (!m) modes.set(core, (m = new VenueMode(core.settings)));
  return m;
}
