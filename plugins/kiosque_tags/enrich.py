"""One batch of parsed articles: holes marked or repaired, entities found, tags chosen, registry
updated. Connected to ``kiosque_core.signals.articles_parsed``."""

from __future__ import annotations

import contextlib
import logging
import operator
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosque_core.folding import fold
from kiosque_import.article import GAP, Article

from . import holes, mentions, ner, workers
from .firstnames import is_common_first_name
from .names import (
    PARTICLES,
    clean,
    country,
    drop_opening_article,
    given_names,
    is_plausible,
    stop_keys,
    surname_key,
    tokens,
)
from .registry import Registry
from .salience import choose
from .settings import get, registry_path
from .workers import Running, spread

log = logging.getLogger(__name__)


@dataclass
class Config:
    model: str
    max_tags: int
    min_tags: int
    head_words: int
    processes: int
    parallel_from: int
    stop: frozenset
    holes: bool

    @classmethod
    def from_settings(cls, settings: dict) -> Config:
        return cls(
            model=get(settings, "KIOSQUE_TAGS_MODEL"), max_tags=int(get(settings, "KIOSQUE_TAGS_MAX")),
            min_tags=int(get(settings, "KIOSQUE_TAGS_MIN")), head_words=int(get(settings, "KIOSQUE_TAGS_HEAD_WORDS")),
            processes=int(get(settings, "KIOSQUE_TAGS_PROCESSES")),
            parallel_from=int(get(settings, "KIOSQUE_TAGS_PARALLEL_FROM")),
            stop=stop_keys(tuple(get(settings, "KIOSQUE_STOP_TAGS"))), holes=bool(get(settings, "KIOSQUE_TAGS_HOLES")),
        )


@dataclass
class Cluster:
    """One entity's uses in one article."""

    surfaces: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    zones: set = field(default_factory=set)  # "title", "lede", "body"
    first: int = 10**9  # order of first use
    initial_only: bool = True  # every use opens a sentence
    from_model: bool = False
    entity: object = None  # registry Entity, when the archive knows it

    @property
    def label(self) -> str:
        if self.entity is not None:
            return self.entity.type
        if self.surfaces and country(self.best):
            return "LOC"
        return self.labels.most_common(1)[0][0] if self.labels else ""

    @property
    def best(self) -> str:
        return max(self.surfaces, key=lambda s: (len(tokens(s)), self.surfaces[s], s))

    @property
    def uses(self) -> int:
        return sum(self.surfaces.values())

    def absorb(self, other: Cluster) -> None:
        self.surfaces.update(other.surfaces)
        self.labels.update(other.labels)
        self.zones |= other.zones
        self.first = min(self.first, other.first)
        self.initial_only = self.initial_only and other.initial_only
        self.from_model = self.from_model or other.from_model
        self.entity = self.entity or other.entity


def get_ready(count: int, settings: dict) -> None:
    """Load the model while the import parses its first chunk (this process would only wait):
    an import of chunks of new articles has names to read."""
    if get(settings, "KIOSQUE_TAGS") and count >= int(get(settings, "KIOSQUE_TAGS_PARALLEL_FROM")):
        ner.load(get(settings, "KIOSQUE_TAGS_MODEL"))


def enrich_batch(articles: list[Article], settings: dict, posts: Path | None = None) -> None:
    if not get(settings, "KIOSQUE_TAGS") or not articles:
        return
    config = Config.from_settings(settings)
    if len(articles) < config.parallel_from and config.processes > 1:
        # Adding an article or two: another process loads the model (1.7 s) while this one
        # reads the registry and the heads, then reads the names (`_recognise`).
        workers.warm(config.model)
    path = registry_path(settings, posts)
    registry = _PENDING.get(path) or _saved(path) or Registry.load(path)
    ahead = _AHEAD.pop(path, None)
    if ahead is not None and ahead.read(articles, registry, config):
        heads, inputs = ahead.heads, ahead.inputs  # found while the previous chunk was written
    else:
        heads, inputs = _heads_and_inputs(articles, registry, config)
    processes = config.processes if len(articles) >= config.parallel_from else 1
    found = ahead.result() if ahead is not None else None  # its processes end either way
    if found is None or ahead.inputs != inputs:
        found = _recognise(inputs, config, processes)
    shared = _batch_names(articles, found, inputs, config)
    # Every article is analysed against the registry as the batch found it, so the result does
    # not depend on the order or the process an article went to; then it learns, in order.
    items = list(zip(articles, found, inputs, heads, strict=True))
    # The analysis needs no model: it is not loaded for it when the batch did not need it.
    analyses = spread(_analyse_all, items, (registry, config, shared), processes,
                      config.model if any(inputs) else "")
    for article, analysis in zip(articles, analyses, strict=True):
        learn(article, analysis, registry, config)
    # Saved when the import says the chunk's posts are recorded (registry_written), not now:
    # a run killed in between then reruns the chunk with the registry it first saw. Kept as the
    # next chunk would read it back from the file (indexed in the file's order), which is also
    # what the model starts on ahead of the next chunk (recognise_ahead).
    _PENDING[path] = registry.reloaded()


