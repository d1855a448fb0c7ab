import type { Command } from '../command';
import { systemCommands } from './system';
import { tasksCommands } from './tasks';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [...systemCommands, ...tasksCommands];
