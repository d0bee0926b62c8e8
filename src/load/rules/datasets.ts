// Dataset definition rules: unique ids, columns and headers; roles that name columns of the right type.

import { ROLES, ROLE_KEYS, ROLE_TYPES, type Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { closest } from '../did-you-mean.js';
import type { NodePath, SourceFile } from '../source-file.js';
import type { Rule } from './context.js';
import { foldHeader } from '../fold.js';
import { foldLabel } from '../data/values.js';

export const datasetDefinitions: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, { src: SourceFile; path: NodePath }>();
  const all = ctx.datasets.flatMap(({ src, data }) => data.datasets.map((d, i) => ({ src, d, path: ['datasets', i] as NodePath })));
  const byId = new Map(all.map((x) => [x.d.id, x.d]));
  for (const { src, d, path } of all) {
    const first = seen.get(d.id);
    if (first) {
      const at = first.src.spanAt(first.path);
      out.push(src.diagnostic('ID_DUPLICATE', `dataset id "${d.id}" is already used at ${first.src.path}:${at.line}:${at.column}`, [...path, 'id']));
    } else {
      seen.set(d.id, { src, path: [...path, 'id'] });
    }
    out.push(...checkDataset(src, d, path, byId));
  }
  return out;
};

function checkDataset(src: SourceFile, d: Dataset, path: NodePath, byId: Map<string, Dataset>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map<string, number>();
  const headers = new Map<string, string>();
  for (const [i, c] of d.columns.entries()) {
    const cpath = [...path, 'columns', i];
    if (names.has(c.name)) out.push(src.diagnostic('ID_DUPLICATE', `column "${c.name}" is defined twice in dataset ${d.id}`, [...cpath, 'name']));
    names.set(c.name, i);
    for (const [j, h] of [c.name, ...(c.aliases ?? [])].entries()) {
      const key = foldHeader(h);
      const owner = headers.get(key);
      if (owner !== undefined && owner !== c.name) {
        out.push(src.diagnostic('NAME_DUPLICATE', `header "${h}" already means column "${owner}"`, j === 0 ? [...cpath, 'name'] : [...cpath, 'aliases', j - 1], { hint: 'a header may name one column only' }));
      } else {
        headers.set(key, c.name);
      }
    }
    if (c.type === 'enum' && !c.values) out.push(src.diagnostic('DATASET_INVALID', `enum column "${c.name}" lists no values`, [...cpath, 'type'], { hint: 'add `values: [..]`' }));
    if (c.values && !['enum', 'list', 'text'].includes(c.type)) out.push(src.diagnostic('DATASET_INVALID', `a ${c.type} column takes no values`, [...cpath, 'values'], { key: true }));
    for (const k of ['min', 'max'] as const) {
      if (c[k] !== undefined && c.type !== 'integer') out.push(src.diagnostic('DATASET_INVALID', `only an integer column has a ${k}`, [...cpath, k], { key: true }));
    }
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) out.push(src.diagnostic('DATASET_INVALID', `min ${c.min} is above max ${c.max}`, [...cpath, 'min']));
    out.push(...checkValueAliases(src, c, cpath));
    if (c.empty_means !== undefined && c.type !== 'boolean') out.push(src.diagnostic('DATASET_INVALID', 'only a boolean column has empty_means', [...cpath, 'empty_means'], { key: true }));
  }
  const { allowed, required } = ROLES[d.kind];
  for (const role of ROLE_KEYS) {
    const col = d[role];
    if (col === undefined) {
      if (required.includes(role)) out.push(src.diagnostic('KEY_MISSING', `a ${d.kind} dataset names its ${role} column: add \`${role}: COLUMN\``, path));
      continue;
    }
    if (!allowed.includes(role)) {
      out.push(src.diagnostic('DATASET_INVALID', `"${role}" is not a role of a ${d.kind} dataset (it takes ${allowed.join(', ')})`, [...path, role], { key: true }));
      continue;
    }
    const i = names.get(col);
    if (i === undefined) {
      const guess = closest(col, names.keys());
      out.push(src.diagnostic('FIELD_UNKNOWN', `${role}: dataset ${d.id} has no column "${col}"`, [...path, role], guess ? { hint: `did you mean "${guess}"?` } : {}));
      continue;
    }
    const type = d.columns[i]!.type;
    if (!ROLE_TYPES[role].includes(type)) {
      out.push(src.diagnostic('DATASET_INVALID', `the ${role} column "${col}" must be of type ${ROLE_TYPES[role].join(' or ')}, not ${type}`, [...path, role]));
    }
  }
  if (d.kind === 'events') {
    if (d.of === undefined) out.push(src.diagnostic('KEY_MISSING', 'an events dataset names the people dataset its rows are about: add `of: DATASET`', path));
    else if (byId.get(d.of)?.kind !== 'people') {
      const guess = closest(d.of, [...byId.values()].filter((x) => x.kind === 'people').map((x) => x.id));
      out.push(src.diagnostic('DATASET_UNKNOWN', `"${d.of}" is not a people dataset`, [...path, 'of'], guess ? { hint: `did you mean "${guess}"?` } : {}));
    }
  } else if (d.of !== undefined) {
    out.push(src.diagnostic('DATASET_INVALID', `only an events dataset has "of"`, [...path, 'of'], { key: true }));
  }
  return out;
}

/** A value alias names a value the column takes, and a label means one value only. */
function checkValueAliases(src: SourceFile, c: Dataset['columns'][number], cpath: NodePath): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!c.value_aliases) return out;
  const apath = [...cpath, 'value_aliases'];
  const labels = new Map<string, string>();
  for (const v of c.values ?? []) labels.set(foldLabel(v), v);
  for (const [value, list] of Object.entries(c.value_aliases)) {
    let ok: boolean;
    let takes: string;
    if (c.type === 'integer') {
      ok = /^-?\d+$/.test(value) && (c.min === undefined || Number(value) >= c.min) && (c.max === undefined || Number(value) <= c.max);
      takes = `a whole number${c.min !== undefined && c.max !== undefined ? ` from ${c.min} to ${c.max}` : ''}`;
    } else if (c.type === 'boolean') {
      ok = value === 'true' || value === 'false';
      takes = '"true" or "false"';
    } else if (c.values) {
      ok = c.values.includes(value);
      takes = `one of its values (${c.values.join(', ')})`;
    } else {
      out.push(src.diagnostic('DATASET_INVALID', `a ${c.type} column without values takes no value aliases`, apath, { key: true }));
      return out;
    }
    if (!ok) {
      const guess = c.values ? closest(value, c.values) : undefined;
      out.push(src.diagnostic('VALUE_UNKNOWN', `value alias key "${value}" is not a value of column "${c.name}": it takes ${takes}`, [...apath, value], { key: true, ...(guess ? { hint: `did you mean "${guess}"?` } : {}) }));
      continue;
    }
    list.forEach((label, j) => {
      const key = foldLabel(label);
      const owner = labels.get(key);
      if (owner !== undefined && owner !== value) out.push(src.diagnostic('NAME_DUPLICATE', `"${label}" already means ${owner} in column "${c.name}"`, [...apath, value, j], { hint: 'a label may mean one value only' }));
      else labels.set(key, value);
    });
  }
  return out;
}