_PENDING: dict[Path, Registry] = {}


def _heads_and_inputs(articles: list[Article], registry: Registry, config: Config) -> tuple[list, list]:
    """Each article's head, and what the model is to read of it: only the head's sentences naming
    something the archive does not know yet; names it learned are found by matching. The more the
    archive knows, the less the model reads."""
    heads = [ner.head_text([a.title, a.lede, *a.paragraphs], config.head_words) for a in articles]
    inputs = [mentions.unexplained(head, lambda key: _known(registry, key)) for head in heads]
    return heads, inputs


def recognise_ahead(articles: list[Article], settings: dict, posts: Path | None = None) -> None:
    """Start the model on the next chunk while the import writes the current one: what it reads
    depends only on the registry as the current chunk left it, which is the registry the next
    chunk's ``enrich_batch`` will see (it uses these results only if its inputs are the same)."""
    path = registry_path(settings, posts)
    _discard(_AHEAD.pop(path, None))
    registry = _PENDING.get(path)
    if not get(settings, "KIOSQUE_TAGS") or not articles or registry is None:
        return
    config = Config.from_settings(settings)
    if len(articles) < config.parallel_from or config.processes <= 1:
        return
    heads, inputs = _heads_and_inputs(articles, registry, config)
    todo = [i for i, text in enumerate(inputs) if text]
    running = None
    if len(todo) >= 2:
        texts = [inputs[i] for i in todo]
        running = workers.start(ner.recognise, texts, (config.model,), config.processes, config.model, kept=True)
    _AHEAD[path] = _Ahead(list(articles), registry, config.head_words, heads, inputs, todo, running)


@dataclass
class _Ahead:
    articles: list[Article]
    registry: Registry
    head_words: int
    heads: list[str]
    inputs: list[str]
    todo: list[int]
    running: Running | None  # None: too little for the model's processes, the chunk runs it

    def read(self, articles: list[Article], registry: Registry, config: Config) -> bool:
        """Whether its heads and inputs are those of these very articles against this very
        registry, unchanged since (nothing learns between the two signals), with these settings."""
        return (registry is self.registry and config.head_words == self.head_words
                and len(articles) == len(self.articles) and all(map(operator.is_, articles, self.articles)))

    def result(self) -> list | None:
        if self.running is None:
            return None
        out = [[] for _ in self.inputs]
        for i, ents in zip(self.todo, self.running.result(), strict=True):
            out[i] = ents
        return out


_AHEAD: dict[Path, _Ahead] = {}
# The registry as last saved, with the file's stamp: the next chunk of the import goes on with it
# rather than reading back what it just wrote (seconds per chunk once the archive is big).
_SAVED: dict[Path, tuple[tuple, Registry]] = {}


def save_registry(settings: dict, posts: Path | None = None) -> None:
    path = registry_path(settings or {}, posts)
    registry = _PENDING.pop(path, None)
    if registry is not None:
        registry.save(path)
        _SAVED[path] = (_stamp(path), registry)


def registry_for_build(path: Path) -> Registry:
    """The registry the file holds: the one this process saved last when the file is still the
    one it wrote (same inode, size and time, whatever the path's spelling), else read. The build
    right after an import would otherwise parse and index it again (0.8 s at 10,000 articles)."""
    stamp = _stamp(path)
    for saved_stamp, registry in _SAVED.values():
        if stamp is not None and saved_stamp == stamp:
            return registry
    return Registry.load(path)


def release() -> None:
    """Let the look-ahead processes end. The saved registries are kept for the build
    (`registry_for_build`); the next import reads the file unless it is the one saved."""
    while _AHEAD:
        _discard(_AHEAD.popitem()[1])  # started for a chunk the import did not reach


