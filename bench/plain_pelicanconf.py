"""Plain Pelican for bench/run_all.py: its defaults (feeds included), the `simple` theme and the
content cache, over the same posts as Kiosque (their extra metadata is simply ignored)."""

AUTHOR = "bench"
SITENAME = "Plain Pelican"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
THEME = "simple"
DEFAULT_PAGINATION = 20
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
PLUGINS = []
