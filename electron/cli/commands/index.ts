import type { Command } from '../command';
import { systemCommands } from './system';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [...systemCommands];
