import { migration001 } from './001-initial';
import { migration002 } from './002-quizzes';
import { migration003 } from './003-search';
import { migration004 } from './004-installation';
import { migration005 } from './005-translations';
import { migration006 } from './006-media';
import { migration007 } from './007-profile-admin';
import { migration008 } from './008-pin-attempts-and-content-digests';
import { migration009 } from './009-watching';
import type { Migration } from './types';

/** The registry: one file per schema version, in order. Append, never edit a shipped one. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];

export const latestVersion = migrations[migrations.length - 1]!.version;
