"""Load the word lists in extractors/rules/*.yaml, rejecting unknown keys, duplicates and missing keys."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from indicators.yamlfile import DataFileError, load_yaml_text


class RulesError(DataFileError):
    """A rules file is malformed: the message names the file and the key."""


@cache
def rules(name: str) -> dict[str, Any]:
    """The mapping in extractors/rules/<name>.yaml, with its keys checked against the file's `keys:` list."""
    text = resources.files("extractors").joinpath("rules", f"{name}.yaml").read_text(encoding="utf-8")
    data = load_yaml_text(text, f"extractors/rules/{name}.yaml")
    if not isinstance(data, dict):
        raise RulesError(f"extractors/rules/{name}.yaml: expected a mapping at the top")
    expected = SCHEMAS.get(name)
    if expected is not None:
        unknown = set(data) - set(expected)
        missing = set(expected) - set(data)
        if unknown:
            raise RulesError(f"extractors/rules/{name}.yaml: unknown key(s) {sorted(unknown)}")
        if missing:
            raise RulesError(f"extractors/rules/{name}.yaml: missing key(s) {sorted(missing)}")
    return data


def alternation(words, searched: bool = False) -> str:
    """A regex alternation of literal words, longest first, so that 同比增长 wins over 增长.

    Written as a trie (同比增长|同比|增长 -> 同比(?:增长|)|增长): the engine tries the alternatives of
    a flat alternation one by one at every position, of a trie only those that share the letters
    read so far. The words that can match at a position are prefixes of one another, and the trie
    tries them longest first too: the same matches, in the same order. A `searched` alternation (a
    whole pattern, searched for) keeps each alternative's first letter its own: the engine then skips
    in one fast loop to where one can start."""
    return _alternation(tuple(words), searched)


@lru_cache(maxsize=1024)
def _alternation(words: tuple[str, ...], searched: bool) -> str:
    # Cached: a few callers build their pattern for each call (entities._short_name, layout).
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(trie, searched)


def _trie_pattern(node: dict, searched: bool = False) -> str:
    leaves = "".join(char for char, child in node.items() if char and list(child) == [""])
    if searched and len(leaves) < len(node):
        leaves = ""  # (a class among the alternatives would stop the fast skip)
    branches = [re.escape(c) + _trie_pattern(child) for c, child in node.items() if c and c not in leaves]
    if len(leaves) > 1:
        branches.append(f"[{re.escape(leaves)}]")  # one test for the words that end on their letter
    elif leaves:
        branches.append(re.escape(leaves))
    if "" in node:
        branches.append("")  # the word ending here, after every longer one
    if len(branches) <= 1:
        return "".join(branches)
    return f"(?:{'|'.join(branches)})"


@cache
def any_of(name: str, key: str) -> re.Pattern:
    """A compiled alternation of the words of rules/<name>.yaml `key`."""
    return re.compile(alternation(word_list(name, key), searched=True))


@cache
def word_list(name: str, key: str) -> list[str]:
    """A list of words, longest first, so that alternations match the longest spelling (checked once)."""
    words = rules(name)[key]
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise RulesError(f"extractors/rules/{name}.yaml: {key} must be a list of non-empty strings")
    if len(set(words)) != len(words):
        dup = sorted({w for w in words if words.count(w) > 1})
        raise RulesError(f"extractors/rules/{name}.yaml: {key} repeats {dup}")
    return sorted(words, key=len, reverse=True)


# The keys each rules file must have, and no others.
SCHEMAS: dict[str, tuple[str, ...]] = {
    "layout": ("bulletin_sections", "story_openers", "boilerplate", "not_headline_starts"),
    "regions": ("national", "world", "countries", "groupings", "provinces", "cities", "districts", "home", "suffixes", "publishers", "grouping_members",
                "org_suffixes", "weak_org_suffixes", "known_orgs", "introductions", "zones", "not_org_start",
                "person_titles", "governments", "events", "national_parts", "national_sources", "generic_names", "launch_verbs", "named_places", "product_anaphors", "base_markers", "attribute_after"),
    "qualifiers": ("lower_bound", "approx", "upper_bound", "linking", "after_at_end"),
    "multiples": ("words",),
    "periods": ("relative_years", "context_years", "relative_spans", "to_date", "whole_year", "bare_year_end", "seasons", "anaphora", "year_of_span", "now", "until",
                "year_end", "comparison", "runs_to"),
    "kinds": ("actual", "target", "not_target", "plan_titles", "rule_titles", "estimate", "growth", "fall", "level_after", "share_rates"),
    "noise": ("policy", "policy_not", "policy_right_before", "threshold_after", "threshold_before", "structure", "attendance",
              "media", "spec", "conventional", "quoted_names", "hypothetical", "obligation", "anecdote", "regions_counted", "outcome_lead", "entries",
              "changes", "reach", "focus", "survey", "milestone_verbs"),
    "frames": ("review_headings", "plan_headings", "goals_labels", "attributions"),
    "measures": (
        "weak_units",
        "heads",
        "breakdown_measures",
        "duration_heads",
        "counted_heads",
        "bare_counts",
        "firm_nouns",
        "firm_households",
        "item_nouns",
        "class_nouns",
        "stock_heads",
    ),
    "phrases": ("lead", "trail", "relative", "verbs", "right_stop", "generic_heads", "milestones", "crossing", "pairs", "scopes"),
}  # fmt: skip
