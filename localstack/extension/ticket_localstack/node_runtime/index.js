// One Lambda execution environment as a local node process, started by node_executor.py.
//   start-up, to LocalStack:  POST {endpoint}/status/{id}/ready | /error
//   LocalStack -> here:       POST /invoke {invoke-id, invoked-function-arn, payload, trace-id, deadline-ms}
//                             answered when the invocation is done:
//                             {payload | payloadBase64, isError, initLogs, logs, durationMs, initDurationMs, maxRssKb}
// Plain CommonJS with no dependencies: it runs on whatever node the host has.

// The executor's own settings are taken out of the environment before the function's code runs.
const settings = JSON.parse(process.env._TICKET_RUNTIME || '{}');
delete process.env._TICKET_RUNTIME;

const fs = require('node:fs');
const http = require('node:http');
const logs = require('./console');
const { confine } = require('./confine');
const { loadHandler } = require('./loader');
const { run, errorBody, formatted } = require('./invoke');
const streaming = require('./streaming');

const env = process.env;
let coldStartMs = null; // set once the handler is loaded; reported with the first invocation only

/** A status post on its own connection (no agent): nothing of the runtime's lingers in the event loop. */
// The peak resident set (VmHWM), in KB, read here rather than by LocalStack (no file read under its GIL
// per invocation). getrusage's maxRSS is the fallback: it also counts LocalStack's, inherited at fork.
function peakRssKb() {
  try {
    const found = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'latin1'));
    if (found) return Number(found[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

function post(route, body) {
  return new Promise((resolve) => {
    const req = http.request(`${settings.endpoint}${route}`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json' },
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', (err) => {
      process.stderr.write(`runtime: POST ${route} failed: ${err.message}\n`);
      resolve();
    });
    req.end(JSON.stringify(body));
  });
}

/** The server and its connection keep the process alive between invocations, not during one:
 *  then `beforeExit` tells when the function's own work (timers, sockets) is done. */
const loop = {
  handles: [],
  idle: null,
  whenIdle(fn) {
    this.idle = fn;
  },
  hold(hold) {
    for (const handle of this.handles) hold ? handle.ref() : handle.unref();
  },
};
process.on('beforeExit', () => {
  const idle = loop.idle;
  loop.idle = null;
  idle?.();
});

let current = null; // the invocation in progress: {finish}
let listening = null;

/** An uncaught error fails the invocation in progress and ends the process, as in Lambda. */
function fatal(label, err, exitCode) {
  console.error(label, formatted(err));
  if (current) current.finish({ payload: JSON.stringify(errorBody(err)), isError: true }, exitCode);
  else process.exit(exitCode);
}
process.on('uncaughtException', (err) => fatal('Uncaught Exception', err, 129));
process.on('unhandledRejection', (reason) => {
  const err = new Error(String(reason));
  err.name = 'Runtime.UnhandledPromiseRejection';
  err.stack = `${err.name}: ${err.message}${reason?.stack ? `\n${String(reason.stack).split('\n').slice(1).join('\n')}` : ''}`;
  fatal('Unhandled Promise Rejection', err, 128);
});

function serve(handler, req, res, body) {
  const invoke = JSON.parse(body);
  const id = invoke['invoke-id'];
  const initLogs = logs.begin(id);
  env._X_AMZN_TRACE_ID = invoke['trace-id'] || '';
  const started = process.hrtime.bigint();
  loop.handles = [listening, req.socket];
  loop.hold(false);
  let sent = false;
  const finish = (answer, exitCode) => {
    if (sent) return;
    sent = true;
    current = null;
    loop.whenIdle(null);
    loop.hold(true);
    const reply = {
      ...answer,
      initLogs,
      logs: logs.end(),
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      initDurationMs: coldStartMs,
      maxRssKb: peakRssKb(),
    };
    coldStartMs = null;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply), () => exitCode !== undefined && process.exit(exitCode));
  };
  current = { finish };
  let event;
  try {
    event = JSON.parse(invoke.payload);
  } catch (err) {
    finish({ payload: JSON.stringify(errorBody(err)), isError: true });
    return;
  }
  run(handler, event, invoke, env, loop).then((answer) => finish(answer));
}

async function main() {
  logs.install(env);
  streaming.install();
  const taskRoot = env.LAMBDA_TASK_ROOT || process.cwd();
  confine(taskRoot);
  let handler;
  try {
    handler = await loadHandler(taskRoot, env._HANDLER || '');
  } catch (err) {
    console.error('Uncaught Exception', formatted(err));
    await post(`/status/${settings.id}/error`, errorBody(err));
    return;
  }
  coldStartMs = process.uptime() * 1000;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/invoke') res.writeHead(404).end();
      else serve(handler, req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  server.keepAliveTimeout = 0; // the executor keeps one connection for the environment's life
  server.listen(settings.port, '127.0.0.1', () => post(`/status/${settings.id}/ready`, {}));
  listening = server;
}

// LocalStack stops environments itself; if it is killed instead, do not outlive it.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 2000).unref();

main();
