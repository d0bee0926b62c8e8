// Measure rules: every target's measure names a dataset, columns, values, topics, unit tags and
// operators that exist, each finding at its position with "did you mean".

import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Target } from '../../model/decision.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import {
  CONDITION_OPERATORS,
  TRAINED_WINDOWS,
  UNIT_LEVELS,
  UNIT_TEST_KEYS,
  isComparisonText,
  parseComparison,
  type Condition,
  type Trained,
} from '../../model/measure.js';
import { UNIT_KINDS } from '../../model/units.js';
import { isIsoDay } from '../../period/calendar.js';
import { parsePeriod } from '../../period/parse-period.js';
import { closest } from '../did-you-mean.js';
import type { NodePath, SourceFile } from '../source-file.js';
import type { CheckContext, Rule } from './context.js';

interface Env {
  ctx: CheckContext;
  src: SourceFile;
  out: Diagnostic[];
  datasets: Map<string, Dataset>;
  unitTags: Set<string>;
  hasTerm: boolean;
}

const didYouMean = (word: string, candidates: Iterable<string>, otherwise?: string): { hint?: string } => {
  const guess = closest(word, candidates);
  return guess ? { hint: `did you mean "${guess}"?` } : otherwise ? { hint: otherwise } : {};
};

const list = (xs: Iterable<string>, max = 12): string => {
  const a = [...xs];
  return a.slice(0, max).join(', ') + (a.length > max ? ', …' : '');
};

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** Checks one scalar against a column's type; returns a finding's message and hint, or undefined when it fits. */
function checkScalar(env: Env, col: DatasetColumn, v: unknown, path: NodePath): void {
  const { src, out } = env;
  const bad = (msg: string, code: Diagnostic['code'] = 'VALUE_UNKNOWN', extra: { hint?: string } = {}) => out.push(src.diagnostic(code, msg, path, extra));
  switch (col.type) {
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) bad(`${col.name} is a whole number; ${show(v)} is not one`, 'MEASURE_INVALID');
      return;
    case 'boolean':
      if (typeof v !== 'boolean') bad(`${col.name} is true or false, not ${show(v)}`, 'MEASURE_INVALID');
      return;
    case 'date':
      if (typeof v !== 'string' || !isIsoDay(v)) bad(`${col.name} is a date written YYYY-MM-DD, not ${show(v)}`, 'MEASURE_INVALID');
      return;
    case 'unit':
      if (typeof v !== 'string') bad(`${col.name} is a unit id, not ${show(v)}`, 'MEASURE_INVALID');
      else if (!env.ctx.unitIds.has(v)) bad(`unit "${v}" is not in the registry`, 'UNIT_UNKNOWN', didYouMean(v, env.ctx.unitIds));
      return;
    default:
      if (typeof v !== 'string') {
        bad(`${col.name} holds text; write ${show(v)} in quotes`, 'MEASURE_INVALID');
        return;
      }
      if (col.values && !col.values.includes(v)) bad(`${col.name} has no value "${v}" (it takes ${list(col.values)})`, 'VALUE_UNKNOWN', didYouMean(v, col.values));
  }
}

const ORDERED = new Set(['integer', 'date']);

function checkComparison(env: Env, col: DatasetColumn | 'age', text: string, path: NodePath): void {
  const { src, out } = env;
  const name = col === 'age' ? 'age' : col.name;
  const c = parseComparison(text);
  if (!c.ok) {
    out.push(
      src.diagnostic('OPERATOR_INVALID', `"${c.written}" is not an operator`, path, {
        hint: c.guess ? `did you mean "${c.guess}"? (write "${text.replace(c.written, c.guess).trim()}")` : 'write one of >=, <=, >, <, =, != and a value, such as ">= 4"',
      }),
    );
    return;
  }
  const type = col === 'age' ? 'integer' : col.type;
  if (!ORDERED.has(type) && c.op !== '=' && c.op !== '!=') {
    out.push(src.diagnostic('OPERATOR_INVALID', `${name} is ${type === 'enum' || type === 'text' ? 'text' : type}: it can be compared with = or != only, not ${c.op}`, path));
    return;
  }
  if (type === 'integer') {
    if (!/^-?\d+$/.test(c.operand)) out.push(src.diagnostic('MEASURE_INVALID', `${name} ${c.op} needs a whole number, not "${c.operand}"`, path));
    return;
  }
  if (col === 'age') return;
  const operand: unknown = col.type === 'boolean' ? (c.operand === 'true' ? true : c.operand === 'false' ? false : c.operand) : c.operand;
  checkScalar(env, col, operand, path);
}

