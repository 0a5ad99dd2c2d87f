import type { MediaKind } from '../../shared/pack/media';
import type {
  AlignedTranslation,
  Manifest,
  ManifestSession,
  ManifestTranslation,
  SessionFile,
  TranslationFile,
} from '../../shared/pack/schema';

export interface PackSession {
  meta: ManifestSession;
  /** The session's Markdown material (valid UTF-8, BOM removed). */
  material: string;
  content: SessionFile;
}

/** The pack in one more language (format 2), every file read and checked. */
export interface PackTranslation {
  language: string;
  meta: ManifestTranslation;
  content: TranslationFile;
  /** Translated Markdown material by session id. */
  material: Record<string, string>;
  sourceText: AlignedTranslation | null;
}

/** What a pack means, however it was read (authoring folder or signed file). */
export interface PackContents {
  manifest: Manifest;
  /** In manifest order. */
  sessions: PackSession[];
  sourceText: string | null;
  /** Format 2: the pack's other languages (empty for a format-1 pack). */
  translations: PackTranslation[];
}

export interface PackFileInfo {
  path: string;
  /** Uncompressed bytes. */
  size: number;
  /** Bytes inside the .studypack file. */
  compressedSize: number;
}

/** A media file of a verified pack: its bytes went to the caller's sink (or nowhere) while checked. */
export interface VerifiedMedia {
  path: string;
  kind: MediaKind | 'captions';
  sessionId: string;
  sha256: string;
  size: number;
  mime: string;
}

/** A `.studypack` whose every byte has been checked. Trust in `publicKey` is the caller's decision. */
export interface VerifiedPack extends PackContents {
  /** Base64 of the signer's raw 32-byte Ed25519 key (embedded in SHA256SUMS.sig). */
  publicKey: string;
  fingerprint: string;
  /** Hex SHA-256 of the whole .studypack file. */
  sha256: string;
  /** Every entry in the zip, in zip order (includes SHA256SUMS and SHA256SUMS.sig). */
  files: PackFileInfo[];
  /** Format 2: every media file, in manifest order. */
  media: VerifiedMedia[];
}

/** An authoring folder that passed every check `buildPack` makes. */
export interface AuthoredPack extends PackContents {
  folder: string;
  /** manifest.json and every text file it references, by pack path, sorted. */
  files: Array<{ path: string; bytes: Buffer }>;
  /** Format 2: media files, checked on disk and hashed, streamed into the zip. */
  media: Array<{ path: string; file: string; size: number; sha256: string; crc32: number }>;
}
