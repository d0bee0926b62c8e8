// A cache of checked plans keyed by the exact bytes of every plan file and the build of `plan`:
// reading YAML and checking schemas costs most of a cold start, and plan files rarely change
// between two runs. Any changed byte, added or removed file, or new build misses the cache.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { PlanSet } from '../model/plan-set.js';
import { writeFileAtomic } from './write-plan-file.js';

declare const __PLAN_BUILD__: string | undefined;

/** The build's id, injected by scripts/build.mjs; undefined when running from source (tests), which disables the cache. */
export function buildId(): string | undefined {
  return typeof __PLAN_BUILD__ === 'string' ? __PLAN_BUILD__ : undefined;
}

export function cacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env['PLAN_CACHE'] === '0' || env['PLAN_CACHE'] === 'off') return undefined;
  if (env['PLAN_CACHE_DIR']) return env['PLAN_CACHE_DIR'];
  const base = env['XDG_CACHE_HOME'] || (env['HOME'] ? join(env['HOME'], '.cache') : join(homedir(), '.cache'));
  return join(base, 'plan');
}

export function cacheKey(build: string, files: { path: string; bytes: Uint8Array }[]): string {
  const h = createHash('sha256');
  h.update(build);
  for (const f of files) {
    h.update('\0' + f.path + '\0' + f.bytes.length + '\0');
    h.update(f.bytes);
  }
  return h.digest('hex');
}

// The key each cached or cacheable PlanSet was checked under, so results computed from it (measured
// targets, src/cli/measure-cache.ts) can be keyed by the same bytes without hashing them again.
const keyOf = new WeakMap<PlanSet, string>();

export function rememberPlanKey(plans: PlanSet, key: string): void {
  keyOf.set(plans, key);
}

/** The cache key of the plan files this PlanSet was checked from; undefined when the cache is off. */
export function planKey(plans: PlanSet): string | undefined {
  return keyOf.get(plans);
}

interface Entry {
  key: string;
  plans: Omit<PlanSet, 'unitById' | 'leaderById'>;
  diagnostics: Diagnostic[];
}

function entryPath(dir: string, plansDir: string): string {
  // One entry per plans directory, overwritten on change, so the cache does not grow.
  return join(dir, createHash('sha256').update(plansDir).digest('hex').slice(0, 24) + '.json');
}

export function readCache(dir: string, plansDir: string, key: string): { plans: PlanSet; diagnostics: Diagnostic[] } | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(dir, plansDir), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry.key !== key) return undefined;
  const { units, leaders, decisions, datasets } = entry.plans;
  if (!Array.isArray(datasets)) return undefined;
  return {
    plans: { units, leaders, decisions, datasets, unitById: new Map(units.map((u) => [u.id, u])), leaderById: new Map(leaders.map((l) => [l.id, l])) },
    diagnostics: entry.diagnostics,
  };
}

export function writeCache(dir: string, plansDir: string, key: string, plans: PlanSet, diagnostics: Diagnostic[]): void {
  const { units, leaders, decisions, datasets } = plans;
  const entry: Entry = { key, plans: { units, leaders, decisions, datasets }, diagnostics };
  const target = entryPath(dir, plansDir);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(target, JSON.stringify(entry));
  } catch {
    // A cache that cannot be written only costs speed.
  }
}
