// One Lambda execution environment as a local node process, started by node_executor.py.
//   start-up, to LocalStack:  POST {TICKET_RUNTIME_ENDPOINT}/status/{id}/ready | /error
//   LocalStack -> here:       POST /invoke {invoke-id, invoked-function-arn, payload, trace-id}
//                             answered when the handler is done: {payload, isError, logs}
// Plain CommonJS with no dependencies: it runs on whatever node the host has.

const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const env = process.env;
const endpoint = env.TICKET_RUNTIME_ENDPOINT;
const runtimeId = env.TICKET_RUNTIME_ID;
const port = Number(env.TICKET_RUNTIME_PORT);
const taskRoot = env.LAMBDA_TASK_ROOT;
const handlerSpec = env._HANDLER || '';

/** What the handler writes while an invocation runs goes to CloudWatch Logs with it. */
let captured = null;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (captured !== null) captured.push(String(chunk));
    return write(chunk, ...rest);
  };
}

function post(route, body) {
  return fetch(`${endpoint}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(
    (res) => res.arrayBuffer(),
    (err) => console.error(`runtime: POST ${route} failed: ${err.message}`),
  );
}

function errorBody(err, fallbackType) {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    errorType: e.name && e.name !== 'Error' ? e.name : fallbackType,
    errorMessage: e.message,
    trace: String(e.stack || '').split('\n'),
  };
}

/** `dir/module.fn` as Lambda's Node runtime resolves it: .js, .mjs or .cjs under the task root. */
async function loadHandler() {
  const dot = handlerSpec.lastIndexOf('.');
  if (dot <= 0)
    throw Object.assign(new Error(`Bad handler '${handlerSpec}'`), { name: 'Runtime.MalformedHandlerName' });
  const modulePath = path.resolve(taskRoot, handlerSpec.slice(0, dot));
  const fnName = handlerSpec.slice(dot + 1);
  let mod;
  let lastError;
  for (const ext of ['.js', '.mjs', '.cjs']) {
    try {
      mod = ext === '.mjs' ? await import(pathToFileURL(modulePath + ext).href) : require(modulePath + ext);
      break;
    } catch (err) {
      if (
        err &&
        (err.code === 'MODULE_NOT_FOUND' || err.code === 'ERR_MODULE_NOT_FOUND') &&
        String(err.message).includes(modulePath + ext)
      ) {
        lastError = err;
        continue;
      }
      throw Object.assign(new Error(`${err?.name}: ${err?.message}`), {
        name: 'Runtime.ImportModuleError',
        stack: err?.stack,
      });
    }
  }
  if (!mod) {
    throw Object.assign(new Error(`Cannot find module '${modulePath}' (${lastError?.message})`), {
      name: 'Runtime.ImportModuleError',
    });
  }
  const fn = mod[fnName];
  if (typeof fn !== 'function') {
    throw Object.assign(new Error(`${handlerSpec} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  return fn;
}

function contextFor(invoke) {
  const deadline = Date.now() + Number(env.AWS_LAMBDA_FUNCTION_TIMEOUT || 3) * 1000;
  return {
    awsRequestId: invoke['invoke-id'],
    invokedFunctionArn: invoke['invoked-function-arn'],
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: String(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE),
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    succeed() {},
    fail() {},
  };
}

/** Runs one invocation: the answer's payload is the handler's result, or its error as Lambda reports it. */
async function runInvocation(handler, invoke) {
  const id = invoke['invoke-id'];
  const started = process.hrtime.bigint();
  captured = [`START RequestId: ${id} Version: ${env.AWS_LAMBDA_FUNCTION_VERSION}\n`];
  env._X_AMZN_TRACE_ID = invoke['trace-id'] || '';
  let answer;
  try {
    const event = JSON.parse(invoke.payload);
    const result = await handler(event, contextFor(invoke));
    answer = { payload: JSON.stringify(result === undefined ? null : result), isError: false };
  } catch (err) {
    const body = errorBody(err, 'Error');
    console.error(`${new Date().toISOString()}\t${id}\tERROR\tInvoke Error \t${JSON.stringify(body)}`);
    answer = { payload: JSON.stringify(body), isError: true };
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  captured.push(`END RequestId: ${id}\n`);
  captured.push(
    `REPORT RequestId: ${id}\tDuration: ${ms.toFixed(2)} ms\tMemory Size: ${env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE} MB\n`,
  );
  answer.logs = captured.join('');
  captured = null;
  return answer;
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    const body = errorBody(err, 'Runtime.ImportModuleError');
    console.error(`runtime: init failed: ${JSON.stringify(body)}`);
    await post(`/status/${runtimeId}/error`, body);
    return;
  }
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/invoke') {
        res.writeHead(404).end();
        return;
      }
      runInvocation(handler, JSON.parse(Buffer.concat(chunks).toString('utf8'))).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
  });
  server.keepAliveTimeout = 0; // the executor keeps one connection for the environment's life
  server.listen(port, '127.0.0.1', () => post(`/status/${runtimeId}/ready`, {}));
}

// LocalStack stops environments itself; if it is killed instead, do not outlive it.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 2000).unref();

main();
