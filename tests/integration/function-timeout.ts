import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';

const lambda = new LambdaClient({});

/**
 * Sets a deployed function's timeout for one case and answers how to put the old one back: a
 * timeout fault then reaches Sandbox.Timedout on the same path, without waiting the stage's 10 s.
 */
export async function shortenTimeout(name: string, seconds: number): Promise<() => Promise<void>> {
  const { Timeout } = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
  await setTimeoutOf(name, seconds);
  return () => setTimeoutOf(name, Timeout ?? seconds);
}

async function setTimeoutOf(name: string, seconds: number): Promise<void> {
  await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Timeout: seconds }));
  // The SDK's waiter polls every second at least; the emulator finishes an update in milliseconds.
  for (let polls = 0; ; polls++) {
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    if (config.LastUpdateStatus === 'Successful' && config.Timeout === seconds) return;
    if (config.LastUpdateStatus === 'Failed' || polls > 600)
      throw new Error(`${name}: the update to a ${seconds}-s timeout ended ${config.LastUpdateStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
