"""``vendorgate watch``: fetch each document's live URL and compare it with the pinned snapshot.

Each document gets a status:

* ``unchanged``: every word of the pinned snapshot is on the live page, in order (the page may
  hold more: navigation, footers);
* ``changed``: it is not, or there is no snapshot to compare with; each cited quote is then
  reported as still present or gone;
* ``unreachable``: the page could not be fetched or read, with the reason.

Both sides are reduced by :func:`comparable` before comparing. Profiles are never edited; with
``--save DIR`` a changed page is stored as ``DIR/<vendor>/<doc-id>/<date>.md`` beside the
earlier versions, never over one, for a person to review and pin. It is stored in the form
``new`` pins a fetched page in (:func:`vendorgate.evidence.snapshots.strict_pinned_form`: an
HTML page as served, markup and all), so ``evidence diff`` between the two compares like with
like; its charset is the one ``new`` reads it in, that of a byte order mark, the header or an
HTML page's ``<meta>`` (:func:`vendorgate.evidence.snapshots.declared_charset`). A page with no
such form (not UTF-8 and no charset declared, a byte its charset cannot decode, a codec no page
is written in, a NUL byte) is ``unreachable``, with the reason:
it is neither saved nor compared, since any text read from it would not be the vendor's.

ETag and Last-Modified validators, and the last version fetched (in that stored form), are
remembered in this user's cache folder for the project (never in the work tree), signed with
the cache's key, so an unchanged page is not downloaded again; a state this user's runs did not
sign is ignored (see :class:`_State`), and so is a version an earlier release remembered, which
may hold U+FFFD for bytes it could not decode: the page is fetched in full, and a note says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from vendorgate.cache import keys, store
from vendorgate.core.errors import OutputError, UsageError
from vendorgate.core.model import Document, Location
from vendorgate.evidence import snapshots as evidence
from vendorgate.evidence.fetch import FetchError, Limits, Response, fetch
from vendorgate.evidence.verify import vendor_paths
from vendorgate.load import catalogue, workspace
from vendorgate.text import normalise
from vendorgate.text.html import html_to_text
from vendorgate.text.normalise import is_page
from vendorgate.text.passages import shown_text

UNCHANGED = "unchanged"
CHANGED = "changed"
UNREACHABLE = "unreachable"
WATCH_DIR = "watch"
"""The state's folder in this project's cache folder (:func:`vendorgate.cache.store.folder_for`)."""
STATE_FILE = "watch-state.json"
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_HTML_TYPES = evidence.HTML_TYPES


@dataclass(frozen=True)
class QuoteCheck:
    """Whether a cited quote is still on the live page."""

    fact: str
    plan: str | None
    location: Location
    """Where the evidence is written."""
    section: str
    quote: str
    present: bool


@dataclass(frozen=True)
class DocumentWatch:
    """One document of one vendor, checked against its live URL."""

    vendor: str
    doc: str
    title: str
    url: str
    status: str
    """unchanged, changed or unreachable."""
    reason: str = ""
    """Why it is changed or unreachable, in a sentence."""
    final_url: str = ""
    """Where the URL led after redirects; empty when the same."""
    not_modified: bool = False
    """The server answered 304 (the cached copy of the last fetch was compared)."""
    quotes: tuple[QuoteCheck, ...] = ()
    """The cited quotes, for a changed document."""
    saved: str = ""
    """Where ``--save`` stored the new version."""
    sha256: str = ""
    """sha256 of the page as saved."""


@dataclass(frozen=True)
class WatchResult:
    items: tuple[DocumentWatch, ...]
    notes: tuple[str, ...] = ()
    """What a person should know that is not a result: a watch state that was ignored."""

    @property
    def all_unchanged(self) -> bool:
        return all(item.status == UNCHANGED for item in self.items)

    def counts(self) -> dict[str, int]:
        return {
            status: sum(1 for i in self.items if i.status == status)
            for status in (UNCHANGED, CHANGED, UNREACHABLE)
        }


@dataclass
class _Fetched:
    """A page as text, and as ``--save`` stores it; or why there is none."""

    text: str = ""
    data: bytes = b""
    """The page in its stored form (:func:`evidence.strict_pinned_form`)."""
    error: str = ""
    final_url: str = ""
    not_modified: bool = False


STORED_FORM = "strict"
"""Marks a remembered version as the page in its strict stored form
(:func:`vendorgate.evidence.snapshots.strict_pinned_form`): nothing replaced. Entries of earlier
releases lack it."""
STATE_KIND = "watch-state/2"
"""What the state's signature is over, besides its content: no other signed thing fits."""


