"""What Lambda answers when a Node.js handler cannot be loaded ("Troubleshoot invocation issues in
Lambda", the Runtime.* errors): the missing file, export or dependency is named."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Invoke, zipped


def package(files: dict[str, str]) -> dict[str, Any]:
    return {"ZipFile": zipped(files)}


def test_a_missing_dependency_is_named(make_function: Callable[..., str], invoke: Invoke) -> None:
    # zod is in the repository's node_modules, above the code folder: as on Lambda, it is not found.
    name = make_function("const { z } = require('zod'); exports.handler = async () => 1;")
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == "Runtime.ImportModuleError"
    assert body["errorMessage"].startswith("Error: Cannot find module 'zod'\nRequire stack:\n- ")
    assert "/index.js\n" in body["errorMessage"]  # the file that required it


def test_a_missing_dependency_of_an_es_module_is_named(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        package({"index.mjs": "import { z } from 'zod'; export const handler = async () => 1;"})
    )
    body = invoke(name)[1]
    assert body["errorType"] == "Error"  # Node's ERR_MODULE_NOT_FOUND, passed on as it is by Lambda
    assert re.fullmatch(r"Cannot find package 'zod' imported from /.+/index\.mjs", body["errorMessage"])


def test_a_missing_handler_file_is_named(make_function: Callable[..., str], invoke: Invoke) -> None:
    name = make_function("exports.handler = async () => 1;", Handler="missing.handler")
    body = invoke(name)[1]
    assert body["errorType"] == "Runtime.ImportModuleError"
    assert body["errorMessage"].startswith("Error: Cannot find module 'missing'")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("exports.somethingElse = async () => 1;", "index.handler is undefined or not exported"),
        ("exports.handler = 'not code';", "index.handler is not a function"),
    ],
    ids=["no such export", "not a function"],
)
def test_a_missing_export_is_named(
    make_function: Callable[..., str], invoke: Invoke, source: str, message: str
) -> None:
    body = invoke(make_function(source))[1]
    assert (body["errorType"], body["errorMessage"]) == ("Runtime.HandlerNotFound", message)


def test_a_syntax_error_is_a_user_code_syntax_error(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    body = invoke(make_function("exports.handler = async () => 1; this is not JavaScript"))[1]
    assert body["errorType"] == "Runtime.UserCodeSyntaxError"
    assert body["errorMessage"].startswith("SyntaxError: ")


def test_an_error_thrown_at_import_is_reported_as_itself(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    body = invoke(
        make_function(
            "class ConfigError extends Error { name = 'ConfigError' };"
            "throw new ConfigError('TICKET_KEY_ID is not set');"
        )
    )[1]
    assert (body["errorType"], body["errorMessage"]) == ("ConfigError", "TICKET_KEY_ID is not set")


def test_an_es_module_and_a_handler_in_a_folder_load(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    esm = make_function(package({"index.mjs": "export const handler = async () => 'esm';"}))
    assert invoke(esm)[1] == "esm"
    nested = make_function(
        package({"src/app.js": "exports.v2 = { handler: async () => 'nested' };"}),
        Handler="src/app.v2.handler",
    )
    assert invoke(nested)[1] == "nested"
