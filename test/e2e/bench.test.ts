/**
 * `npm run bench` measures the product on generated clusters; this keeps the bench's workbook
 * one the product accepts (an action that refuses a broken workbook would otherwise break the
 * bench, not a test). The figures themselves are the bench's business, not asserted here.
 */
import { readFileSync } from 'node:fs';
import { BUNDLE, benchCluster, runProduct } from '../../local/bench/ranking';

describe('npm run bench: the generated cluster', () => {
  it('is ranked by the built bundle without a refusal, in a fixed number of calls', () => {
    const code = readFileSync(BUNDLE, 'utf8');
    const small = runProduct(code, benchCluster(6, 8));
    const large = runProduct(code, benchCluster(50, 21));
    expect(small.calls).toBeGreaterThan(0);
    expect(large.calls).toBe(small.calls);
  });
});