function checkUnitTest(env: Env, col: DatasetColumn, v: Record<string, unknown>, path: NodePath): void {
  const { src, out } = env;
  for (const [k, x] of Object.entries(v)) {
    const p = [...path, k];
    switch (k) {
      case 'level':
        if (typeof x !== 'string' || !(UNIT_LEVELS as readonly string[]).includes(x)) {
          out.push(src.diagnostic('VALUE_UNKNOWN', `level is one of ${UNIT_LEVELS.join(', ')}, not ${show(x)}`, p, typeof x === 'string' ? didYouMean(x, UNIT_LEVELS) : {}));
        }
        break;
      case 'kind':
        if (typeof x !== 'string' || !(UNIT_KINDS as readonly string[]).includes(x)) {
          out.push(src.diagnostic('VALUE_UNKNOWN', `kind is one of ${UNIT_KINDS.join(', ')}, not ${show(x)}`, p, typeof x === 'string' ? didYouMean(x, UNIT_KINDS) : {}));
        }
        break;
      case 'tag':
        for (const [i, t] of (Array.isArray(x) ? x : [x]).entries()) {
          const tp = Array.isArray(x) ? [...p, i] : p;
          if (typeof t !== 'string') out.push(src.diagnostic('MEASURE_INVALID', `a unit tag is text, not ${show(t)}`, tp));
          else if (!env.unitTags.has(t)) {
            out.push(src.diagnostic('UNIT_TAG_UNKNOWN', `no unit in the registry has the tag "${t}"`, tp, didYouMean(t, env.unitTags, env.unitTags.size ? `tags in use: ${list(env.unitTags)}` : 'tag units in the registry first (`tags: [..]`)')));
          }
        }
        break;
      case 'in':
        checkScalar(env, col, x, p);
        break;
      default:
        out.push(src.diagnostic('FIELD_UNKNOWN', `unknown unit attribute "${k}"`, p, { key: true, ...didYouMean(k, UNIT_TEST_KEYS, `a unit column takes ${UNIT_TEST_KEYS.join(', ')}`) }));
    }
  }
}

function checkFieldTest(env: Env, col: DatasetColumn, v: unknown, path: NodePath): void {
  if (typeof v === 'string' && isComparisonText(v)) return checkComparison(env, col, v, path);
  if (Array.isArray(v)) {
    if (v.length === 0) env.out.push(env.src.diagnostic('MEASURE_INVALID', `an empty list matches nothing`, path));
    v.forEach((x, i) => checkScalar(env, col, x, [...path, i]));
    return;
  }
  if (v !== null && typeof v === 'object') {
    if (col.type === 'unit') return checkUnitTest(env, col, v as Record<string, unknown>, path);
    env.out.push(env.src.diagnostic('MEASURE_INVALID', `${col.name} takes a value, a list or a comparison such as ">= 4", not a mapping`, path));
    return;
  }
  if (v === null) {
    env.out.push(env.src.diagnostic('MEASURE_INVALID', `${col.name} needs a value`, path));
    return;
  }
  checkScalar(env, col, v, path);
}

function eventsOf(env: Env, people: Dataset): Dataset | undefined {
  return [...env.datasets.values()].find((d) => d.kind === 'events' && d.of === people.id);
}

function checkTrained(env: Env, people: Dataset, t: Trained, path: NodePath): void {
  const { src, out } = env;
  const events = eventsOf(env, people);
  if (!events) {
    out.push(src.diagnostic('DATASET_UNKNOWN', `no events dataset records trainings of ${people.id}`, path, { key: true, hint: 'define one with `kind: events` and `of: ' + people.id + '`' }));
    return;
  }
  if (t.topic !== undefined) {
    const topicCol = events.columns.find((c) => c.name === events.topic);
    if (!topicCol) out.push(src.diagnostic('DATASET_INVALID', `dataset ${events.id} names no topic column`, [...path, 'topic'], { key: true }));
    else if (topicCol.values) {
      for (const [i, topic] of (Array.isArray(t.topic) ? t.topic : [t.topic]).entries()) {
        if (!topicCol.values.includes(topic)) {
          out.push(src.diagnostic('TOPIC_UNKNOWN', `no training topic "${topic}"`, Array.isArray(t.topic) ? [...path, 'topic', i] : [...path, 'topic'], didYouMean(topic, topicCol.values, `topics: ${list(topicCol.values, 20)}`)));
        }
      }
    }
  }
  if (t.abroad !== undefined && events.abroad === undefined) out.push(src.diagnostic('DATASET_INVALID', `dataset ${events.id} names no abroad column`, [...path, 'abroad'], { key: true }));
  if (t.in !== undefined && !(TRAINED_WINDOWS as readonly string[]).includes(t.in)) {
    const p = parsePeriod(t.in);
    if (!p.ok || p.period.from === null || p.period.to === null) {
      out.push(src.diagnostic('VALUE_UNKNOWN', `"in" is period, term, ever or a period such as "2022 - 2025", not "${t.in}"`, [...path, 'in'], didYouMean(t.in, TRAINED_WINDOWS)));
    }
  }
  if (t.in === 'term' && !env.hasTerm) out.push(src.diagnostic('MEASURE_INVALID', `the decision has no term for "in: term"`, [...path, 'in'], { hint: 'add `term:` to the decision or give the years' }));
}

