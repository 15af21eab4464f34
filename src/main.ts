/**
 * The entry points Apps Script calls by name. Each one is thin: it hands over to src/gas.
 * local/build.ts turns every export here into a top-level function declaration of build/Code.js.
 */
export { onOpen, menuAbout } from './gas/menu';
