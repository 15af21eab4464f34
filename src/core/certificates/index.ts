/** Certificate generation decisions (src/gas/certificates executes them). */
export * from './plan';
export * from './combine';
export * from './scope';
export * from './issuer';
