// The integration suite's test sequencer: jest's own order, except that the workflow coverage gate
// (workflow-coverage.test.ts) runs after every other file, so it sees every execution of this run.
// The suite runs in band (make test-integration), so "after" means after they finished.
const Sequencer = require('@jest/test-sequencer').default;

const GATE = /workflow-coverage\.test\.ts$/;

class CoverageGateLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => !GATE.test(t.path)), ...sorted.filter((t) => GATE.test(t.path))];
  }
}

module.exports = CoverageGateLast;
