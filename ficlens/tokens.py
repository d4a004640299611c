"""Counting tokens the way NLP pipelines do (words and punctuation marks), for throughput figures."""

from __future__ import annotations

import re

_TOKEN_RE = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")


def count_tokens(text: str) -> int:
    return len(_TOKEN_RE.findall(text))
