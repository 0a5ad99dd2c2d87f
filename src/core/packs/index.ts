/** Study packs: authoring folder -> signed .studypack -> verified content. Plain Node, no Electron. */
export { buildPack, validatePackFolder } from './build';
export { formatIssue, PackValidationError, type PackErrorCode, type PackIssue } from './issues';
export {
  decodePublicKey,
  fingerprint,
  formatPublicKeyFile,
  generateKeyPair,
  parsePublicKeyFile,
  publicKeyFromPrivate,
  signBytes,
  verifySignature,
  type KeyPair,
} from './keys';
export { PACK_LIMITS, type PackLimits } from './limits';
export { MANIFEST_FILE, SIGNATURE_FILE, SUMS_FILE } from './paths';
export type { AuthoredPack, PackContents, PackFileInfo, PackSession, VerifiedPack } from './types';
export { verifyPack } from './verify';
