// Test projects: fast unit and API tests run in parallel; end-to-end tests (real server and
// headless Chromium) run afterwards, two files at a time.
import { defineConfig } from 'vitest/config';

/** Test files that need the database servers (see the services project). */
const SERVICE_TESTS = ['tests/storage/postgres.test.ts', 'tests/server/postgres-*.test.ts', 'tests/server/redis-*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/storage/**/*.test.ts'],
          exclude: SERVICE_TESTS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Tests against real PostgreSQL and Redis: servers of their own unless TEST_DATABASE_URL /
        // TEST_REDIS_URL are given, started once for this project (only when one of its files runs).
        test: {
          name: 'services',
          environment: 'node',
          include: SERVICE_TESTS,
          globalSetup: ['tests/fixtures/servicesSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Several server processes behind nginx, one Redis and one PostgreSQL (tests/cluster):
        // heavy, so after the parallel projects and one file at a time.
        test: {
          name: 'cluster',
          environment: 'node',
          include: ['tests/cluster/**/*.test.ts'],
          globalSetup: ['tests/fixtures/servicesSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 150_000,
          sequence: { groupOrder: 1 },
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
        // Real ffmpeg children on SRT ports of their own: one file at a time.
        test: {
          name: 'stream',
          environment: 'node',
          include: ['tests/stream/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Two files at a time: each has its own server on its own port and its own browser, and
          // most of a browser test is waiting (network, timers, a reload), so two fit 2 cores.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
