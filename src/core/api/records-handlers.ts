import type { recordCalls } from '../../shared/contract/records';
import type { venueCalls } from '../../shared/contract/venue';
import { venueMode } from '../profiles/venue-mode';
import { exportRecord } from '../records/export';
import { gatherEvidence } from '../records/evidence';
import { installation } from '../records/identity';
import { recordNumber, verificationCode } from '../records/verification';
import { venueCsv, venueXlsx } from '../venue/export';
import { venueImports } from '../venue/imports';
import { localZone } from '../venue/local-time';
import { loadRoster } from '../venue/roster-load';
import type { Handlers } from './types';

export const recordsHandlers: Handlers<keyof typeof recordCalls | keyof typeof venueCalls> = {
  'records.export': ({ format, language, packId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    return exportRecord({
      db: core.db,
      clock: core.clock,
      profileId: s.profileId,
      packId: s.packId,
      format,
      language,
      keyProtector: core.options.keyProtector,
    });
  },
  'records.printInfo': ({ packId }, core, ctx) => {
    const s = core.scope(ctx.clientId, packId);
    const inst = installation(core.db, core.clock, core.options.keyProtector);
    return {
      recordNumber: recordNumber(inst.id, s.profileId),
      verificationCode: verificationCode({
        installationId: inst.id,
        profileId: s.profileId,
        packId: s.packId,
        evidence: gatherEvidence(core.db, s.profileId, s.packId),
      }),
    };
  },
  'records.signingInfo': (_, core) => {
    const inst = installation(core.db, core.clock, core.options.keyProtector);
    return { installationId: inst.id, keyProtected: inst.keyProtected };
  },
  // Venue calls need no participant profile: the venue's operator collects other people's records.
  'venue.begin': ({ packId }, core) => {
    venueMode(core).requireReportAccess();
    return venueImports(core).begin(packId);
  },
  'venue.addBatch': ({ importId, files }, core) => {
    venueMode(core).requireReportAccess();
    return venueImports(core).add(importId, files);
  },
  'venue.finish': ({ importId, roster }, core) => {
    venueMode(core).requireReportAccess();
    return venueImports(core).finish(importId, roster);
  },
  'venue.import': ({ packId, files, roster }, core) => {
    venueMode(core).requireReportAccess();
    const venue = venueImports(core);
    const { importId } = venue.begin(packId);
    venue.add(importId, files);
    return venue.finish(importId, roster);
  },
  'venue.previewRoster': async ({ roster }) => {
    const { people, ...reading } = await loadRoster(roster);
    return { ...reading, total: people.length, first: people.slice(0, 8).map((p) => ({ ...p, row: p.row ?? 0 })) };
  },
  'venue.exportCsv': ({ language, timeZone }, core) =>
    venueCsv(venueImports(core).lastReport(), language, localZone(timeZone)),
  'venue.exportXlsx': ({ language, timeZone }, core) =>
    venueXlsx(venueImports(core).lastReport(), language, localZone(timeZone)),
};
