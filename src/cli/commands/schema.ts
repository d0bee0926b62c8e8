// plan schema: the JSON Schema generated from the zod schemas, for editors' YAML extensions.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../load/write-plan-file.js';
import { jsonSchemaOf } from '../../model/json-schema.js';
import { FILE_KINDS, type FileKind } from '../../model/plan-files.js';
import { commandEnv, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';

export async function run(kind: string, opts: CommonOptions & { out?: string }, io: Io): Promise<number> {
  // A malformed --as-of is the usage error it is for every command.
  commandEnv(opts, io);
  if (opts.out) {
    const dir = resolve(io.cwd, opts.out);
    try {
      mkdirSync(dir, { recursive: true });
      for (const k of FILE_KINDS) {
        const target = join(dir, `${k}.schema.json`);
        writeFileAtomic(target, jsonSchemaOf(k));
        io.stderr.write(`wrote ${join(opts.out, `${k}.schema.json`)}\n`);
      }
    } catch (e) {
      throw new UsageError(`cannot write schemas to ${opts.out}: ${(e as Error).message}`);
    }
    return 0;
  }
  if (!FILE_KINDS.includes(kind as FileKind)) throw new UsageError(`no schema "${kind}"; kinds: ${FILE_KINDS.join(', ')}`);
  io.stdout.write(jsonSchemaOf(kind as FileKind));
  return 0;
}
