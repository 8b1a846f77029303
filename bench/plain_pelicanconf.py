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

# One change from the defaults: Pelican's default pagination names a tag's page 5
# `tag/ps5.html`, the very file of the tag « PS5 », and the build stops there
# (`FileOverwriteFailedError`). Numbered pages go to their own folder instead.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
