// The one entry to the Colyseus SDK for lazy imports: `import('./colyseusSdk.ts')` keeps only
// what is named here, where `import('@colyseus/sdk')` would keep every export of the SDK
// (its whole namespace) in the chunk.
export { Client } from '@colyseus/sdk';
