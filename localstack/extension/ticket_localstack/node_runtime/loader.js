// Loads `_HANDLER` the way Lambda's Node.js runtime does, and names what is missing when it cannot:
// the handler file or a dependency (Runtime.ImportModuleError, with Node's "Cannot find module" text),
// the export (Runtime.HandlerNotFound), a syntax error (Runtime.UserCodeSyntaxError).

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { confineImports } = require('./confine');

function runtimeError(name, message, cause) {
  const err = new Error(message);
  err.name = `Runtime.${name}`;
  const frames = String(cause?.stack || '')
    .split('\n')
    .filter((line) => line.startsWith('    at '));
  if (cause) err.stack = [`${err.name}: ${message}`, ...frames].join('\n');
  return err;
}

/** `dir/module.fn.path` -> [dir/, module, fn.path]: only the last path segment is split at its first dot. */
function splitHandler(spec) {
  if (spec.includes('..')) {
    throw runtimeError(
      'MalformedHandlerName',
      `'${spec}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`,
    );
  }
  const base = path.basename(spec);
  const match = base.match(/^([^.]*)\.(.*)$/);
  if (!match) throw runtimeError('MalformedHandlerName', 'Bad handler');
  return [spec.slice(0, spec.length - base.length), match[1], match[2]];
}

function isEsmPackage(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (dir === path.dirname(dir)) return false;
  }
}

const requireIf = (file) => (fs.existsSync(file) ? require(file) : undefined);
async function importIf(file) {
  if (!fs.existsSync(file)) return undefined;
  confineImports();
  return import(pathToFileURL(file).href);
}

/** The file is chosen by existence, so a missing dependency is never taken for a missing handler file. */
async function loadModule(taskRoot, moduleRoot, moduleName) {
  const base = path.resolve(taskRoot, moduleRoot, moduleName);
  const esm = isEsmPackage(base);
  const loaded =
    requireIf(base) ??
    (esm ? await importIf(`${base}.js`) : requireIf(`${base}.js`)) ??
    (await importIf(`${base}.mjs`)) ??
    requireIf(`${base}.cjs`);
  if (loaded !== undefined) return loaded;
  // No such file: resolved as a package, as Lambda does, so the error names what was looked for.
  return require(require.resolve(moduleName, { paths: [taskRoot, path.resolve(taskRoot, moduleRoot)] }));
}

async function loadHandler(taskRoot, spec) {
  const [moduleRoot, moduleName, handlerPath] = splitHandler(spec);
  let mod;
  try {
    mod = await loadModule(taskRoot, moduleRoot, moduleName);
  } catch (err) {
    if (err instanceof SyntaxError) throw runtimeError('UserCodeSyntaxError', String(err), err);
    if (err?.code === 'MODULE_NOT_FOUND') throw runtimeError('ImportModuleError', String(err), err);
    throw err; // an error the module threw at import is reported as itself
  }
  const fn = handlerPath.split('.').reduce((obj, key) => obj?.[key], mod);
  if (!fn) throw runtimeError('HandlerNotFound', `${spec} is undefined or not exported`);
  if (typeof fn !== 'function') throw runtimeError('HandlerNotFound', `${spec} is not a function`);
  return fn;
}

module.exports = { loadHandler };
