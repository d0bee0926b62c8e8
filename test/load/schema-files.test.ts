// The committed JSON Schemas are what `plan schema` prints, and every plan file names its schema.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../src/model/json-schema.js';
import { FILE_KINDS, kindOfKeys } from '../../src/model/plan-files.js';
import { parse } from 'yaml';

describe('plans/schema', () => {
  it.each(FILE_KINDS)('%s.schema.json is current (regenerate: plan schema --out plans/schema)', (kind) => {
    expect(readFileSync(`plans/schema/${kind}.schema.json`, 'utf8')).toBe(jsonSchemaOf(kind));
  });

  it.each(readdirSync('plans').filter((f) => f.endsWith('.yaml')))('%s starts with its $schema line', (file) => {
    const text = readFileSync(`plans/${file}`, 'utf8');
    const kind = kindOfKeys(Object.keys(parse(text)));
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=./schema/${kind}.schema.json`);
  });
});
