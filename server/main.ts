// Entry point of `npm start`: serve the exhibition until asked to stop.
import { startServer } from './app.ts';
import { configFromEnv } from './config.ts';

const server = await startServer(configFromEnv());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
