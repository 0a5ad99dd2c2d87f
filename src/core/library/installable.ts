import type { Manifest, ManifestSession, SessionFile } from '../../shared/pack/schema';
import type { PackTranslation, VerifiedMedia } from '../packs/types';

/** What the library needs from a pack that has passed verification (see packs/verify). */
export interface InstallablePack {
  manifest: Manifest;
  publicKey: string;
  fingerprint: string;
  sha256: string;
  sessions: Array<{ meta: ManifestSession; material: string; content: SessionFile }>;
  sourceText: string | null;
  /** Format 2: the pack's other languages. */
  translations?: PackTranslation[];
  /** Format 2: media and caption files, already in the media store when the install runs. */
  media?: VerifiedMedia[];
  /** Uncompressed size of every entry: what the pack takes on disk. */
  files?: Array<{ size: number }>;
}