function checkCondition(env: Env, ds: Dataset, cond: Condition, path: NodePath): void {
  const { src, out } = env;
  const columns = new Map(ds.columns.map((c) => [c.name, c]));
  for (const [key, v] of Object.entries(cond)) {
    const p = [...path, key];
    switch (key) {
      case 'all':
      case 'any':
        (v as Condition[]).forEach((c, i) => checkCondition(env, ds, c, [...p, i]));
        continue;
      case 'not':
        checkCondition(env, ds, v as Condition, p);
        continue;
      case 'has': {
        const tagsCol = ds.tags !== undefined ? columns.get(ds.tags) : undefined;
        if (!tagsCol) {
          out.push(src.diagnostic('MEASURE_INVALID', `dataset ${ds.id} names no tags column for "has"`, p, { key: true }));
          continue;
        }
        (Array.isArray(v) ? v : [v]).forEach((tag, i) => checkScalar(env, tagsCol, tag, Array.isArray(v) ? [...p, i] : p));
        continue;
      }
      case 'age': {
        if (ds.birth_year === undefined) {
          out.push(src.diagnostic('MEASURE_INVALID', `dataset ${ds.id} names no birth_year column for "age"`, p, { key: true }));
          continue;
        }
        if (typeof v === 'string') checkComparison(env, 'age', v, p);
        continue;
      }
      case 'trained':
        if (ds.kind !== 'people') out.push(src.diagnostic('MEASURE_INVALID', `"trained" counts people; ${ds.id} is a ${ds.kind} dataset`, p, { key: true }));
        else checkTrained(env, ds, v as Trained, p);
        continue;
    }
    const col = columns.get(key);
    if (!col) {
      out.push(
        src.diagnostic('FIELD_UNKNOWN', `dataset ${ds.id} has no column "${key}"`, p, {
          key: true,
          ...didYouMean(key, [...columns.keys(), ...CONDITION_OPERATORS], `columns: ${list(columns.keys())}; operators: ${CONDITION_OPERATORS.join(', ')}`),
        }),
      );
      continue;
    }
    checkFieldTest(env, col, v, p);
  }
}

function checkMeasure(env: Env, t: Target, path: NodePath): void {
  const { src, out } = env;
  const m = t.measure;
  const kind = t.kind ?? 'numeric';
  if (m === undefined) {
    if (kind === 'numeric') {
      out.push(src.diagnostic('MEASURE_MISSING', `target ${t.id} has no measure; it shows as "no data"`, path, { severity: 'warning', hint: 'add `measure:` (or `measure: { none: "why no data can measure it" }`)' }));
    }
    return;
  }
  const mp = [...path, 'measure'];
  if ('none' in m) return;
  if (kind !== 'numeric') {
    out.push(src.diagnostic('MEASURE_INVALID', `a ${kind} target has no threshold to measure against`, mp, { key: true, hint: 'remove the measure, or write `measure: { none: "…" }`' }));
    return;
  }
  const dsId = 'people' in m ? m.people : m.totals;
  const want = 'people' in m ? 'people' : 'totals';
  const ds = env.datasets.get(dsId);
  const dsPath = [...mp, want];
  if (!ds) {
    out.push(src.diagnostic('DATASET_UNKNOWN', `no dataset "${dsId}"`, dsPath, didYouMean(dsId, env.datasets.keys(), env.datasets.size ? `datasets: ${list(env.datasets.keys())}` : 'define datasets in plans/datasets.yaml')));
    return;
  }
  if (ds.kind !== want) {
    out.push(src.diagnostic('DATASET_INVALID', `"${want}: ${dsId}" needs a ${want} dataset; ${dsId} is ${ds.kind}`, dsPath));
    return;
  }
  if ('people' in m) {
    if (m.population) checkCondition(env, ds, m.population, [...mp, 'population']);
    checkCondition(env, ds, m.achieved, [...mp, 'achieved']);
    return;
  }
  for (const k of ['numerator', 'denominator'] as const) {
    const col = ds.columns.find((c) => c.name === m[k]);
    if (!col) out.push(src.diagnostic('FIELD_UNKNOWN', `dataset ${ds.id} has no column "${m[k]}"`, [...mp, k], didYouMean(m[k], ds.columns.filter((c) => c.type === 'integer').map((c) => c.name))));
    else if (col.type !== 'integer') out.push(src.diagnostic('MEASURE_INVALID', `the ${k} sums a column of whole numbers; "${col.name}" is ${col.type}`, [...mp, k]));
  }
  if (m.where) checkCondition(env, ds, m.where, [...mp, 'where']);
}

export const measuresResolve: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const datasets = new Map(ctx.datasets.flatMap(({ data }) => data.datasets.map((d) => [d.id, d] as const)));
  const unitTags = new Set(ctx.units.flatMap(({ data }) => data.units.flatMap((u) => u.tags ?? [])));
  for (const { src, data } of ctx.decisions) {
    const term = data.decision.term !== undefined ? parsePeriod(data.decision.term) : undefined;
    const env: Env = { ctx, src, out, datasets, unitTags, hasTerm: Boolean(term?.ok && term.period.from) };
    for (const [i, t] of (data.targets ?? []).entries()) checkMeasure(env, t, ['targets', i]);
  }
  return out;
};
