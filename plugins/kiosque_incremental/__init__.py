"""Kiosque incremental rebuilds: pages whose inputs did not change are neither rendered nor
rewritten, and the pages that did change are rendered on every core."""

from .plugin import register

__all__ = ["register"]
