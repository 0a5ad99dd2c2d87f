import { parseArgs } from 'node:util';
import { build } from './commands/build';
import { inspect } from './commands/inspect';
import { keygen } from './commands/keygen';
import { verify } from './commands/verify';
import { EXIT, reportError, UsageError, type Io } from './errors';
import { printLines, terminalSafe } from './terminal-safe';

/**
 * `studypack`: make keys, build signed packs from authoring folders, verify and inspect packs.
 * Exit codes: 0 ok, 1 invalid input (bad pack or folder, failed verification, untrusted signer),
 * 2 usage error, 3 internal failure.
 */
export const USAGE = `studypack - build, sign and check study packs

Usage:
  studypack keygen [-o <folder or name prefix>]
      Make an Ed25519 key pair: <name>.key (private, mode 0600) and <name>.pub.
  studypack build <folder> --key <private key file> -o <file.studypack>
      Check an authoring folder and write the signed pack.
  studypack verify <file.studypack> [--trust <public key file>]
      Check a pack; with --trust, also require that key's signature.
  studypack inspect <file.studypack>
      Verify a pack and show its manifest, sessions and files.

Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal failure.`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  key: { type: 'string', short: 'k' },
  trust: { type: 'string', short: 't' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { output?: string; key?: string; trust?: string; help?: boolean };

function parse(argv: string[]): { command: string | undefined; args: string[]; values: Values } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { command: positionals[0], args: positionals.slice(1), values };
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function checkArgs(command: string, args: string[], values: Values, count: number, allowed: Array<keyof Values>): void {
  if (args.length !== count)
    throw new UsageError(
      `"${command}" takes ${count === 0 ? 'no arguments' : `${count} argument${count > 1 ? 's' : ''}`}, got ${args.length}.`,
    );
  for (const name of Object.keys(values) as Array<keyof Values>) {
    if (!allowed.includes(name)) throw new UsageError(`"${command}" does not take --${name}.`);
  }
}

function required(value: string | undefined, flag: string, command: string): string {
  if (!value) throw new UsageError(`"${command}" needs ${flag}.`);
  return value;
}

async function run({ command, args, values }: ReturnType<typeof parse>, io: Io): Promise<number> {
  if (values.help || command === 'help' || command === undefined) {
    if (command === undefined && !values.help) throw new UsageError('no command given.');
    printLines(io.out, USAGE);
    return EXIT.ok;
  }
  switch (command) {
    case 'keygen':
      checkArgs(command, args, values, 0, ['output']);
      return keygen({ output: values.output }, io);
    case 'build': {
      checkArgs(command, args, values, 1, ['key', 'output']);
      const opts = {
        key: required(values.key, '--key <file>', command),
        output: required(values.output, '-o <file.studypack>', command),
      };
      return build(args[0]!, opts, io);
    }
    case 'verify':
      checkArgs(command, args, values, 1, ['trust']);
      return verify(args[0]!, { trust: values.trust }, io);
    case 'inspect':
      checkArgs(command, args, values, 1, []);
      return inspect(args[0]!, io);
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

/** Runs the CLI and returns the exit code; errors go to stderr naming the file at fault. */
export async function main(argv: string[], rawIo: Io = { out: console.log, err: console.error }): Promise<number> {
  // Pack content (entry names, titles, publisher names) is hostile input: nothing reaches the terminal raw.
  const io = terminalSafe(rawIo);
  let where: string | undefined; // the folder or pack the command works on, to name it in errors
  try {
    const parsed = parse(argv);
    where = parsed.args[0];
    return await run(parsed, io);
  } catch (e) {
    return reportError(e, io, where);
  }
}
