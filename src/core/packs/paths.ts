/**
 * One rule set for every name inside a pack: zip entry names and the paths a manifest references.
 * Verification never writes to disk, but whatever later unpacks or serves these names (the app://
 * protocol, an export, a Windows venue laptop) must not be steerable outside its folder.
 */

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'SHA256SUMS.sig';
/** Names the pack format itself uses; a manifest may not point content at them. */
export const RESERVED_FILES: ReadonlySet<string> = new Set([MANIFEST_FILE, SUMS_FILE, SIGNATURE_FILE]);

export type PathRule =
  'absolute-path' | 'backslash' | 'parent-segment' | 'directory-entry' | 'invalid-name' | 'path-too-long';

export interface PathProblem {
  rule: PathRule;
  reason: string;
}

// Windows refuses these names with any extension (NUL.txt is still the null device).
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Characters Windows refuses in file names; ":" would also open NTFS alternate data streams.
const WINDOWS_FORBIDDEN = /[:*?"<>|]/;
// Control and invisible format characters (zero-width spaces, BOM, right-to-left overrides that
// make "evil\u202Edm.exe" display as "evilexe.md").
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Why `name` is not a safe relative file path, or null when it is. */
export function pathProblem(name: string, maxLength: number): PathProblem | null {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) {
    return { rule: 'absolute-path', reason: 'is an absolute path' };
  }
  if (name.includes('\\')) return { rule: 'backslash', reason: 'contains a backslash' };
  const segments = name.split('/');
  if (segments.includes('..')) return { rule: 'parent-segment', reason: 'contains a ".." segment' };
  if (name.endsWith('/')) return { rule: 'directory-entry', reason: 'is a directory entry' };
  if (segments.some((s) => s === '' || s === '.')) {
    return { rule: 'invalid-name', reason: 'has an empty or "." segment' };
  }
  if (INVISIBLE.test(name)) return { rule: 'invalid-name', reason: 'contains a control or invisible character' };
  if (WINDOWS_FORBIDDEN.test(name)) return { rule: 'invalid-name', reason: 'contains one of : * ? " < > |' };
  if (segments.some((s) => /[. ]$/.test(s) || DEVICE_NAME.test(s))) {
    return { rule: 'invalid-name', reason: 'has a segment Windows cannot store (device name or trailing dot/space)' };
  }
  if ([...name].length > maxLength) {
    return { rule: 'path-too-long', reason: `is longer than ${maxLength} characters` };
  }
  return null;
}

/**
 * Key under which two names collide on a case-insensitive or normalising file system (Windows,
 * macOS): a pack with both `a.md` and `A.md` would unpack differently on different machines.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Byte order of the UTF-8 encoding (what `LC_ALL=C sort` gives): the one order the format uses. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
