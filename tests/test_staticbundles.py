"""Our scripts and styles reach the pages bundled and minified (seminar/staticbundles.py)."""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

from seminar.staticbundles import BUNDLES, bundle


def test_every_source_of_a_bundle_exists():
    missing = [source for sources in BUNDLES.values() for source in sources if finders.find(source) is None]
    assert missing == []


def test_a_bundle_keeps_its_sources_order_and_drops_their_comments():
    js = bundle("x.js", [("a.js", "/* one */ var a = 1\n"), ("b.min.js", "var b=2;"), ("c.js", "var c = 3; // three")])
    css = bundle("x.css", [("a.css", "/* first */ a { color: red; }"), ("b.css", "b { color: blue; }")])

    assert js.index("a=1") < js.index("b=2") < js.index("c=3")
    assert "one" not in js and "three" not in js
    assert ";\n" in js  # a source's last statement may lack its semicolon
    assert css.index("color:red") < css.index("color:blue") and "first" not in css


def test_collectstatic_wrote_the_bundles_the_pages_ask_for(client):
    for name, sources in BUNDLES.items():
        with staticfiles_storage.open(name) as file:
            text = file.read().decode()
        assert text.strip(), name
        assert len(text) < sum(len(open(finders.find(source), encoding="utf-8").read()) for source in sources)
    page = client.get("/login/").content.decode()
    assert staticfiles_storage.url("bundle/site.js") in page
    assert staticfiles_storage.url("bundle/site.css") in page
