import type { Command } from '../command';
import { systemCommands } from './system';
import { tasksCommands } from './tasks';
import { matchingCommands } from './matching';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [...systemCommands, ...tasksCommands, ...matchingCommands];