@dataclass
class _State:
    """Validators and last texts, per URL, for one repository.

    The state is untrusted input: it lives in this user's cache folder for the project (outside
    the work tree), and is used only when it carries an HMAC made with this user's key (the
    cache's, :func:`vendorgate.cache.keys.secret`) and each text it names has the sha256 the
    signed state records. Anything else is no state at all: every page is fetched in full,
    which is always correct, and ``note`` says why the state was ignored."""

    folder: Path
    key: bytes | None
    urls: dict[str, dict[str, str]] = field(default_factory=dict)
    dirty: bool = False
    note: str = ""
    """Why a state file that exists was not used; empty when it was (or there was none)."""
    outdated: set[str] = field(default_factory=set)
    """URLs whose remembered version an earlier release wrote, in a form not known to be
    strict: not used, the page fetched in full (:meth:`cached`)."""

    @classmethod
    def load(cls, root: Path) -> _State:
        state = cls(store.folder_for(root) / WATCH_DIR, keys.secret())
        path = state.folder / STATE_FILE
        try:
            raw = _read_own(path, STATE_LIMIT)
        except FileNotFoundError:
            return state
        except OSError as exc:
            state.note = (
                f"the watch state {path} cannot be read ({exc.strerror or exc}); "
                "every page was fetched in full"
            )
            return state
        urls = state._verified(raw)
        if urls is None:
            state.note = (
                f"the watch state {path} is not signed by this user's key (edited, copied or "
                "written by another user); it was ignored and every page was fetched in full"
            )
        else:
            state.urls = urls
        return state

    def _verified(self, raw: bytes) -> dict[str, dict[str, str]] | None:
        """The state's entries when ``raw`` is a state this user's runs signed, else None."""
        if self.key is None:
            return None
        try:
            data = json.loads(raw)
            body, mac = data["state"], data["mac"]
        except (ValueError, TypeError, KeyError):
            return None
        if not isinstance(body, str) or not isinstance(mac, str):
            return None
        if not keys.signed(self.key, mac, STATE_KIND, body):
            return None
        urls = json.loads(body)
        if not isinstance(urls, dict):
            return None
        return {
            k: v
            for k, v in urls.items()
            if isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
        }

    def cached(self, url: str, limit: int) -> tuple[bytes, str] | None:
        """The page last fetched from ``url``, in its stored form, and its media type. Even a
        signed state may only name the one file this code writes for that URL, inside its own
        folder, with the sha256 recorded (a path, a symlink, another URL's file, or an edited
        text is ignored, and the page is fetched in full). An entry an earlier release wrote
        is not used either, and the URL is noted in :attr:`outdated`: those kept the page's
        text, or the page decoded with undecodable bytes replaced by U+FFFD, and a replaced
        text compared with the pinned snapshot after a 304 could call a changed page
        unchanged. Only an entry marked with :data:`STORED_FORM` holds a strict stored form."""
        entry = self.urls.get(url, {})
        name, media = entry.get("text", ""), entry.get("media", "")
        if not name or name != _text_name(url) or not entry.get("sha256"):
            return None
        if entry.get("form") != STORED_FORM:
            self.outdated.add(url)
            return None
        if media not in _HTML_TYPES and media not in _TEXT_TYPES:
            return None
        folder = self.folder / "texts"
        try:
            if folder.is_symlink() or self.folder.is_symlink():
                return None
            data = _read_own(folder / name, limit)
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            return None
        if evidence.strict_pinned_form(data, "") != (data, ""):  # belt and braces: UTF-8, no NUL
            return None
        return data, media

    def remember(self, url: str, response: Response, data: bytes) -> None:
        if self.key is None:
            return  # nothing this user could check later is worth writing
        if not (response.etag or response.last_modified):
            if self.urls.pop(url, None) is not None:
                self.dirty = True
            return
        name = _text_name(url)
        folder = self.folder / "texts"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        _write_atomic(folder / name, data)
        self.urls[url] = {
            "etag": response.etag,
            "lastModified": response.last_modified,
            "text": name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "media": response.media_type,
            "form": STORED_FORM,
        }
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.key is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        body = json.dumps({k: self.urls[k] for k in sorted(self.urls)}, sort_keys=True)
        data = {"version": 2, "state": body, "mac": keys.sign(self.key, STATE_KIND, body)}
        _write_atomic(self.folder / STATE_FILE, (json.dumps(data, indent=2) + "\n").encode())


STATE_LIMIT = 16 * 1024 * 1024
"""The largest state file read."""


def _read_own(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, never through a symlink and
    never blocking on a FIFO; OSError otherwise (FileNotFoundError when there is none)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            raise OSError(f"{path.name} is not a regular file of at most {limit:,} bytes")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path.name} grew beyond {limit:,} bytes while read")
    return data


