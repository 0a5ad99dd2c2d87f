import type { appCalls } from '../../shared/contract/app';
import type { profileCalls } from '../../shared/contract/profiles';
import type { Handlers } from './types';

export const appHandlers: Handlers<keyof typeof appCalls | keyof typeof profileCalls> = {
  'app.info': (_, core) => ({
    name: core.options.appName,
    version: core.options.appVersion,
    schemaVersion: core.schemaVersion,
    dataDir: core.options.dataDir,
    builtinPublisher: core.builtinPublisher(),
    notices: core.notices,
  }),
  'app.dismissNotices': (_, core) => {
    const dismissed = core.notices.length;
    core.notices = [];
    return { dismissed };
  },
  'settings.get': (_, core) => core.settings.get(),
  'settings.set': (input, core) => core.settings.set(input),
  'profiles.list': (_, core, ctx) => core.profiles.list(ctx.clientId),
  'profiles.create': (input, core, ctx) => core.profiles.create(ctx.clientId, input),
  'profiles.select': (input, core, ctx) => core.profiles.select(ctx.clientId, input.id, input.pin),
  'profiles.signOut': (_, core, ctx) => ({ signedOut: core.profiles.signOut(ctx.clientId) }),
};
