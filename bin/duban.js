#!/usr/bin/env node
// The `duban` command line, built by `npm run build` (npm ci runs it) into out/node.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/node/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('duban: the command line is not built yet. Run `npm run build` in the project folder first.\n');
  process.stderr.write('duban：命令行程序尚未构建。请先在项目文件夹中运行 `npm run build`。\n');
  process.exit(1);
}
await import(pathToFileURL(built).href);
