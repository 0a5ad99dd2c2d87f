import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** SQL run as one script, or a function for data changes SQL alone cannot express. */
  up: string | ((db: Database.Database) => void);
}
