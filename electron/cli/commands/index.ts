import type { Command } from '../command';
import { systemCommands } from './system';
import { membersCommands } from './members';
import { tasksCommands } from './tasks';
import { ledgerCommands } from './ledger';
import { requestsCommands } from './requests';
import { matchingCommands } from './matching';
import { reportsCommands } from './reports';
import { creditCommands } from './credit';

/** Capabilities append their command lists here. */
export const COMMANDS: Command[] = [
  ...systemCommands,
  ...membersCommands,
  ...tasksCommands,
  ...ledgerCommands,
  ...requestsCommands,
  ...matchingCommands,
  ...reportsCommands,
  ...creditCommands,
];
