"""Small helpers shared by the ingest tests."""


def block_texts(doc, blocks):
    """(kind, text) of each block, for comparing structure at a glance."""
    return [(b.kind, doc.text[b.start : b.end]) for b in blocks]
