// awslambda.streamifyResponse and awslambda.HttpResponseStream, the globals Lambda's Node.js runtime
// provides. LocalStack 4.14.0 has no InvokeWithResponseStream and no streaming function URLs, so a
// streaming handler runs over the buffered Invoke: what it writes to the stream is the payload.

const { Writable } = require('node:stream');

const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const PRELUDE_DELIMITER = Buffer.alloc(8); // between an HTTP response's metadata and its body

const HttpResponseStream = {
  /** Writes the status code and headers for a function URL ahead of the body, as Lambda does. */
  from(stream, prelude) {
    stream.setContentType?.('application/vnd.awslambda.http-integration-response');
    stream.write(JSON.stringify(prelude));
    stream.write(PRELUDE_DELIMITER);
    return stream;
  },
};

function install() {
  globalThis.awslambda = {
    streamifyResponse(handler, options) {
      handler[STREAMING] = { highWaterMark: options?.highWaterMark };
      return handler;
    },
    HttpResponseStream,
  };
}

const isStreaming = (handler) => Boolean(handler[STREAMING]);

/** Resolves with every byte written once the stream has ended and the handler has returned. */
function runStreaming(handler, event, context) {
  const chunks = [];
  let contentType = 'application/octet-stream';
  const stream = new Writable({
    highWaterMark: handler[STREAMING].highWaterMark,
    write(chunk, encoding, next) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      next();
    },
  });
  stream.setContentType = (type) => {
    contentType = type;
  };
  stream.getContentType = () => contentType;
  const ended = new Promise((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  return Promise.resolve()
    .then(() => handler(event, stream, context))
    .then(() => {
      if (!stream.writableEnded) stream.end();
      return ended;
    })
    .then(() => Buffer.concat(chunks));
}

module.exports = { install, isStreaming, runStreaming };
