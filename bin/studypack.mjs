#!/usr/bin/env node
// The studypack CLI is TypeScript (src/cli/studypack.ts), compiled on the fly by tsx so it runs
// from a source checkout without a build step. tsImport rather than register() + import():
// this package is not "type": "module", so .ts files load as CommonJS, and on Node 20.19+ a
// plain register() + import() of one fails with ERR_REQUIRE_CYCLE_MODULE.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/studypack.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
