"""What a process keeps of the shared cache: values that never change under their key."""

from unittest import mock

from core.near_cache import NearCache, size_of


def test_it_keeps_text_and_drops_the_least_recently_used_past_its_bound():
    near = NearCache(max_bytes=4000)
    for name in "abcd":
        near.set(name, name * 1000, timeout=60)
    assert near.get("a") == "a" * 1000  # read again: now the most recent
    near.set("e", "e" * 1000, timeout=60)
    assert near.get("b") is None
    assert [near.get(name) for name in "acde"] == [name * 1000 for name in "acde"]
    assert near.size <= 4000


def test_it_never_keeps_past_the_shared_caches_timeout():
    near = NearCache(max_bytes=4000)
    with mock.patch("core.near_cache.time.monotonic", return_value=100.0):
        near.set("page", "<p>kept</p>", timeout=60)
    with mock.patch("core.near_cache.time.monotonic", return_value=159.0):
        assert near.get("page") == "<p>kept</p>"
    with mock.patch("core.near_cache.time.monotonic", return_value=160.0):
        assert near.get("page") is None
    assert near.size == 0


def test_records_and_other_changeable_values_are_left_to_the_shared_cache():
    near = NearCache(max_bytes=4000)
    near.set("record", object(), timeout=60)
    near.set("list", ["<p>a</p>"], timeout=60)
    near.set("too large", "x" * 2000, timeout=60)  # over a quarter of the bound
    assert not near.kept
    assert size_of(("<p>cards</p>", True, False)) is not None
    assert size_of({"header": "<header></header>"}) is not None