def _discard(ahead: _Ahead | None) -> None:
    """Let the processes of an unused look-ahead end."""
    if ahead is not None:
        with contextlib.suppress(Exception):
            ahead.result()


def _saved(path: Path) -> Registry | None:
    """The registry this process saved last, unless the file changed since."""
    stamp, registry = _SAVED.pop(path, (None, None))
    return registry if stamp is not None and stamp == _stamp(path) else None


def _stamp(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _batch_names(articles, found, heads, config: Config) -> dict[str, Counter]:
    """Names the model found in the heads of at least two of the batch's articles: matched in
    every body of the batch, so an article learns what its neighbours' headlines taught."""
    seen: dict[str, Counter] = {}
    articles_with: Counter = Counter()
    for article, ents, head in zip(articles, found, heads, strict=True):
        excluded = config.stop | {fold(article.kicker), fold(article.author)} - {""}
        names = _model_names(ents, excluded, head)
        for key, labels in names.items():
            seen.setdefault(key, Counter()).update(labels)
            articles_with[key] += 1
    return {key: labels for key, labels in seen.items() if articles_with[key] >= 2}


def enrich_article(article: Article, ents, registry: Registry, config: Config, heads_text: str = "",
                   shared: dict[str, Counter] | None = None) -> None:
    found = analyse(article, ents, registry, config, heads_text, shared)
    learn(article, found, registry, config)


@dataclass
class Analysis:
    """What one article yields without changing the registry: its entities, its holes."""

    clusters: list[Cluster]
    lede: str
    blocks: list[str]
    gaps: int = 0
    repairs: list[str] = field(default_factory=list)


def analyse(article: Article, ents, registry: Registry, config: Config, heads_text: str = "",
            shared: dict[str, Counter] | None = None, head: str | None = None) -> Analysis:
    """Holes marked or repaired and entity uses found; the registry is only read, so articles can
    be analysed in any order and in any process. ``heads_text``: what the model read;
    ``head``: the part of the article it was given to read (when it skipped known names)."""
    excluded = config.stop | {fold(article.kicker), fold(article.author)} - {""}
    local = _model_names(ents, excluded, heads_text)
    clusters = _find_uses(article, local, registry, shared or {})
    _vouch_for_known(clusters.values(), heads_text if head is None else head)
    _merge_people(clusters)
    gaps, repairs = _holes(article, clusters, registry) if config.holes else (0, [])
    kept = [c for c in clusters.values() if _worth_keeping(c, excluded)]
    return Analysis(kept, article.lede, [b.text for b in article.blocks], gaps, repairs)


def _analyse_all(items: list, registry: Registry, config: Config, shared: dict) -> list[Analysis]:
    return [analyse(article, ents, registry, config, read, shared, head) for article, ents, read, head in items]


def _recognise(inputs: list[str], config: Config, processes: int) -> list:
    """The model's entities per input; the model is not even loaded when the archive knows every
    name of the batch (adding one article about known people costs no model time)."""
    todo = [i for i, text in enumerate(inputs) if text]
    texts = [inputs[i] for i in todo]
    found = workers.recognise_warm(texts, config.model) if todo and processes <= 1 else None
    if found is None:
        found = spread(ner.recognise, texts, (config.model,), processes, config.model, kept=True) if todo else []
    out = [[] for _ in inputs]
    for i, ents in zip(todo, found, strict=True):
        out[i] = ents
    return out


def _known(registry: Registry, key: str) -> bool:
    return registry.known(key) is not None or country(key) is not None


def learn(article: Article, found: Analysis, registry: Registry, config: Config) -> None:
    """The registry records the article's entities; the article gets its tags and facets."""
    article.lede = found.lede
    for block, text in zip(article.blocks, found.blocks, strict=True):
        block.text = text
    for cluster in found.clusters:
        learned = cluster.from_model or cluster.entity is not None
        cluster.entity = registry.observe(cluster.best, cluster.label or "MISC", cluster.surfaces,
                                          article.source) if learned else None
    _fill(article, choose(article, found.clusters, config.min_tags, config.max_tags))
    if found.gaps or found.repairs:
        article.gaps, article.repairs = found.gaps, found.repairs


def _vouch_for_known(clusters, head: str) -> None:
    """A name the archive knows, used in the head, counts as found by the model: the model was
    spared that sentence only because the archive had learned the name from it before."""
    for cluster in clusters:
        if cluster.entity is not None and not cluster.from_model and any(s in head for s in cluster.surfaces):
            cluster.from_model = True


# -- names the model found in the head ------------------------------------------------------
def _model_names(ents, excluded, head: str) -> dict[str, Counter]:
    """Folded name → labels the model gave it, for plausible names only."""
    local: dict[str, Counter] = {}
    for text, label, start in ents:
        name = clean(text)
        if mentions.opens_sentence(head, start):
            name = drop_opening_article(name)
        if not is_plausible(name, label) or fold(name) in excluded:
            continue
        local.setdefault(fold(name), Counter())[label] += 1
    return local


# -- every use of a known name in the article ----------------------------------------------
def _find_uses(article: Article, local: dict[str, Counter], registry: Registry, shared: dict[str, Counter]) -> dict:
    clusters: dict = {}
    order = 0

    def lookup(key, words, initial):
        if key in local:
            return ("local", key)
        if len(words) == 1 and is_common_first_name(words[0]):
            # « la petite Angélique » is the article's only Angélique the model named in full; not
            # « (marché de) Noël » for a « Noël de Strasbourg » the model took for a person.
            owners = [k for k, labels in local.items() if labels.get("PER") and given_names(k)[:1] == [key]
                      and not set(k.split()) & PARTICLES]
            if len(owners) == 1:
                return ("local", owners[0])
        name = " ".join(words)
        french = country(name)
        if french:
            return ("country", fold(french))
        entity = registry.known(key)
        if entity is not None and entity.type in ("PER", "LOC", "ORG"):
            return ("entity", id(entity), entity)
        if len(words) == 1 and not initial:
            person = registry.person_by_surname(name)
            if person is not None:
                return ("entity", id(person), person)
        if key in shared:
            local[key] = Counter(shared[key])
            return ("local", key)
        if _first_and_last_name(words):
            # Beyond the head the model reads, « Alain Juppé » is still a person by its shape.
            local[key] = Counter({"PER": 1})
            return ("local", key)
        return None

    zones = [("title", article.title), ("lede", article.lede)] + [("body", b.text) for b in article.blocks]
    for zone, text in zones:
        for mention, hit in mentions.find(text, lookup):
            ident = hit[:2]
            cluster = clusters.setdefault(ident, Cluster())
            cluster.surfaces[mention.text] += 1
            cluster.zones.add(zone)
            cluster.first = min(cluster.first, order)
            cluster.initial_only = cluster.initial_only and mention.initial
            order += 1
            if hit[0] == "local":
                cluster.labels.update(local[hit[1]])
                cluster.from_model = True
            elif hit[0] == "entity":
                cluster.entity = hit[2]
            elif hit[0] == "country":
                cluster.labels["LOC"] += 1
    # A name the model found and the archive knows is one cluster with the archive's other uses.
    for ident, cluster in list(clusters.items()):
        if ident[0] != "local":
            continue
        entity = registry.resolve(cluster.best, cluster.label)
        if entity is not None:
            cluster.entity = entity
            other = clusters.get(("entity", id(entity)))
            if other is not None and other is not cluster:
                cluster.absorb(other)
                del clusters[("entity", id(entity))]
    return clusters


def _first_and_last_name(words: list[str]) -> bool:
    """A common first name, then a capitalised surname that is not itself a first name."""
    if len(words) < 2 or len(words) > 4 or not is_common_first_name(words[0]):
        return False
    last = words[-1]
    return is_plausible(" ".join(words), "PER") and not is_common_first_name(last) and not last.isupper()


def _merge_people(clusters: dict) -> None:
    """``Trump`` and ``Donald Trump``, ``al-Assad`` and ``Bachar al-Assad``: one person when only
    one full name in the article fits the bare surname (or the bare first name)."""
    full = [(k, c) for k, c in clusters.items() if c.label == "PER" and len(tokens(c.best)) >= 2]
    for key, cluster in list(clusters.items()):
        if key not in clusters or len(tokens(cluster.best)) >= 2 and not _bare_surname(cluster.best):
            continue
        if cluster.label == "LOC" and cluster.entity is None or country(cluster.best):
            continue
        fits = [(k, c) for k, c in full if c is not cluster and k in clusters
                and (surname_key(c.best) == surname_key(cluster.best)
                     or [fold(cluster.best)] == given_names(c.best)[:1] and is_common_first_name(cluster.best))]
        targets = {id(c): (k, c) for k, c in fits}
        if len(targets) == 1:
            _key, target = next(iter(targets.values()))
            target.absorb(cluster)
            del clusters[key]


def _bare_surname(name: str) -> bool:
    words = tokens(name)
    return len(words) == 2 and words[0].lower() in {"le", "la", "de", "al", "el", "ben", "van", "von"} \
        or len(words) == 1 or (len(words) == 1 and "-" in name)


# -- holes -------------------------------------------------------------------------------
def _holes(article: Article, clusters: dict, registry: Registry) -> tuple[int, list[str]]:
    bare = _bare_people(clusters, registry)
    surnames = {fold(w) for c in clusters.values() if c.label == "PER" for s in c.surfaces
                for w in [tokens(s)[-1]] if len(tokens(s)) >= 2 or not is_common_first_name(s)}
    count, repairs = 0, []
    texts = [("lede", None)] + [("body", i) for i in range(len(article.blocks))]
    for _zone, index in texts:
        text = article.lede if index is None else article.blocks[index].text
        found = holes.find(text, surnames)
        fills, kept = {}, []
        for hole in found:
            fill = _repair(hole, bare, clusters, registry, text) if hole.first_names else None
            if fill:
                fills[hole.at] = fill
                repairs.append(f"{' '.join(hole.first_names)} […] → {' '.join(hole.first_names)} {fill}")
            elif hole.only_if_repaired:
                continue
            else:
                count += 1
            kept.append(hole)
        if kept:
            marked = holes.mark(text, kept, fills, GAP)
            if index is None:
                article.lede = marked
            else:
                article.blocks[index].text = marked
    return count, repairs


def _bare_people(clusters: dict, registry: Registry) -> list[Cluster]:
    """People the article names by surname only (candidates for a dangling first name)."""
    out = []
    for cluster in clusters.values():
        if cluster.label != "PER" or not all(_bare_surname(s) for s in cluster.surfaces):
            continue
        if cluster.entity is not None and cluster.entity.full:
            continue  # the archive knows this person's first names
        if all(is_common_first_name(s) and not cluster.entity for s in cluster.surfaces):
            continue
        out.append(cluster)
    return out


def _repair(hole, bare: list[Cluster], clusters: dict, registry: Registry, text: str) -> str | None:
    """The surname that fell out, when the article or the archive leaves no doubt; else None."""
    given = [fold(n) for n in hole.first_names]
    # The archive knows exactly one person with these first names, and the article names them.
    named = {fold(s) for c in clusters.values() for s in c.surfaces}
    known = [e for e in registry.with_given_names(given) if any(surname_key(e.name) == surname_key(n) for n in named)]
    if len(known) == 1:
        return tokens(known[0].name)[-1]
    # Otherwise: the only person named by surname alone in the title or lede.
    headline = [c for c in bare if c.zones & {"title", "lede"}]
    if len(headline) != 1:
        return None
    cluster = headline[0]
    surname = max(cluster.surfaces, key=lambda s: (_marks(s), cluster.surfaces[s]))
    bare.remove(cluster)  # one person per dangling first name
    cluster.surfaces[" ".join(hole.first_names + [surname])] += 1
    return surname


def _marks(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127)


# -- what is never a tag -------------------------------------------------------------------
def _worth_keeping(cluster: Cluster, excluded) -> bool:
    name = cluster.best
    if fold(name) in excluded or not cluster.label or cluster.label == "MISC":
        return False
    if country(name):
        return True
    if cluster.initial_only and len(tokens(name)) == 1 and cluster.entity is None:
        return False  # « Soutenues », « Pendant »: capitalised only as a sentence's first word
    if cluster.label in ("PER", "ORG") and len(tokens(name)) == 1 and is_common_first_name(name) \
            and (cluster.entity is None or not cluster.entity.full):
        return False  # a lone first name says nothing in an archive-wide tag
    return True


def _fill(article: Article, chosen: list[Cluster]) -> None:
    tags = list(dict.fromkeys(article.sections))
    seen = {fold(t) for t in tags}
    people, places, orgs = [], [], []
    for section in article.sections:
        if country(section):
            places.append(section)
    for cluster in chosen:
        name = cluster.entity.name if cluster.entity is not None else cluster.best
        kind = cluster.entity.type if cluster.entity is not None else cluster.label
        if fold(name) not in seen:
            seen.add(fold(name))
            tags.append(name)
        target = {"PER": people, "LOC": places, "ORG": orgs}.get(kind)
        if target is not None and name not in target:
            target.append(name)
    article.tags, article.people, article.places, article.organizations = tags, people, places, orgs
