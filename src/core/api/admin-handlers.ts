import type { adminCalls } from '../../shared/contract/admin';
import { removePack } from '../library/remove';
import { deleteProfile, editProfile, profileHistory, resetPin } from '../profiles/admin';
import { venueMode } from '../profiles/venue-mode';
import type { Handlers } from './types';

/** Venue mode, and the administrative actions behind it (each checks venue mode itself). */
export const adminHandlers: Handlers<keyof typeof adminCalls> = {
  'venueMode.get': (_, core) => venueMode(core).status(),
  'venueMode.set': (input, core) => venueMode(core).set(input),
  'venueMode.unlock': ({ pin }, core) => venueMode(core).unlock(pin),
  'venueMode.lock': (_, core) => venueMode(core).lock(),
  'admin.profiles': (_, core, ctx) => {
    venueMode(core).requireUnlocked();
    const { profiles } = core.profiles.list(ctx.clientId);
    return { profiles: profiles.map((p) => ({ ...p, history: profileHistory(core.db, p.id) })) };
  },
  'admin.editProfile': (input, core) => {
    venueMode(core).requireUnlocked();
    return { history: editProfile(core.db, input, core.clock.now().toISOString()) };
  },
  'admin.deleteProfile': (input, core, ctx) => {
    venueMode(core).requireUnlocked();
    const wasActive = core.profiles.list(ctx.clientId).activeId === input.id;
    const result = deleteProfile(core.db, input, core.clock.now().toISOString());
    if (wasActive) core.profiles.signOut(ctx.clientId);
    return result;
  },
  'admin.resetPin': async ({ id, venuePin, newPin }, core) => {
    const mode = venueMode(core);
    mode.requireUnlocked();
    await mode.checkVenuePin(venuePin);
    await resetPin(core.db, id, newPin);
    return { reset: true as const };
  },
  'admin.removePack': ({ packId }, core) => {
    venueMode(core).requireUnlocked();
    return removePack(core.db, packId, core.clock.now().toISOString());
  },
};
