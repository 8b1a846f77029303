"""Pelican settings for the Kiosque archive (local preview). Kiosque's own settings are the
``KIOSQUE_*`` names; each has a default in its plugin and a line in the README."""

AUTHOR = "Kiosque"
SITENAME = "Kiosque"
SITESUBTITLE = "Archive d’articles de presse"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = []
STATIC_PATHS = []
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%d %B %Y"
DEFAULT_PAGINATION = 20

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["kiosque_import"]

# Feeds are written by publishconf.py; the preview does without them.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"

# Kiosque (see README, "Settings"): import raw articles from content/seeds into content/posts.
KIOSQUE_IMPORT = True
