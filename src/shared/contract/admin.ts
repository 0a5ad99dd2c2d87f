import { z } from 'zod';
import { stableId } from '../pack/schema';
import { call } from './define';
import { profileSchema } from './profiles';

const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4-8 digits');
const text = z.string().trim().min(1).max(80);

export const venueModeStatusSchema = z.object({
  /** This computer is set up for a venue: the start screen offers the venue entry. */
  enabled: z.boolean(),
  hasPin: z.boolean(),
  /** The venue's screens may be used now (no PIN, or the PIN was given since start). */
  unlocked: z.boolean(),
});

export const profileChangeSchema = z.object({
  field: z.enum(['name', 'unit', 'venue']),
  from: z.string(),
  to: z.string(),
  at: z.string(),
});

/**
 * Venue mode and the administrative actions a venue (or a laptop's owner) needs. Every admin.*
 * call needs venue mode on and unlocked; a participant's PIN reset also needs the venue PIN itself.
 */
export const adminCalls = {
  'venueMode.get': call(z.object({}), venueModeStatusSchema),
  'venueMode.set': call(
    z.object({ enabled: z.boolean(), pin: pin.nullable().optional(), currentPin: pin.optional() }),
    venueModeStatusSchema,
  ),
  'venueMode.unlock': call(z.object({ pin: pin.optional() }), venueModeStatusSchema),
  'venueMode.lock': call(z.object({}), venueModeStatusSchema),
  'admin.profiles': call(
    z.object({}),
    z.object({ profiles: z.array(profileSchema.extend({ history: z.array(profileChangeSchema) })) }),
  ),
  'admin.editProfile': call(
    z.object({ id: z.number().int().positive(), name: text, unit: text, venue: z.string().trim().max(80) }),
    z.object({ history: z.array(profileChangeSchema) }),
  ),
  /** `confirmName` must repeat the profile's name: deletion is never one click. */
  'admin.deleteProfile': call(
    z.object({ id: z.number().int().positive(), confirmName: z.string().max(80) }),
    z.object({ archiveId: z.number().int(), rows: z.number().int() }),
  ),
  'admin.resetPin': call(
    z.object({ id: z.number().int().positive(), venuePin: pin, newPin: pin.nullable() }),
    z.object({ reset: z.literal(true) }),
  ),
  'admin.removePack': call(
    z.object({ packId: stableId, confirm: z.literal(true) }),
    z.object({ archived: z.number().int() }),
  ),
};
