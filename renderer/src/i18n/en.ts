import { EN_SYSTEM } from './en-system';

/** English for the UI; keys are the Chinese source strings. Each capability keeps its own file. */
export const EN: Record<string, string> = {
  ...EN_SYSTEM,
};
