import type { CliClient } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface CommandArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** Words typed after `weinong`, e.g. "backup create". */
  name: string;
  summary: string;
  usage?: string;
  /** Whether the command runs as a named user (--user), with that user's role. */
  asUser: boolean;
  options?: OptionSpec;
  run(client: CliClient, args: CommandArgs): Promise<unknown>;
}

export function str(args: CommandArgs, name: string, required = false): string {
  const v = args.values[name];
  if (typeof v === 'string' && v !== '') return v;
  if (required) throw new Error(`缺少参数 --${name}`);
  return '';
}
