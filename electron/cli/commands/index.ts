import type { Command } from '../command';
import { systemCommands } from './system';
import { tasksCommands } from './tasks';
import { ledgerCommands } from './ledger';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [...systemCommands, ...tasksCommands, ...ledgerCommands];
