"""What an import did, as a one-screen summary and a JSON report."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kiosque_core.storage import write_atomic


@dataclass
class Report:
    seeds: str = ""
    posts: str = ""
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    unchanged: int = 0
    duplicates: list[dict] = field(default_factory=list)  # {"file", "same_as"}
    republished: list[dict] = field(default_factory=list)  # {"file", "same_as", "post"}: same text, post shared
    hand_edits_kept: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # raw changed after a hand edit
    missing_raw: list[str] = field(default_factory=list)
    refused: list[dict] = field(default_factory=list)  # {"file", "reason"}

    def refuse(self, file: str, reason: str) -> None:
        self.refused.append({"file": file, "reason": reason})

    def summary(self) -> str:
        rows = [
            ("new", len(self.new)),
            ("changed", len(self.changed)),
            ("restored (post was missing)", len(self.restored)),
            ("unchanged", self.unchanged),
            ("duplicates skipped", len(self.duplicates)),
            ("republished (same text, one post)", len(self.republished)),
            ("hand edits kept", len(self.hand_edits_kept)),
            ("raw changed after hand edit (not merged)", len(self.conflicts)),
            ("raw file gone (post kept)", len(self.missing_raw)),
            ("refused", len(self.refused)),
        ]
        lines = [f"Kiosque import: {self.seeds} -> {self.posts}"]
        lines += [f"  {label:<42} {count:>7}" for label, count in rows]
        lines += [f"  ! {name}: raw file changed after a hand edit; post kept" for name in self.conflicts[:10]]
        lines += [f"  ! {item['file']}: refused: {item['reason']}" for item in self.refused[:10]]
        if len(self.refused) > 10:
            lines.append(f"  ... and {len(self.refused) - 10} more refused, see the JSON report")
        return "\n".join(lines)

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Not fsynced: the report records nothing the next import needs (the manifest does).
        write_atomic(path, json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", durable=False)
