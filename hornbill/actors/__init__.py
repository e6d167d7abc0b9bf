"""Actors: every place a document names (or stands for) an actor, resolved to a canonical actor.

The cascade, per document (``find_actor_mentions``), most reliable evidence first:

1. acronyms the text defines ("the Rapid Support Forces (RSF)"): acronym and expansion become
   one actor for the whole document, whether or not the dictionary knows it;
2. dictionary aliases found by a PhraseMatcher (countries, capitals, demonyms, organisations,
   missions, armed groups, office holders), also where spaCy's NER misses them;
3. spaCy entities (PERSON, ORG, GPE, NORP, FAC, LOC) resolved against the dictionary, then by a
   guarded fuzzy match (misspellings), else new PERSON/ORG actors keyed by their normalised name;
4. lone surnames ("Lavrov", "Mr Traoré") linked to the one full name the document gives them,
   abstaining when two people share the surname;
5. role nouns ("the Malian authorities", "the junta", "the mission", "the minister", "his Malian
   counterpart", "the Wagner mercenary army") resolved within the document;
6. "he"/"she" as the subject of a speech verb, when one person is the clear antecedent; "it" and
   "them" as objects (the nearest organisation or country; the first of two coordinated actors).

Overlaps are settled greedily: longer spans and more reliable evidence win. The dictionary lives
in ``data/actors.yaml`` plus ``data/actors/countries.yaml`` (pycountry supplies the countries);
role words live in ``data/actors/roles.yaml``.

Modules: :mod:`~hornbill.actors.dictionary` (the dictionary and role words, no spaCy),
:mod:`~hornbill.actors.resolution` (the per-document state and selection),
:mod:`~hornbill.actors.names` (steps 1-4), :mod:`~hornbill.actors.titles`,
:mod:`~hornbill.actors.roles` (step 5), :mod:`~hornbill.actors.pronouns` (step 6) and
:mod:`~hornbill.actors.component` (the cascade and the ``hornbill_actors`` spaCy component, which
importing that module registers). The names below that need spaCy are imported on first use, so
that ``hornbill.actors`` and its dictionary can be used without loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from hornbill.actors.dictionary import (
    ACTOR_TYPES,
    ACTORS_FILE,
    COUNTRIES_FILE,
    ROLES_FILE,
    ActorDictionary,
    DictionaryEntry,
    RoleBook,
    load_roles,
    name_key,
    normalise,
    validate_entry,
)

if TYPE_CHECKING:
    from hornbill.actors.component import actor_for_span, find_actor_mentions
    from hornbill.actors.resolution import ActorMatchers

__all__ = [
    "ACTORS_FILE",
    "ACTOR_TYPES",
    "COUNTRIES_FILE",
    "ROLES_FILE",
    "ActorDictionary",
    "ActorMatchers",
    "DictionaryEntry",
    "RoleBook",
    "actor_for_span",
    "find_actor_mentions",
    "load_roles",
    "name_key",
    "normalise",
    "validate_entry",
]

#: The re-exported names that need spaCy, by the module that defines them.
_SPACY_NAMES = {"ActorMatchers": "resolution", "actor_for_span": "component", "find_actor_mentions": "component"}


def __getattr__(name: str) -> Any:
    # Imported lazily so that the dictionary alone does not pay for loading spaCy.
    module = _SPACY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'hornbill.actors' has no attribute {name!r}")
    return getattr(import_module(f"hornbill.actors.{module}"), name)
