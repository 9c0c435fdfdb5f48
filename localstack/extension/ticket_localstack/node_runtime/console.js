// What the function writes, as Lambda's Node.js runtime formats it: console.* lines carry
// `timestamp\trequestId\tLEVEL\t` (or a JSON object with AWS_LAMBDA_LOG_FORMAT=JSON, filtered by
// AWS_LAMBDA_LOG_LEVEL); direct writes to stdout/stderr pass as they are. Everything is captured
// for the invocation's log (init output goes before the first START).

const util = require('node:util');

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const METHODS = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  log: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
};

let requestId; // undefined outside an invocation, printed as such (as in Lambda's init phase)
let captured = [];

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    captured.push(String(chunk));
    return write(chunk, ...rest);
  };
}

function install(env) {
  const json = env.AWS_LAMBDA_LOG_FORMAT === 'JSON';
  const minimum = json
    ? Math.max(0, LEVELS.indexOf(String(env.AWS_LAMBDA_LOG_LEVEL || 'TRACE').toUpperCase()))
    : 0;
  for (const [method, level] of Object.entries(METHODS)) {
    const rank = LEVELS.indexOf(level);
    console[method] = (...args) => {
      if (rank < minimum) return;
      const timestamp = new Date().toISOString();
      const message = util.format(...args);
      const line = json
        ? JSON.stringify({ timestamp, level, requestId, message })
        : `${timestamp}\t${requestId}\t${level}\t${message.replace(/\n/g, '\r')}`; // one log event per call
      process.stdout.write(`${line}\n`);
    };
  }
}

/** Starts an invocation's capture; returns what was written since the last one (init output). */
function begin(id) {
  requestId = id;
  const before = captured.join('');
  captured = [];
  return before;
}

/** Ends the capture and returns the invocation's output. */
function end() {
  const output = captured.join('');
  captured = [];
  requestId = undefined;
  return output;
}

module.exports = { install, begin, end };
