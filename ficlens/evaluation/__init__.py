"""Evaluation against annotated corpora: PDNC and LitBank quotations (``ficlens eval``)."""
