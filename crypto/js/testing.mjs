// Deterministic variants for golden vectors and tests only: fixed nonces, seeds and stream
// headers. Production code uses index.mjs, which draws all of these at random.
export { sealRecordWithNonce } from './record.mjs';
export { boxSealWithSeed, sealToRecipientsWith } from './sealed.mjs';
export { createFileStreamWriterWithHeader } from './filestream.mjs';
