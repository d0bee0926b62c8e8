// Colours for terminal renderers, off unless the context allows them.

import { Chalk, type ChalkInstance } from 'chalk';
import type { RenderContext } from './context.js';

const cache = new Map<boolean, ChalkInstance>();

export function paint(ctx: RenderContext): ChalkInstance {
  let c = cache.get(ctx.color);
  if (!c) {
    c = new Chalk({ level: ctx.color ? 1 : 0 });
    cache.set(ctx.color, c);
  }
  return c;
}

/** Colour of each derived state in tables. */
export function stateColor(ctx: RenderContext, state: string): (s: string) => string {
  const c = paint(ctx);
  switch (state) {
    case 'overdue':
      return c.red.bold;
    case 'due-soon':
      return c.yellow;
    case 'done':
      return c.green;
    case 'waiting':
      return c.magenta;
    case 'cancelled':
      return c.gray;
    case 'not-started-yet':
      return c.blue;
    case 'met':
      return c.green;
    case 'not-met':
      return c.red;
    default:
      return (s: string) => s;
  }
}
