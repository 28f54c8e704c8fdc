// A Vite plugin: after the build, writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9)
// beside every script, stylesheet, SVG and JSON file of the client that compression shrinks.
// The server sends these as they are (server/http/static.ts, express-static-gzip) instead of
// compressing on the fly at the middleware's quick setting.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|html|txt|map)$/;
/** Smaller files gain nothing worth a second round trip's header bytes. */
const MIN_BYTES = 1024;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : [full];
  });
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'expo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!COMPRESSIBLE.test(file) || file.endsWith('.html')) continue;
        try {
          const data = readFileSync(file);
          if (data.length < MIN_BYTES) continue;
          const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
          if (br.length < data.length * 0.9) writeFileSync(`${file}.br`, br);
          const gz = gzipSync(data, { level: 9 });
          if (gz.length < data.length * 0.9) writeFileSync(`${file}.gz`, gz);
        } catch (e) {
          // Another build emptied the folder meanwhile (a shared dist/): its own pass compresses.
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
    },
  };
}
