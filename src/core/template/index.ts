/** The merge engine's template model (DESIGN §3): syntax, rendering, document plans, dry run. */
export * from './values';
export * from './syntax';
export * from './render';
export * from './doc';
export * from './plan';
export * from './dryRun';
