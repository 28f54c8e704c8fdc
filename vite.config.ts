import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

const server = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The hall (index.html) and the Q&A pages' own small entry (moderator view, overlay).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('client/index.html', import.meta.url)),
        qa: fileURLToPath(new URL('client/qa.html', import.meta.url)),
      },
      output: {
        // React and zod in chunks of their own: they change less often than our code, so a
        // returning visitor keeps them cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
        // Rolldown names a common chunk after its first module, Vite's small preload helper,
        // although it holds the code both entries share (store, i18n, protocol): say so.
        chunkFileNames: (chunk) => `assets/${chunk.name === 'preload-helper' ? 'common' : '[name]'}-[hash].js`,
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/assets': server,
      '/uploads': server,
      '/dev': server,
      '/matchmake': server,
      '/ws': { target: server.replace('http', 'ws'), ws: true },
    },
  },
});