def _text_name(url: str) -> str:
    """The file, in the state's ``watch/`` folder, holding the last version of ``url``."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".txt"


def watch(
    paths: Sequence[str | Path] = (),
    limits: Limits | None = None,
    save_dir: str | Path | None = None,
    today: date | None = None,
    use_cache: bool = True,
) -> WatchResult:
    """Fetch every document URL of the given profiles (or the organisation's) and compare."""
    limits = limits or Limits()
    _check_limits(limits)
    vendors = catalogue.load_vendors(vendor_paths(paths))
    states: dict[Path, _State] = {}
    pages: dict[str, _Fetched] = {}
    items: list[DocumentWatch] = []
    for loaded in sorted(vendors, key=lambda lv: lv.profile.id):
        state = states.setdefault(loaded.root, _State.load(loaded.root))
        store = evidence.SnapshotStore(loaded.root)
        for document in loaded.profile.documents.values():
            if document.url not in pages:
                pages[document.url] = _get(document.url, limits, state, use_cache)
            item = _compare(loaded, document, pages[document.url], store)
            if save_dir is not None and item.status == CHANGED:
                item = _save(item, pages[document.url].data, Path(save_dir), today)
            items.append(item)
    for state in states.values():
        with contextlib.suppress(OSError):  # the cache is an optimisation, never a failure
            state.save()
    notes = {state.note for state in states.values() if state.note}
    notes.update(_outdated_note(state) for state in states.values() if state.outdated)
    return WatchResult(tuple(items), tuple(sorted(notes)))


def _outdated_note(state: _State) -> str:
    count = len(state.outdated)
    return (
        f"the watch state {state.folder / STATE_FILE} kept {count} page(s) as an earlier "
        "release stored them, which could replace bytes it could not decode; they were not "
        "used, and those pages were fetched in full"
    )


def _check_limits(limits: Limits) -> None:
    if limits.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if limits.max_bytes <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    if limits.retries < 0:
        raise UsageError("--retries must be 0 or more")


def _get(url: str, limits: Limits, state: _State, use_cache: bool) -> _Fetched:
    cached = state.cached(url, limits.max_bytes) if use_cache else None
    entry = state.urls.get(url, {}) if cached is not None else {}
    try:
        response = fetch(
            url, limits, etag=entry.get("etag", ""), last_modified=entry.get("lastModified", "")
        )
    except FetchError as exc:
        return _Fetched(error=str(exc))
    final = response.url if response.url != url else ""
    if response.not_modified:
        if cached is None:
            return _Fetched(error="the server answered 304 to a request that was not conditional")
        data, media = cached
        return _Fetched(_text(data, media), data, final_url=final, not_modified=True)
    media = response.media_type
    if media not in _HTML_TYPES and media not in _TEXT_TYPES:
        shown = media or "no content type"
        error = f"the page is {shown}; only HTML and plain text can be compared"
        return _Fetched(error=error, final_url=final)
    data, error = _stored_form(response)
    if error:
        # Neither compared nor remembered: any text read from it would not be the page's.
        return _Fetched(error=error, final_url=final)
    if use_cache:
        with contextlib.suppress(OSError):
            state.remember(url, response, data)
    return _Fetched(_text(data, media), data, final_url=final)


_NOT_STORED = (
    "; not compared or saved, since any text read from it would not be the vendor's. Check "
    "the page's encoding, and pin a copy converted by hand, if it is right, with `new`"
)


def _stored_form(response: Response) -> tuple[bytes, str]:
    """The page in the form ``new`` pins it in (strict: nothing replaced, no non-text codec,
    no NUL; in the charset a byte order mark, the header or an HTML page's ``<meta>`` declares,
    in that order), or why it has none, naming the URL, the charset and where it failed."""
    declared = evidence.declared_charset(
        response.body, response.charset, response.media_type in _HTML_TYPES
    )
    charset = declared.charset
    pinned = evidence.strict_pinned_form(response.body, charset)
    if pinned is None:
        why = evidence.refusal(response.body, charset, declared.source)
    else:
        nul = evidence.first_nul(pinned[0])
        if nul < 0:
            return pinned[0], ""
        named = evidence.charset_named(charset, declared.source) if charset else ""
        named = named or "no declared charset"
        why = f"read with {named}, it holds a NUL byte at offset {nul}: not a page of text"
    return b"", f"the page at {response.url} cannot be stored as text: {why}{_NOT_STORED}"


def _text(data: bytes, media: str) -> str:
    """What a reader sees of a page in its stored form: read as a snapshot is (UTF-8), so the
    live page and a version saved from it are one text; an HTML page without its markup.

    A page is HTML by its content type or, as a snapshot is, by its content: served as plain
    text, a page's scripts, comments and hidden elements would otherwise count as its words, and
    a quote moved into them would read as still there."""
    raw = data.decode("utf-8", errors="replace")
    return html_to_text(raw) if media in _HTML_TYPES else shown_text(raw)[0]


_BLOCK_MARK = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[*+-][ \t]+|\d{1,3}(?:\\?[.)])[ \t]+)", re.MULTILINE
)
_RULE = re.compile(r"^[ \t]*(?:[-=*_][ \t]*){3,}$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_INVISIBLE = str.maketrans({"\u2060": "", "\ufeff": "", "|": " "})


def comparable(text: str) -> str:
    """Text reduced to what a reader sees, so Markdown and HTML renderings compare equal.

    On top of :func:`vendorgate.evidence.normalise`: heading, quote and list markers at the
    start of a line, horizontal rules and heading underlines, image markup, backslash escapes,
    table bars and invisible joiners are removed. Words, their order and punctuation remain.
    """
    text = _IMAGE.sub(r"\1", text)
    for _ in range(2):  # a list item may hold a heading: ``- ## Title``
        text = _BLOCK_MARK.sub("", text)
    text = _RULE.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return normalise.normalise(text.translate(_INVISIBLE))


def _compare(
    loaded: catalogue.LoadedVendor,
    document: Document,
    page: _Fetched,
    store: evidence.SnapshotStore,
) -> DocumentWatch:
    base = DocumentWatch(
        loaded.profile.id,
        document.id,
        document.title,
        document.url,
        UNREACHABLE,
        page.error,
        page.final_url,
        page.not_modified,
    )
    if page.error:
        return base
    live = comparable(page.text)
    snapshot = store.get(loaded.path, document) if document.snapshot else None
    # A snapshot `new` pinned from an HTML page holds the page's markup, and quotes cut from
    # it may hold tags and character references; the live page is compared as the text a
    # reader sees, so both are read that way too.
    page_pinned = not isinstance(snapshot, str) and snapshot is not None and is_page(snapshot.text)
    quotes = _quotes(loaded, document.id, live, normalise.normalise(page.text), page_pinned)
    if snapshot is None or isinstance(snapshot, str):
        why = snapshot or "the document has no pinned snapshot"
        return _with(base, CHANGED, f"nothing to compare with: {why}", quotes)
    pinned = comparable(snapshot.readable)  # what its reader sees, as quotes are checked
    if pinned and pinned in live:
        return _with(base, UNCHANGED, "", ())
    gone = sum(1 for q in quotes if not q.present)
    reason = "the live page differs from the pinned snapshot"
    if quotes:
        reason += f"; {gone} of {len(quotes)} cited quote(s) no longer found"
    return _with(base, CHANGED, reason, quotes)


def _with(
    base: DocumentWatch, status: str, reason: str, quotes: tuple[QuoteCheck, ...]
) -> DocumentWatch:
    return replace(base, status=status, reason=reason, quotes=quotes)


def _quotes(
    loaded: catalogue.LoadedVendor,
    doc_id: str,
    live: str,
    live_normalised: str,
    markup: bool = False,
) -> tuple[QuoteCheck, ...]:
    """Whether each quote citing ``doc_id`` is on the live page; with ``markup`` (the pinned
    snapshot is an HTML page) a quote is read as the text its tags and references show."""
    profile = loaded.profile
    facts = profile.written_facts()
    checks = []
    for fact in facts:
        for item in fact.evidence:
            if item.doc != doc_id:
                continue
            wanted = normalise.normalise(item.quote)
            present = bool(wanted) and (wanted in live or wanted in live_normalised)
            if markup and not present:
                shown = comparable(html_to_text(item.quote))
                present = bool(shown) and shown in live
            checks.append(
                QuoteCheck(fact.name, fact.plan, item.location, item.section, item.quote, present)
            )
    return tuple(checks)


# ---------------------------------------------------------------- saving


def _save(item: DocumentWatch, data: bytes, root: Path, today: date | None) -> DocumentWatch:
    """Store the new version, ``data`` in its stored form, as ``<root>/<vendor>/<doc>/<date>.md``;
    never overwrite."""
    folder = root / _safe(item.vendor) / _safe(item.doc)
    digest = hashlib.sha256(data).hexdigest()
    stem = (today or date.today()).isoformat()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for attempt in range(1, 1000):
            target = folder / (f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md")
            if target.exists():
                if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
                    break  # this very version is already stored
                continue
            if _create_exclusive(target, data):
                break
        else:
            raise OutputError(f"{folder}: too many versions saved on {stem}")
    except OSError as exc:
        raise OutputError(f"{folder}: cannot save the new version: {exc.strerror or exc}") from exc
    saved = workspace.display_path(target)
    return replace(item, saved=saved, sha256=digest)


def _safe(name: str) -> str:
    """A path component from an id; ids are validated, this is belt and braces."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", name).strip(".")
    return cleaned or "_"


def _create_exclusive(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` only if it does not exist; atomic, never a partial file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _write_atomic(path: Path, data: bytes) -> None:
    from vendorgate.core.output import write_atomic

    try:
        write_atomic(path, data)
    except OutputError as exc:
        raise OSError(str(exc)) from exc
