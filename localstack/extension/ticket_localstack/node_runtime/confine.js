// On Lambda the task root (/var/task) has no parent node_modules; a local code folder has (the
// repository's, the home folder's). Package resolution stops at the task root, for require() and
// import alike, so a dependency the package lacks fails here as it does on Lambda. NODE_PATH
// (Lambda's global folders) still applies to require(), as there.

const Module = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

let root = null;

function confine(taskRoot) {
  root = taskRoot;
  const inside = (file) => file === taskRoot || file.startsWith(taskRoot + path.sep);
  const nodeModulePaths = Module._nodeModulePaths;
  Module._nodeModulePaths = function confined(from) {
    return nodeModulePaths.call(this, from).filter(inside);
  };
}

/** For an ES module handler only: the hooks run in a loader thread (about 10 MB more RSS). */
let hooked = false;
function confineImports() {
  if (hooked || root === null) return;
  hooked = true;
  Module.register?.(pathToFileURL(path.join(__dirname, 'confine-hooks.mjs')), { data: { taskRoot: root } });
}

module.exports = { confine, confineImports };
