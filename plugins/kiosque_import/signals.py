"""Signals of the import, for other plugins to connect to (as Pelican's own signals are)."""

from blinker import signal

# Sent with a list of parsed ``Article`` records and ``settings=`` before they are written;
# receivers (kiosque_tags) may add tags, entities and gap marks in place.
articles_parsed = signal("kiosque_articles_parsed")
