"""One article's analysis, without changing the registry: the names the model found in its head,
every use of a known name in its text, people merged by surname, holes marked or repaired.
Articles are analysed in any order and in any process (workers.py)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kiosque_core.folding import fold
from kiosque_import.article import Article

from . import evidence, kinds, lexicon, lists, paragraph, phrasing, places, spellings, things, variants
from .cues import ANNOUNCED, cue_after
from .firstnames import is_common_first_name
from .glosses import merge_glossed
from .merging import merge_people, merge_stations, merge_variants
from .modelspans import model_names, phrases
from .names import (
    PARTICLES,
    country,
    given_names,
    is_plausible,
    tokens,
)
from .registry import Registry
from .repair import mark_holes
from .settings import Config

# A word written in lowercase (letters and inner hyphens).
_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-zàâäçéèêëîïôöûùüÿœæ][a-zàâäçéèêëîïôöûùüÿœæ-]*(?![\w-])")


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
    cues: Counter = field(default_factory=Counter)  # what the words before its uses say (kinds.cue)
    kind: str | None = None  # decided from all the evidence (kinds.decide)
    enumerated: int = 0  # uses in a list of names (« Lisbonne ou Londres »): examples, rarely the subject

    @property
    def label(self) -> str:
        if self.kind is not None:
            return self.kind
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
        self.cues.update(other.cues)
        self.enumerated += other.enumerated
        self.zones |= other.zones
        self.first = min(self.first, other.first)
        self.initial_only = self.initial_only and other.initial_only
        self.from_model = self.from_model or other.from_model
        self.entity = self.entity or other.entity


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
    excluded = never_named(article, config)
    local = model_names(ents, excluded, heads_text)
    written = phrases(ents, excluded)
    for name in phrasing.quoted_subjects(article.title, [article.lede] + [b.text for b in article.blocks]):
        written.setdefault(name, (fold(name), kinds.MISC))
    clusters = _find_uses(article, local, registry, shared or {}, written)
    quoted = [c for c in clusters.values() if c.cues[kinds.MISC] or c.labels[kinds.MISC]]
    keys = phrasing.quoted_organisations([article.title, article.lede] + [b.text for b in article.blocks]) \
        if quoted else ()
    for cluster in (c for c in quoted if fold(c.best) in keys):
        cluster.cues[kinds.MISC] = cluster.labels[kinds.MISC] = 0  # quoted, but an organisation's name
    _vouch_for_known(clusters.values(), heads_text if head is None else head)
    evidence.models_named_alone(clusters.values(), [article.title, article.lede] + [b.text for b in article.blocks])
    evidence.relatives(clusters.values())
    _decide_kinds(clusters.values())
    merge_glossed(clusters, [article.title, article.lede, *(b.text for b in article.blocks)])
    merge_variants(clusters)
    merge_stations(clusters)
    merge_people(clusters)
    _decide_kinds(clusters.values())
    evidence.makers_before_models(clusters.values(), [article.title, article.lede, *(b.text for b in article.blocks)])
    gaps, repairs = mark_holes(article, clusters, registry) if config.holes else (0, [])
    lowered = _lowercase_words([article.title, article.lede, *(b.text for b in article.blocks)])
    kept = [c for c in clusters.values() if _worth_keeping(c, excluded, lowered)]
    return Analysis(kept, article.lede, [b.text for b in article.blocks], gaps, repairs)


def analyse_all(items: list, registry: Registry, config: Config, shared: dict) -> list[Analysis]:
    return [analyse(article, ents, registry, config, read, shared, head) for article, ents, read, head in items]


def _vouch_for_known(clusters, head: str) -> None:
    """A name the archive knows, used in the head, counts as found by the model: the model was
    spared that sentence only because the archive had learned the name from it before."""
    for cluster in clusters:
        if cluster.entity is not None and not cluster.from_model and any(s in head for s in cluster.surfaces):
            cluster.from_model = True


def never_named(article: Article, config: Config) -> frozenset[str]:
    """Folded names that are no entity here: page chrome among the stop tags (agencies and
    platforms are organisations an article may name, but never tags: ranking.py) and the
    kicker. The byline's author is named when the text names it too (« a rapporté l'AFP »,
    « Orange vous conseille »): an entity then, never a tag (ranking.py)."""
    chrome = {key for key in config.stop if not kinds.listed(key)}
    return frozenset(chrome | {fold(article.kicker)} - {""})


def _find_uses(article: Article, local: dict[str, Counter], registry: Registry, shared: dict[str, Counter],
               written: dict[str, tuple[str, str]]) -> dict:
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
        if len(words) >= 2 and words[0] in evidence.CAPITAL_PARTICLES:
            # « De Carolis doit sa présidence… »: the « Patrick de Carolis » the article names
            owners = [k for k, labels in local.items() if labels.get("PER") and k.endswith(" " + key)]
            if len(owners) == 1:
                return ("local", owners[0])
        name = " ".join(words)
        french = country(name)
        if french:
            return ("country", fold(french))
        entity = registry.known(spellings.key(name))
        if entity is not None and entity.type in ("PER", "LOC", "ORG"):
            person = evidence.surname_of(name, entity, registry) if len(words) == 1 and not initial else None
            return ("entity", id(person or entity), person or entity)
        if len(words) == 1 and not initial:
            person = registry.person_by_surname(name)
            if person is not None:
                return ("entity", id(person), person)
        if key in shared:
            local[key] = Counter(shared[key])
            return ("local", key)
        if things.is_line(name) or things.a_colour(name):
            local[key] = Counter({kinds.MISC: 1})  # « un TGV Nord sur deux »: no « Nord » here; « Azores Orange »
            return ("local", key)
        if kinds.listed(name) and not (len(words) > 1 and evidence.opens_a_person(fold(words[-1]), local)):
            return ("listed", key)  # not « l'AFP Rajon » of « l'AFP Rajon Kumar Saha », a person the model found
        if key in lists.bare_listed():
            return ("bare", key)  # « au Parisien »; kept only after an article (_uses)
        if kinds.person_shaped(name) and is_plausible(name, "PER") and not evidence.place_then_person(words):
            # Beyond the head the model reads, « Alain Juppé » is still a person by its shape.
            local[key] = Counter({"PER": 1})
            return ("local", key)
        return None

    zones = [("title", article.title), ("lede", article.lede)] + [("body", b.text) for b in article.blocks]
    for zone, text in zones:
        uses = paragraph.names(text, lookup, local, written)
        listed = paragraph.enumerated(text, [use[0] for use in uses])
        # (not next to a person's name: « M Pokora, Zazie, Florent Pagny et Mika » is a jury)
        placed = {i for i, j in listed.items() if any(paragraph.a_place(uses[k][1], local) for k in j)
                  and not any(kinds.person_shaped(uses[k][0].text) for k in j)
                  and paragraph.a_real_list(text, [use[0] for use in uses], listed, i)}
        peopled = {i for i, j in listed.items() if any(evidence.a_person(uses[k], local) for k in j)
                   and len(tokens(uses[i][0].text)) == 1 and not kinds.listed(uses[i][0].text)
                   and not places.is_town(uses[i][0].text)}
        for index, (mention, hit, announced) in enumerate(uses):
            ident = hit[:2]
            cluster = clusters.setdefault(ident, Cluster())
            cluster.surfaces[mention.text] += 1
            cluster.zones.add(zone)
            cluster.first = min(cluster.first, order)
            cluster.enumerated += index in listed
            cluster.cues[kinds.AT] += index in placed  # « Alger, Belgrade, Liège »: listed with places
            cluster.cues["PER"] += index in peopled  # « M Pokora, Zazie, Florent Pagny et Mika »: a jury
            # « Tours : deux personnes… »: a title opening with a name and a colon names a place
            # or a subject; its capital is the name's.
            headed = zone == "title" and mention.start == 0 and text[len(mention.text):].lstrip().startswith(":") \
                and not (evidence.rubric(mention.text) and not paragraph.a_place(hit, local))
            cluster.initial_only = cluster.initial_only and mention.initial and not headed
            cluster.cues[kinds.HEADED] += headed
            # A name its words announce (phrasing.py) has that type; else a title's quotes, the words before.
            title = announced or kinds.title_cue(text, mention.start, mention.start + len(mention.text))
            before = kinds.cue(text, mention.start) if title not in (kinds.MISC, kinds.IN_TITLE) and not announced \
                else ""
            after = cue_after(text, mention.start, mention.start + len(mention.text)) if not title else ""
            for said in {title, before, after} - {""}:
                cluster.cues[said] += 1
            cluster.cues[ANNOUNCED] += bool(announced)
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
        if entity is not None and len(tokens(cluster.best)) == 1:
            entity = evidence.surname_of(cluster.best, entity, registry) or entity
        if entity is not None:
            cluster.entity = entity
            other = clusters.get(("entity", id(entity)))
            if other is not None and other is not cluster:
                cluster.absorb(other)
                del clusters[("entity", id(entity))]
    return clusters


def _lowercase_words(texts: list[str]) -> frozenset[str]:
    return frozenset(_LOWERCASE_WORD.findall(" ".join(texts)))


def _worth_keeping(cluster: Cluster, excluded, lowered: frozenset[str] = frozenset()) -> bool:
    name = cluster.best
    if fold(name) in excluded or not cluster.label or len(name.strip(".")) < 2:
        return False  # … nor « G » of « la catégorie BGC/G »
    if cluster.initial_only and len(tokens(name)) == 1 and name.lower() in lowered and not kinds.listed(name) \
            and not variants.is_acronym(name):
        # « Déconfinement : … » in a title over « le déconfinement » in the text: the article itself
        # writes it as a word (a word newer than the lexicon), whatever the archive learned before.
        return False
    if cluster.initial_only and len(tokens(name)) == 1 and cluster.entity is None and not kinds.listed(name) \
            and not variants.is_acronym(name) and (lexicon.is_common(name) or sum(cluster.labels.values()) < 2):
        return False  # « Soutenues », « Pendant »: capitalised only as a sentence's first word
    if cluster.initial_only and cluster.entity is None and _common_phrase(name) and not kinds.listed(name):
        return False  # « Promotions exclusives, prix cassés… »: a sentence's first words
    if cluster.label == kinds.MISC:
        if cluster.initial_only and len(tokens(name)) == 1:
            return False  # « Ça », « Résultat »: a sentence's first word, nothing named
        return "title" in cluster.zones or cluster.uses >= 2  # a named subject may be a tag
    if country(name):
        return True
    if len(tokens(name)) == 1 and is_common_first_name(name) and (cluster.entity is None or not cluster.entity.full) \
            and not kinds.listed(name) and not (cluster.label == "LOC" and cluster.cues["LOC"] + cluster.cues["AT"]) \
            and not (cluster.label == "ORG" and cluster.cues[ANNOUNCED]):
        # A person the article calls by a first name alone (« la petite Maëlys ») is named (never a
        # tag: ranking.py); as a place or an organisation, a first name needs « à Florence », « l'hebdomadaire
        # Marianne ».
        return cluster.label == "PER" and not cluster.initial_only
    return True


def _common_phrase(name: str) -> bool:
    """Words of the language only, the first capitalised and the others lowercase."""
    words = tokens(name)
    return len(words) > 1 and all(w.islower() for w in words[1:]) and all(lexicon.is_common(w) for w in words
                                                                         if w not in PARTICLES)


def _decide_kinds(clusters) -> None:
    """Each name's type from all the evidence: the article's, and the archive's votes."""
    for cluster in clusters:
        archive = cluster.entity.votes if cluster.entity is not None else Counter()
        cluster.kind = kinds.decide(cluster.best, cluster.labels, cluster.cues, archive, not cluster.initial_only)
