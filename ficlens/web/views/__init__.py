"""One module per page: ``library`` (/), ``work`` (/works/{id}), ``analyze`` (/analyze), ``api`` (/api/...), ``docs`` (/docs)."""
