import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { root: '/tmp/a11y', include: ['shot.test.ts'], testTimeout: 240000, environment: 'node' } });
