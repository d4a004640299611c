"""``ficlens serve [--db FILE.db]``: the web explorer on this machine (docs/web.md)."""

from __future__ import annotations

import socket

import click

from ficlens.errors import UsageError

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--db", type=click.Path(dir_okay=False), default=None, help="A library made by `ficlens index` (default: an empty one in memory).")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on (other machines can connect unless it is loopback).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="The port to listen on.")
@click.option("--writable", is_flag=True, help="Let /analyze add stories to --db (created if missing).")
@click.option("--max-upload-mb", type=click.FloatRange(min=0.001, max=64), default=5.0, show_default=True, help="The largest story /analyze accepts, in MB.")
def serve(db, host, port, writable, max_upload_mb) -> None:
    """Browse a library and analyse stories in your browser, at http://127.0.0.1:8765/ by default."""
    import uvicorn

    from ficlens.web import create_app

    _check_port(host, port)
    app = create_app(db, writable=writable, max_upload=int(max_upload_mb * 1_000_000), host=host)
    shown = f"[{host}]" if ":" in host else host
    mode = "read-write" if app.state.store.writable else "read-only"
    click.echo(f"ficlens: serving {app.state.store.label} ({mode}) at http://{shown}:{port}/  (Ctrl-C to stop)", err=True)
    if host not in _LOOPBACK:
        click.echo(f"ficlens: warning: listening on {host}: other machines on the network can read this library", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _check_port(host: str, port: int) -> None:
    """Fail with one clear line when the address cannot be bound, before the server starts."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); choose another --port or --host") from None
