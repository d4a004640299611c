"""Every error ficlens reports to a user, with its exit code, defined in one place.

A `FiclensError` carries a one-line message meant for a person; the CLI prints it
as ``ficlens: error: <message>`` and exits with ``exit_code``.

Exit codes:
    0  success
    1  the command ran but some work failed (batch runs, evaluations)
    2  usage or input error: bad option, missing file, undecodable or binary input
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_INPUT = 2


class FiclensError(Exception):
    """Base class for errors that are reported to the user as one clear line."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())


class InputError(FiclensError):
    """The input cannot be read as a story: missing, a directory, binary, undecodable."""


class RosterError(FiclensError):
    """A character roster file is malformed."""


class FormatError(FiclensError):
    """A structured input (HTML, EPUB, archive, corpus file) is malformed or hostile."""


class UsageError(FiclensError):
    """Options that cannot work together, or a value out of range."""
