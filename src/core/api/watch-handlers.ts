import type { watchCalls } from '../../shared/contract/watch';
import { ledger } from '../study/ledger';
import { saveWatching } from '../study/watching';
import type { Handlers } from './types';

export const watchHandlers: Handlers<keyof typeof watchCalls> = {
  'watch.save': (input, core, ctx) => {
    const s = core.scope(ctx.clientId, input.packId);
    return saveWatching(core.db, { ...s, sessionId: input.sessionId }, input);
  },
  'progress.ledger': ({ packId, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return ledger(core.db, s.profileId, s.packId, language);
  },
};
