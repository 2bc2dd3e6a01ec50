"""Compiled Jinja templates kept for the life of the process.

Compiling templates is most of the time of a small build: every build makes new Jinja
environments (MkDocs' theme, actionplan's renderer), and each compiles every template it uses
afresh. `mkdocs serve` rebuilds, and tests that build many sites in one process, pay that
again and again for the same files. This cache hands back the compiled code of a template
whose source is unchanged (Jinja checks the source's checksum) under the same settings.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket

# Enough for every template of several themes and sites; past it, start afresh.
_MOST_TEMPLATES = 4096


class CompiledTemplates(jinja2.BytecodeCache):
    """In memory, keyed by template file and the environment settings that shape the code.

    One Jinja cache may serve several environments; code compiled under other delimiters,
    extensions, escaping or filters is not the same code, so those settings are in the key.
    """

    def __init__(self) -> None:
        self._code: dict[tuple[str, str], bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(_key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        if len(self._code) >= _MOST_TEMPLATES:
            self._code.clear()
        self._code[_key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


def _key(bucket: Bucket) -> tuple[str, str]:
    return bucket.key, _settings(bucket.environment)


def _settings(env: jinja2.Environment) -> str:
    """Every environment setting the compiler reads."""
    return repr((env.block_start_string, env.block_end_string, env.variable_start_string,
                 env.variable_end_string, env.comment_start_string, env.comment_end_string,
                 env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                 env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                 env.optimized, env.autoescape, env.finalize, env.is_async,
                 sorted(env.extensions), sorted(env.filters), sorted(env.tests),
                 env.code_generator_class, env.context_class))


# The process's one cache, shared by the renderer and the MkDocs theme environment.
COMPILED_TEMPLATES = CompiledTemplates()
