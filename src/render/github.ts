// GitHub Actions workflow commands (::error / ::warning / ::notice annotations), escaped as the runner expects.

import { inertText } from '../model/inert-text.js';

export function escapeData(s: string): string {
  return inertText(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
  message: string;
}

/** One annotation line; GitHub shows it on the file and line in the pull request. */
export function annotation(a: Annotation): string {
  const props = [`file=${escapeProperty(a.file)}`];
  if (a.line !== undefined && a.line > 0) {
    props.push(`line=${a.line}`);
    if (a.col !== undefined) props.push(`col=${a.col}`);
    if (a.endLine !== undefined) props.push(`endLine=${a.endLine}`);
    if (a.endColumn !== undefined && a.endLine === a.line) props.push(`endColumn=${a.endColumn}`);
  }
  if (a.title !== undefined) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level} ${props.join(',')}::${escapeData(a.message)}\n`;
}
