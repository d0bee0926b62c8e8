// What a command definition is given: the world (io) and where its run module puts the exit code.

import type { Command } from 'commander';
import type { Io } from '../io.js';

export interface Session {
  io: Io;
  /** The exit code the command's run module returned. */
  code: number;
}

/**
 * Declares one command (or a family, like the recording commands) on the program: its arguments,
 * options (through the builders in ../options.ts), help examples, and an action that imports the
 * run module (../commands/NAME.ts) only when the command runs, so start-up stays small.
 */
export type Define = (program: Command, session: Session) => void;
