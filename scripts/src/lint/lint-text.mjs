// Lints snippets as files of this repository would be, for architecture.test.ts. ESLint loads its flat config
// with import(), which Jest's module sandbox refuses (it needs --experimental-vm-modules), so the test runs this
// in a plain Node process: stdin is [{ filePath, code }] (filePath relative to the root), stdout the messages.
import path from 'node:path';
import process from 'node:process';
import { text } from 'node:stream/consumers';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '../../..');
const snippets = JSON.parse(await text(process.stdin));
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
const results = [];
for (const { filePath, code } of snippets) {
  // warnIgnored: a snippet outside what the config lints comes back as a message, never as a silent pass.
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath), warnIgnored: true });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
