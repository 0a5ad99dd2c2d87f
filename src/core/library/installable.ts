import type { Manifest, ManifestSession, SessionFile } from '../../shared/pack/schema';

/** What the library needs from a pack that has passed verification (see packs/verify). */
export interface InstallablePack {
  manifest: Manifest;
  publicKey: string;
  fingerprint: string;
  sha256: string;
  sessions: Array<{ meta: ManifestSession; material: string; content: SessionFile }>;
  sourceText: string | null;
}
