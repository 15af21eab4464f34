/** Job planning (core plans, src/gas/jobs executes): records, chunks, error policy, keys. */
export * from './record';
export * from './errors';
export * from './plan';
export * from './keys';
export * from './stall';
