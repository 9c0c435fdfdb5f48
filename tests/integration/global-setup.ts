import { useLocalStackEnv } from '../../localstack/local-env';
import { clearCoverage } from '../../tools/client/transition-coverage';

/** Before any integration test: the coverage recorder starts from zero, so the gate counts this run only. */
export default async function clearRecordedCoverage(): Promise<void> {
  useLocalStackEnv();
  await clearCoverage();
}
