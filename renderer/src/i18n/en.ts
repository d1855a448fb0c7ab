import { EN_SYSTEM } from './en-system';
import { EN_DESK } from './en-desk';
import { EN_MEMBERS } from './en-members';
import { EN_TASKS } from './en-tasks';
import { EN_LEDGER } from './en-ledger';
import { EN_REQUESTS } from './en-requests';
import { EN_MATCHING } from './en-matching';
import { EN_REPORTS } from './en-reports';
import { EN_CREDIT } from './en-credit';

/** English for the UI; keys are the Chinese source strings. Each capability keeps its own file. */
export const EN: Record<string, string> = {
  ...EN_SYSTEM,
  ...EN_DESK,
  ...EN_MEMBERS,
  ...EN_TASKS,
  ...EN_LEDGER,
  ...EN_REQUESTS,
  ...EN_MATCHING,
  ...EN_REPORTS,
  ...EN_CREDIT,
};
