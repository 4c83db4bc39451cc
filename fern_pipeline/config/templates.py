"""``{{ env.NAME }}`` templates: secrets named in the configuration, read from the environment when used."""

import os
import re
from collections.abc import Mapping

from fern_pipeline.errors import ConfigError

ENV_TEMPLATE = re.compile(r"\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def render(template: str, used_in: str, environ: Mapping[str, str] | None = None) -> str:
    """``template`` with each ``{{ env.NAME }}`` read from the environment.

    ``used_in`` says where the template is, with ``{}`` for the variable's name, for the error
    raised when one is not set.
    """
    env = os.environ if environ is None else environ

    def substitute(match: re.Match[str]) -> str:
        if match.group(1) not in env:
            raise ConfigError(used_in.format(match.group(1)) + " is not set")
        return env[match.group(1)]

    return ENV_TEMPLATE.sub(substitute, template)
