"""Settings for publishing: absolute URLs and feeds. Used by `make publish`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Where the site will be served from, e.g. https://archive.example.org or a sub-path.
SITEURL = os.environ.get("KIOSQUE_SITEURL", "https://example.org")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag-{slug}.atom.xml"
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True

# Kept, not emptied: kiosque_incremental rewrites only the pages that changed and deletes the ones
# no longer produced, so a sync to the host uploads only what changed (docs/rebuilds.md).
DELETE_OUTPUT_DIRECTORY = False
