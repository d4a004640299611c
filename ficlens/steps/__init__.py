"""Analysis steps: one module per step, each with ``run(doc)`` (see `ficlens.pipeline`)."""
