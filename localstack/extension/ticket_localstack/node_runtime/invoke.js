// One invocation as Lambda's Node.js runtime runs it: an async handler's promise, or a callback
// handler with context.succeed/fail/done and callbackWaitsForEmptyEventLoop. The first answer wins;
// any later callback is ignored. A handler that never answers returns null once its work is done.

const { isStreaming, runStreaming } = require('./streaming');

/** An error as Lambda reports it: an Error's name, message and stack; anything else by its type. */
function errorBody(err) {
  if (err instanceof Error || (err && typeof err === 'object' && 'stack' in err && 'message' in err)) {
    return { errorType: err.name, errorMessage: err.message, trace: String(err.stack || '').split('\n') };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

function formatted(err) {
  const { errorType, errorMessage, trace } = errorBody(err);
  return `\t${JSON.stringify({ errorType, errorMessage, stack: trace })}`;
}

function serialize(result) {
  return { payload: JSON.stringify(result === undefined ? null : result), isError: false };
}

function failure(err) {
  console.error('Invoke Error', formatted(err));
  return { payload: JSON.stringify(errorBody(err)), isError: true };
}

function contextFor(invoke, env) {
  const deadline = Number(invoke['deadline-ms']);
  const clientContext = invoke['client-context'];
  return {
    awsRequestId: invoke['invoke-id'],
    invokedFunctionArn: invoke['invoked-function-arn'],
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: String(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE),
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: clientContext
      ? JSON.parse(Buffer.from(clientContext, 'base64').toString('utf8'))
      : undefined,
    identity: undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/**
 * Runs the handler; resolves with {payload, isError}. `loop.whenIdle(fn)` runs fn once the event loop
 * has nothing left but the runtime's own connection (null cancels it).
 */
function run(handler, event, invoke, env, loop) {
  return new Promise((resolve) => {
    let answered = false;
    const answer = (value) => {
      loop.whenIdle(null);
      resolve(value);
    };
    const complete = (result) => {
      try {
        answer(serialize(result));
      } catch (err) {
        answer(failure(err)); // e.g. a circular result
      }
    };
    const done = (err, result) =>
      err !== undefined && err !== null ? answer(failure(err)) : complete(result);
    const firstOnly =
      (fn) =>
      (...args) => {
        if (answered) return;
        answered = true;
        fn(...args);
      };
    let waitsForEmptyEventLoop = true;
    const callback = firstOnly((err, result) => {
      if ((err !== undefined && err !== null) || !waitsForEmptyEventLoop) return done(err, result);
      loop.whenIdle(() => setImmediate(() => complete(result)));
    });
    const context = {
      ...contextFor(invoke, env),
      get callbackWaitsForEmptyEventLoop() {
        return waitsForEmptyEventLoop;
      },
      set callbackWaitsForEmptyEventLoop(value) {
        waitsForEmptyEventLoop = value;
      },
      succeed: firstOnly((result) => done(null, result)),
      fail: firstOnly((err) => done(err === undefined || err === null ? 'handled' : err)),
      done: firstOnly(done),
    };
    loop.whenIdle(firstOnly(() => complete(null))); // never answered, nothing left to do: null, as in Lambda
    try {
      if (isStreaming(handler)) {
        runStreaming(handler, event, context).then(
          firstOnly((bytes) => answer({ payloadBase64: bytes.toString('base64'), isError: false })),
          context.fail,
        );
        return;
      }
      const result = handler(event, context, callback);
      if (result && typeof result.then === 'function') result.then(context.succeed, context.fail);
    } catch (err) {
      callback(err);
    }
  });
}

module.exports = { run, errorBody, formatted };
