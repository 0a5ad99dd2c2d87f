import type { recordCalls } from '../../shared/contract/records';
import type { venueCalls } from '../../shared/contract/venue';
import { exportRecord } from '../records/export';
import { venueCsv, venueXlsx } from '../venue/export';
import { venueImports } from '../venue/imports';
import type { Handlers } from './types';

export const recordsHandlers: Handlers<keyof typeof recordCalls | keyof typeof venueCalls> = {
  'records.export': ({ format, language, packId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return exportRecord({ db: core.db, clock: core.clock, profileId: s.profileId, packId: s.packId, format, language });
  },
  // Venue calls need no participant profile: the venue's operator collects other people's records.
  'venue.begin': ({ packId }, core) => venueImports(core).begin(packId),
  'venue.addBatch': ({ importId, files }, core) => venueImports(core).add(importId, files),
  'venue.finish': ({ importId, roster }, core) => venueImports(core).finish(importId, roster),
  'venue.import': ({ packId, files, roster }, core) => {
    const venue = venueImports(core);
    const { importId } = venue.begin(packId);
    venue.add(importId, files);
    return venue.finish(importId, roster);
  },
  'venue.exportCsv': ({ language }, core) => venueCsv(venueImports(core).lastReport(), language),
  'venue.exportXlsx': ({ language }, core) => venueXlsx(venueImports(core).lastReport(), language),
};
