// Test projects: fast unit and API tests run in parallel; end-to-end tests (real server and
// headless Chromium) run afterwards, one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real Colyseus rooms: @colyseus/testing always boots on port 2568, so one file at a time.
        test: {
          name: 'rooms',
          environment: 'node',
          include: ['tests/rooms/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
