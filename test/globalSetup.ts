/** Builds build/Code.js once before the suites, so end-to-end tests always run the current bundle. */
import { buildBundle } from '../local/build';

export default async function globalSetup(): Promise<void> {
  await buildBundle();
}
