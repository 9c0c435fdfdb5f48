// The import() side of confine.js: a bare specifier resolved to a package outside the task root is
// not found, with the error Node gives for a missing package.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let taskRoot = '';

export function initialize(data) {
  taskRoot = data.taskRoot;
}

const bare = (specifier) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (bare(specifier) && resolved.url.startsWith('file:')) {
    const file = fileURLToPath(resolved.url);
    if (file !== taskRoot && !file.startsWith(taskRoot + path.sep)) {
      const from = context.parentURL ? fileURLToPath(context.parentURL) : taskRoot;
      const err = new Error(`Cannot find package '${specifier}' imported from ${from}`);
      err.code = 'ERR_MODULE_NOT_FOUND';
      throw err;
    }
  }
  return resolved;
}
