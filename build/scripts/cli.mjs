#!/usr/bin/env node
// `npm run cli -- <command>`: rebuilds the Node bundle (about 50 ms) so the CLI always matches the
// source, then runs it with the same arguments and exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = spawnSync(process.execPath, [path.join(root, 'build', 'scripts', 'build.mjs'), '--node', '--quiet'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'node', 'cli.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
