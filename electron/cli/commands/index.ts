import type { Command } from '../command';
import { systemCommands } from './system';
import { tasksCommands } from './tasks';
import { requestsCommands } from './requests';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [...systemCommands, ...tasksCommands, ...requestsCommands];
