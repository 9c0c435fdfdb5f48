"""The emulator this extension runs in, resolved once: LocalStack 4.14.0 (package root `localstack`)
or LocalEmu 1.3.2 (package root `localemu`: LocalStack 4.14.0's code continued under a new name).

The extension is written against the `localstack` names. In LocalEmu, `alias_package_root` makes
`import localstack.x` hand back the module `localemu.x` itself (the one object LocalEmu runs, never a
second copy), so every module of the extension imports, and patches, the same code in both engines.
What else differs is named here: the engine, the version the extension was proven against, and
`canonical` for module names the speed patches' guards compare. (The plugin namespaces differ too,
`localemu.*` for `localstack.*`: pyproject.toml registers every entry point under both. LocalEmu's
executor `invoke` takes one more argument, `function_timeout`, which node_executor accepts.)
"""

import importlib
import sys
from collections.abc import Sequence
from importlib import metadata
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from importlib.util import spec_from_loader
from types import ModuleType

WRITTEN_FOR = "localstack"
"""The package root the extension's imports and the guards' expected names use."""

ENGINES = {
    "localstack": ("LocalStack", "localstack-core", "4.14.0"),
    "localemu": ("LocalEmu", "localemu", "1.3.2"),
}
"""Package root -> (engine, its distribution, the one version the extension was written and proven for)."""


def _installed(distribution: str) -> bool:
    """By its distribution: both package roots are namespace packages, and so is the project's own
    `localstack/` folder when the emulator runs from the repository root (sys.path[0])."""
    try:
        metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


ROOT = next((root for root, (_, dist, _) in ENGINES.items() if _installed(dist)), WRITTEN_FOR)
"""The package root of the engine installed here (LocalStack first, in the unlikely case of both)."""

NAME, DISTRIBUTION, SUPPORTED_VERSION = ENGINES[ROOT]


def canonical(module_name: str) -> str:
    """`localemu.x` -> `localstack.x`: the name the extension knows a module of this engine by."""
    if module_name == ROOT or module_name.startswith(f"{ROOT}."):
        return WRITTEN_FOR + module_name[len(ROOT) :]
    return module_name


class _RootAlias(MetaPathFinder, Loader):
    """Imports `localstack[.x]` as the module `localemu[.x]`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != WRITTEN_FOR and not fullname.startswith(f"{WRITTEN_FOR}."):
            return None
        return spec_from_loader(fullname, self)

    def exec_module(self, module: ModuleType) -> None:
        # The import system returns whatever sys.modules holds under the name after this call: the
        # engine's own module, whose attributes (__name__, __spec__) stay untouched.
        real = importlib.import_module(ROOT + module.__name__[len(WRITTEN_FOR) :])
        sys.modules[module.__name__] = real


def alias_package_root() -> None:
    """In LocalEmu, answers imports of `localstack.*` with `localemu.*` (idempotent; no-op in LocalStack)."""
    if ROOT != WRITTEN_FOR and not any(isinstance(finder, _RootAlias) for finder in sys.meta_path):
        sys.meta_path.insert(0, _RootAlias())
