import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const server = `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
