// @ts-check
// Bundles the dashboard into dist/: hashed assets (long-cached) and index.html (revalidated), each also written
// gzipped and brotli-compressed so the gateway serves them from memory without compressing per request.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = import.meta.dirname;
const dist = path.join(root, 'dist');

await rm(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(root, 'src/main.tsx')],
  outdir: path.join(dist, 'assets'),
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  publicPath: '/assets',
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  // Chromium, Firefox and Safari of the last few years: no transpiling of what they already run.
  target: ['es2022'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'linked',
});

const outputs = Object.entries(result.metafile.outputs);
const entry = outputs.find(([, output]) => output.entryPoint?.endsWith('main.tsx'));
if (!entry) throw new Error('esbuild wrote no entry chunk');
const href = (file) => `/assets/${path.basename(file)}`;
const css = entry[1].cssBundle;
const template = await readFile(path.join(root, 'src/index.html'), 'utf8');
const html = template
  .replace('<!--styles-->', css ? `<link rel="stylesheet" href="${href(css)}" />` : '')
  .replace('<!--script-->', `<script type="module" src="${href(entry[0])}"></script>`);
await writeFile(path.join(dist, 'index.html'), html);

// What the first visit downloads: the page, its entry chunk (with the chunks it imports statically) and its CSS.
const firstLoad = new Set([path.join(dist, 'index.html'), path.resolve(entry[0])]);
if (css) firstLoad.add(path.resolve(css));
for (const imported of entry[1].imports) {
  if (imported.kind === 'import-statement') firstLoad.add(path.resolve(imported.path));
}
const files = [path.join(dist, 'index.html'), ...outputs.map(([file]) => path.resolve(file))];
let firstLoadGzip = 0;
const manifest = {};
for (const file of files) {
  if (file.endsWith('.map') || file.endsWith('.LEGAL.txt')) continue;
  const body = await readFile(file);
  const gz = gzipSync(body, { level: 9 });
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  await writeFile(`${file}.gz`, gz);
  await writeFile(`${file}.br`, br);
  const name = `/${path.relative(dist, file).split(path.sep).join('/')}`;
  manifest[name] = {
    bytes: body.length,
    gzip: gz.length,
    brotli: br.length,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
  if (firstLoad.has(file)) firstLoadGzip += gz.length;
}
await writeFile(
  path.join(dist, 'manifest.json'),
  `${JSON.stringify({ firstLoadGzip, files: manifest }, null, 2)}\n`,
);
console.log(
  `dashboard: ${Object.keys(manifest).length} files, first load ${(firstLoadGzip / 1024).toFixed(1)} KiB gzipped`,
);
