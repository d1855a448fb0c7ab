import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { AppCore } from '../core/app';
import { resolveDataDir } from '../core/db/paths';
import { createRouter } from '../api';
import { AppError } from '../../shared/errors';
import { CliClient, print } from './io';
import { COMMANDS } from './commands';
import type { Command, OptionSpec } from './command';
import { startBrowserMode, startClientMode } from '../server/serve';
import { ClientBackend } from '../client/backend';

const GLOBAL: OptionSpec = {
  'data-dir': { type: 'string' },
  user: { type: 'string', short: 'u' },
  password: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'serve'.length) + 2;
  const lines = [
    '为农服务台命令行 (Weinong Desk CLI)',
    '',
    '用法: weinong <命令> [参数] [--data-dir 目录] [--user 用户名] [--json]',
    '  (在项目目录中: npm run cli -- <命令> ...  或  node dist/node/cli.cjs <命令> ...)',
    '',
    '全局参数:',
    '  --data-dir DIR   数据目录（默认：系统用户数据目录，或环境变量 WEINONG_DATA_DIR）',
    '  --user NAME      以该用户身份执行（权限与界面相同）；密码取 --password、环境变量 WEINONG_PASSWORD 或提示输入',
    '  --json           以 JSON 输出',
    '',
    '命令:',
    `  ${'serve'.padEnd(width)}以浏览器模式启动（--host 127.0.0.1 --port 5730；--client 作为客户端连接服务中心主机）`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}${c.usage ? `\n  ${' '.repeat(width)}${c.usage}` : ''}`),
  ];
  return lines.join('\n');
}

function findCommand(words: string[]): { cmd: Command; rest: string[] } | null {
  for (let n = Math.min(3, words.length); n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    const cmd = COMMANDS.find((c) => c.name === name);
    if (cmd) return { cmd, rest: words.slice(n) };
  }
  return null;
}

async function askPassword(user: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`需要用户 ${user} 的密码：请用 --password 或环境变量 WEINONG_PASSWORD 提供`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  return new Promise((resolve) => rl.question(`用户 ${user} 的密码: `, (a) => (rl.close(), resolve(a))));
}

export async function main(argv: string[]): Promise<number> {
  const first = parseArgs({ args: argv, options: GLOBAL, allowPositionals: true, strict: false });
  const words = first.positionals;
  if (first.values.help || words.length === 0) {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const dataDir = resolveDataDir(first.values['data-dir'] as string | undefined);
  if (words[0] === 'serve') {
    const serveArgs = parseArgs({ args: argv, options: { ...GLOBAL, host: { type: 'string' }, port: { type: 'string' }, client: { type: 'boolean' } }, allowPositionals: true });
    const port = Number(serveArgs.values.port ?? 5730);
    const asClient = serveArgs.values.client === true || ClientBackend.configured(dataDir);
    const start = asClient ? startClientMode({ dataDir, host: serveArgs.values.host, port }) : startBrowserMode({ dataDir, host: serveArgs.values.host, port });
    const srv = await start.catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') throw new Error(`端口 ${port} 已被占用：可能已有一个为农服务台在运行（请打开 http://127.0.0.1:${port}），或用 --port 指定其他端口`);
      throw e;
    });
    process.stdout.write(`为农服务台（${asClient ? '客户端模式，连接服务中心主机' : '浏览器模式'}）已启动：${srv.url}\n数据目录：${dataDir}\n按 Ctrl+C 退出\n`);
    return new Promise(() => undefined);
  }
  const found = findCommand(words);
  if (!found) {
    process.stderr.write(`未知命令：${words.join(' ')}\n\n${help()}\n`);
    return 2;
  }
  const { cmd } = found;
  const parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...(cmd.options ?? {}) }, allowPositionals: true });
  const positionals = parsed.positionals.slice(cmd.name.split(' ').length);
  const core = AppCore.open({ dataDir, mode: 'browser' });
  try {
    const client = new CliClient(core, createRouter());
    if (cmd.asUser) {
      const user = (parsed.values.user as string | undefined) ?? process.env.WEINONG_USER;
      if (!user) throw new Error(`命令“${cmd.name}”需要 --user 指定执行的用户`);
      const password = (parsed.values.password as string | undefined) ?? process.env.WEINONG_PASSWORD ?? (await askPassword(user));
      await client.login(user, password);
    }
    const result = await cmd.run(client, { values: parsed.values, positionals });
    print(result, parsed.values.json === true);
    return 0;
  } finally {
    core.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (e: unknown) => {
      const msg = e instanceof AppError ? `${e.message}${e.fields ? `\n${Object.entries(e.fields).map(([k, v]) => `  ${k}: ${v}`).join('\n')}` : ''}` : (e as Error).message;
      process.stderr.write(`错误：${msg}\n`);
      process.exitCode = e instanceof AppError && e.code === 'DB_TOO_NEW' ? 3 : 1;
    },
  );
}
