import { readFileSync } from 'node:fs';
import { ANCHOR, HANDLER } from '../../../tools/bench/hot-reload';

describe('hot-reload bench', () => {
  it('finds the line it edits in the generate handler', () => {
    expect(readFileSync(HANDLER, 'utf8')).toContain(ANCHOR);
  });
});
