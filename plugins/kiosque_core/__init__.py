"""What the Kiosque plugins share: no Pelican plugin itself (nothing to put in ``PLUGINS``), a
library the plugins import. See docs/architecture.md, "Seams"."""
