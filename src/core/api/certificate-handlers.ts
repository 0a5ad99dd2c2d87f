import type { certificateCalls } from '../../shared/contract/certificate';
import { venueMode } from '../profiles/venue-mode';
import { certificate } from '../records/certificate';
import { installation } from '../records/identity';
import { checkCertificate } from '../venue/certificate-check';
import { venueImports } from '../venue/imports';
import type { Handlers } from './types';

export const certificateHandlers: Handlers<keyof typeof certificateCalls> = {
  'certificate.get': ({ packId, language }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    const inst = installation(core.db, core.clock, core.options.keyProtector);
    return certificate(core.db, { installationId: inst.id, profileId: s.profileId, packId: s.packId }, language);
  },
  // Like the other venue calls: no participant profile, the venue PIN when one is set.
  'venue.verifyCertificate': ({ number, code, language }, core) => {
    venueMode(core).requireReportAccess();
    return checkCertificate(core.db, venueImports(core).lastReport(), { number, code: code || undefined, language });
  },
};
