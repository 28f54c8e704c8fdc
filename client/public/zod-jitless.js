// Runs before the app's modules: zod reads this global config when it loads. Without it, zod
// probes `new Function` while building schemas (to compile faster parsers); the server's CSP
// forbids eval (server/http/security.ts), and each refused probe is a reported violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
