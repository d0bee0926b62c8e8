// JSON Schema of each kind of plan file, generated from the zod schemas (never written by hand).

import { z } from 'zod';
import { FILE_SCHEMAS, type FileKind } from './plan-files.js';

const TITLES: Record<FileKind, string> = {
  decision: 'plan decision file',
  units: 'plan units registry',
  leaders: 'plan leaders registry',
  datasets: 'plan dataset definitions',
};

export function jsonSchemaOf(kind: FileKind): string {
  const schema = z.toJSONSchema(FILE_SCHEMAS[kind], { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: TITLES[kind] }, null, 2) + '\n';
}
