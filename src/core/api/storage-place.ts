import type { CallName } from '../../shared/contract';
import type { StoragePlace } from '../db/storage-error';

/** Where a call writes, so a full disk is reported for what the participant was doing. */
export function storagePlace(name: CallName): StoragePlace {
  if (name.startsWith('library.')) return 'upload';
  if (name === 'records.export' || name.startsWith('venue.export')) return 'export';
  return 'save';
}
