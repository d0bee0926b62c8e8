import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrentEditError, writePlanFile } from '../../src/load/write-plan-file.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-write-'));
  file = join(dir, 'qd.yaml');
  writeFileSync(file, 'a: 1\n');
  chmodSync(file, 0o640);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing an edited plan file', () => {
  it('replaces the file, keeps its permissions and leaves no temporary file', () => {
    writePlanFile(file, Buffer.from('a: 2\n'), Buffer.from('a: 1\n'));
    expect(readFileSync(file, 'utf8')).toBe('a: 2\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['qd.yaml']);
  });

  it('refuses when the file changed since it was read, and writes nothing', () => {
    writeFileSync(file, 'a: 3\n'); // someone else's edit
    expect(() => writePlanFile(file, Buffer.from('a: 2\n'), Buffer.from('a: 1\n'))).toThrow(ConcurrentEditError);
    expect(readFileSync(file, 'utf8')).toBe('a: 3\n');
    expect(readdirSync(dir)).toEqual(['qd.yaml']);
  });
});
