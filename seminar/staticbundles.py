"""The pages' own scripts and styles, bundled and minified when static files are collected.

A phone on a hostel's wifi pays for every response's headers and for every comment in
our sources: the first load was 40 KB in 11 responses. The sources stay readable and
separate in static/; `collectstatic` writes one minified script and one minified style
sheet from them (in the order given, which is the order the pages loaded them in), and
whitenoise then hashes and compresses them (gzip and, with `brotli` installed, Brotli).
"""

from django.core.files.base import ContentFile
from rcssmin import cssmin
from rjsmin import jsmin
from whitenoise.storage import CompressedManifestStaticFilesStorage

BUNDLES = {
    "bundle/site.css": ["css/tokens.css", "css/app.css", "css/hand.css", "css/print.css"],
    # htmx first, as the pages loaded it: live.js calls it; one response instead of two.
    "bundle/site.js": ["vendor/htmx.min.js", "js/live.js", "js/keep.js", "js/rescue.js", "js/focus.js"],
}
MINIFY = {".css": cssmin, ".js": jsmin}
SEPARATOR = {".css": "\n", ".js": ";\n"}  # a script's last statement may lack its semicolon


def bundle(name: str, sources: list[tuple[str, str]]) -> str:
    """The sources' texts, each minified (unless it is already), joined in order."""
    suffix = name[name.rindex("."):]
    return SEPARATOR[suffix].join(
        (text if path.endswith(".min" + suffix) else MINIFY[suffix](text)).strip() for path, text in sources
    ) + "\n"


class BundlingStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's storage, with `BUNDLES` written before files are hashed and compressed."""

    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            for name, parts in BUNDLES.items():
                texts = []
                for part in parts:
                    with self.open(part) as file:
                        texts.append((part, file.read().decode("utf-8")))
                if self.exists(name):
                    self.delete(name)
                self.save(name, ContentFile(bundle(name, texts).encode("utf-8")))
                paths[name] = (self, name)
        yield from super().post_process(paths, dry_run, **options)
