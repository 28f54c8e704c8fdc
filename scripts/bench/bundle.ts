// Bundle figures for the client benchmark: raw and gzip size of every JS chunk in
// dist/client/assets, split into the initial load (entry script, its modulepreloads and
// everything they import statically) and the lazily loaded rest.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Chunk {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

export interface BundleReport {
  chunks: Chunk[];
  total: { raw: number; gzip: number; files: number };
  initial: { raw: number; gzip: number; files: number };
  lazy: { raw: number; gzip: number; files: number };
}

/** `/assets/x.js` or `assets/x.js` from index.html → `x.js` when it names a file in assets/. */
function assetName(ref: string): string | null {
  const clean = ref.split(/[?#]/)[0] ?? '';
  const m = /(?:^|\/)assets\/([^/]+\.js)$/.exec(clean);
  return m?.[1] ?? null;
}

/** Chunks a module imports statically (`import … from "./x.js"`, `import "./x.js"`, re-exports). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  // Minified output: `import{a as b}from"./x.js"`, `export{c}from"./y.js"`, `import"./z.js"`.
  // Dynamic `import("./w.js")` / import(`./w.js`) has a parenthesis and is not matched.
  const re = /\b(?:from|import)\s*(["'])\.\/([^"'`]+?\.js)\1/g;
  for (const m of code.matchAll(re)) if (m[2]) found.add(m[2]);
  return [...found];
}

export function measureBundle(clientDir: string): BundleReport {
  const assetsDir = path.join(clientDir, 'assets');
  const files = readdirSync(assetsDir).filter((f) => f.endsWith('.js')).sort();
  const html = readFileSync(path.join(clientDir, 'index.html'), 'utf8');

  const roots: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*>/g)) {
    const src = /\bsrc=["']([^"']+)["']/.exec(m[0])?.[1];
    const name = src ? assetName(src) : null;
    if (name) roots.push(name);
  }
  for (const m of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*>/g)) {
    const href = /\bhref=["']([^"']+)["']/.exec(m[0])?.[1];
    const name = href ? assetName(href) : null;
    if (name) roots.push(name);
  }
  if (roots.length === 0) throw new Error('index.html references no module script in assets/');

  const code = new Map(files.map((f) => [f, readFileSync(path.join(assetsDir, f))]));
  const initial = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (initial.has(f)) continue;
    const buf = code.get(f);
    if (!buf) throw new Error(`index.html or a static import names ${f}, which is not in ${assetsDir}`);
    initial.add(f);
    queue.push(...staticImports(buf.toString('utf8')));
  }

  const chunks: Chunk[] = files.map((file) => {
    const buf = code.get(file)!;
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, initial: initial.has(file) };
  });
  const sum = (list: Chunk[]) => ({
    raw: list.reduce((a, c) => a + c.raw, 0),
    gzip: list.reduce((a, c) => a + c.gzip, 0),
    files: list.length,
  });
  return {
    chunks,
    total: sum(chunks),
    initial: sum(chunks.filter((c) => c.initial)),
    lazy: sum(chunks.filter((c) => !c.initial)),
  };
}
