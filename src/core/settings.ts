import type Database from 'better-sqlite3';
import { settingsSchema, type Settings } from '../shared/contract/app';

const defaults: Settings = { language: null, textScale: 1, contentLanguage: null, sideBySide: false };

/** App-wide settings (language, text size): one JSON value per key, validated on the way out. */
export class SettingsStore {
  constructor(private readonly db: Database.Database) {}

  getRaw(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setRaw(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else
      this.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
  }

  get(): Settings {
    const raw = this.getRaw('ui');
    if (!raw) return defaults;
    const parsed = settingsSchema.safeParse({ ...defaults, ...JSON.parse(raw) });
    return parsed.success ? parsed.data : defaults;
  }

  set(patch: Partial<Settings>): Settings {
    // A key sent as undefined (IPC's structured clone keeps it) means "not sent": a spread would
    // let it replace the stored value and fail the schema.
    const sent = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = settingsSchema.parse({ ...this.get(), ...sent });
    this.setRaw('ui', JSON.stringify(next));
    return next;
  }
}
