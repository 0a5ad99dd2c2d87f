import type Database from 'better-sqlite3';
import type { Manifest } from '../../shared/pack/schema';
import { rulesOf, type PackRules } from './rules';

const cache = new WeakMap<Database.Database, Map<string, { manifest: string; rules: PackRules }>>();

/** The installed pack's rules, parsed once per manifest (progress is asked for on every screen). */
export function packRules(db: Database.Database, packId: string): PackRules {
  const row = db.prepare('SELECT manifest FROM packs WHERE id = ?').get(packId) as { manifest: string } | undefined;
  const text = row?.manifest ?? '{"sessions":[]}';
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(packId);
  if (hit && hit.manifest === text) return hit.rules;
  const rules = rulesOf(JSON.parse(text) as Manifest);
  perDb.set(packId, { manifest: text, rules });
  return rules;
}
