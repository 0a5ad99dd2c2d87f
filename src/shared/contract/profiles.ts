import { z } from 'zod';
import { call } from './define';

const name = z.string().trim().min(1).max(80);
const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4-8 digits');

export const profileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string(),
  venue: z.string(),
  hasPin: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileCalls = {
  'profiles.list': call(
    z.object({}),
    z.object({ profiles: z.array(profileSchema), activeId: z.number().int().nullable() }),
  ),
  'profiles.create': call(
    z.object({ name, unit: name, venue: z.string().trim().max(80).default(''), pin: pin.optional() }),
    profileSchema,
  ),
  'profiles.select': call(z.object({ id: z.number().int().positive(), pin: pin.optional() }), profileSchema),
  'profiles.signOut': call(z.object({}), z.object({ signedOut: z.boolean() })),
};
