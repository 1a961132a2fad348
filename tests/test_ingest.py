"""Reading inputs: discovery, encodings, HTML, and the reasons files are skipped."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iranru.errors import InputError
from iranru.ingest import read_documents
from iranru.ingest.decode import decode_bytes
from iranru.ingest.html import strip_html
from tests.conftest import CORPUS, write

PERSIAN = "روابط ایران و روسیه در دوره قاجار"
ENGLISH = "Iran\u2019s relations with Russia, déjà vu."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PERSIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PERSIAN.encode("utf-8"), "utf-8"),
        (PERSIAN.encode("utf-16"), "utf-16"),  # little-endian with BOM on this machine
        (codecs.BOM_UTF16_BE + PERSIAN.encode("utf-16-be"), "utf-16"),
    ],
)
def test_persian_decodes_from_every_supported_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "f.txt")
    assert (decoded.text, decoded.encoding) == (PERSIAN, encoding)


def test_windows_1256_persian_is_detected() -> None:
    # cp1256 has no Persian yeh: old Windows files spell ی with the Arabic ي (U+064A).
    arabic_yeh = PERSIAN.replace("ی", "ي") + " " + "سياست خارجي ايران در قرن نوزدهم" * 3
    decoded = decode_bytes(arabic_yeh.encode("cp1256"), "f.txt")
    assert (decoded.text, decoded.encoding) == (arabic_yeh, "cp1256")


def test_latin1_english_is_read_as_a_legacy_encoding() -> None:
    decoded = decode_bytes("déjà vu in Tehran, café".encode("latin-1"), "f.txt")
    assert decoded.text == "déjà vu in Tehran, café"


def test_mostly_utf8_file_keeps_text_and_counts_broken_bytes() -> None:
    data = ("روسیه " * 200).encode() + b"\xff\xfe" + b" Iran"
    decoded = decode_bytes(data, "f.txt")
    assert decoded.text.endswith("\ufffd\ufffd Iran")
    assert decoded.warnings == ("2 invalid UTF-8 byte sequences replaced",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image), not text"),
        (b"\x7fELF\x02\x01\x01\x00", "binary file (ELF executable), not text"),
        (b"%PDF-1.7\n", "binary file (PDF document), not text"),
        (b"\x00\x01\x02\x00\x00\x05" * 10, "binary file (contains NUL bytes), not text"),
    ],
)
def test_binary_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(data, "f.bin")
    assert str(raised.value) == f"f.bin: {reason}"


def test_forced_encoding_that_does_not_fit_is_an_input_error() -> None:
    with pytest.raises(InputError) as raised:
        decode_bytes(PERSIAN.replace("ی", "ي").encode("cp1256"), "f.txt", encoding="ascii")
    assert str(raised.value).startswith("f.txt: cannot decode as ascii:")


@pytest.mark.parametrize(
    ("data", "forced", "text", "encoding"),
    [
        # Detected with certainty: the flag does not apply.
        (PERSIAN.encode("utf-8"), "cp1256", PERSIAN, "utf-8"),
        (PERSIAN.encode("utf-16-le"), "cp1256", PERSIAN, "utf-16-le"),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "latin-1", ENGLISH, "utf-8"),
        # Not detected with certainty: the flag replaces the guess (cp1252 here).
        ("Tehran, café ÿ".encode("latin-1"), "cp1256", "Tehran, café ے", "cp1256"),
    ],
)
def test_encoding_flag_applies_only_to_files_not_detected(
    data: bytes, forced: str, text: str, encoding: str,
) -> None:
    decoded = decode_bytes(data, "f.txt", encoding=forced)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_windows_1256_persian_with_zwnjs_is_detected() -> None:
    # Byte 0x9D is ZWNJ in cp1256; charset-normalizer alone turns such files down.
    text = "قدرت‌هاي استعماري مي‌خواستند كه ايران را تضعيف كنند، «روسيه» نيز."
    decoded = decode_bytes(text.encode("cp1256"), "f.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1256")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [PERSIAN, "ابتدا", "ایران‌شناسی", ENGLISH])
def test_utf16_without_bom_is_detected(text: str, encoding: str) -> None:
    # "ابتدا" in UTF-16 is also valid UTF-8 (every byte below 0x80): its 0x06 bytes betray it.
    decoded = decode_bytes(text.encode(encoding), "f.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
persian_words = st.text(alphabet=PERSIAN_LETTERS, min_size=2, max_size=8)
# Words joined by spaces or ZWNJs, with Persian punctuation: what an old Persian file holds.
persian_texts = st.lists(
    st.tuples(persian_words, st.sampled_from([" ", "\u200c", "، ", ". ", "\n"])), min_size=4, max_size=30,
).map(lambda pairs: "".join(word + joiner for word, joiner in pairs).strip())


@settings(max_examples=150, deadline=None)
@example("اپ اپ اپ اپ", "cp1256")  # its bytes (C7 81 …) are valid UTF-8 too: ǁ ǁ ǁ ǁ
@given(persian_texts, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1256"]))
def test_persian_with_zwnjs_round_trips_through_every_encoding(text: str, encoding: str) -> None:
    if encoding == "cp1256":  # it has no Persian yeh: old Windows files write the Arabic one
        text = text.replace("ی", "ي")
    decoded = decode_bytes(text.encode(encoding), "f.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_html_tags_scripts_and_entities_are_stripped() -> None:
    markup = (
        "<html><head><title>t</title><style>p{}</style></head><body><h1>روسیه</h1>"
        "<p>Iran &amp; Russia<script>var x=1;</script></p><p>unclosed <b>bold</body>"
    )
    assert strip_html(markup) == "روسیه\nIran & Russia\nunclosed bold"


def test_directory_is_read_recursively_sorted_with_metadata(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", ENGLISH)
    write(tmp_path / "sub" / "a.md", PERSIAN)
    write(tmp_path / "page.html", "<p>Tabriz</p>")
    write(tmp_path / "notes.csv", "not,a,document")
    write(tmp_path / "metadata.csv", "file,language,title\nb.txt,en,Bee\n")
    documents, skipped = read_documents([str(tmp_path)])
    assert [doc.name for doc in documents] == ["b.txt", "page.html", "sub/a.md"]
    assert documents[0].meta == {"language": "en", "title": "Bee"}
    assert documents[1].text == "Tabriz"
    assert skipped == []


def test_globs_files_and_missing_paths(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", ENGLISH)
    write(tmp_path / "two.txt", PERSIAN)
    documents, skipped = read_documents(
        [str(tmp_path / "*.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "none*.txt")]
    )
    assert [doc.name for doc in documents] == ["one.txt", "two.txt"]
    assert [(Path(s.source).name, s.reason) for s in skipped] == [
        ("missing.txt", "no such file or directory"),
        ("none*.txt", "no file matches this pattern"),
    ]


def test_empty_and_blank_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", " \n\t\n")
    write(tmp_path / "good.txt", ENGLISH)
    documents, skipped = read_documents([str(tmp_path)])
    assert [doc.name for doc in documents] == ["good.txt"]
    assert sorted((Path(s.source).name, s.reason) for s in skipped) == [
        ("blank.txt", "contains only white space"),
        ("empty.txt", "empty file"),
    ]


def test_shipped_corpus_is_three_documents_with_metadata() -> None:
    documents, skipped = read_documents([str(CORPUS)])
    assert [(doc.name, doc.meta["language"]) for doc in documents] == [
        ("en_foreign_policy_toward_russia_abstract.txt", "en"),
        ("en_rubin_2022_russia_iran_alliance.txt", "en"),
        ("fa_iran_russia_relations.txt", "fa"),
    ]
    assert documents[2].meta["title"] == "روابط ایران و روسیه"
    assert skipped == []


def test_corpus_is_byte_for_byte_the_shared_copy() -> None:
    shared = CORPUS.parents[1] / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("shared/ is not beside this clone")
    for name in ("fa_iran_russia_relations.txt", "metadata.csv"):
        assert (CORPUS / name).read_bytes() == (shared / name).read_bytes()


def walked_by_os_walk(root: Path) -> list[tuple[str, str, str]]:
    """The oracle: os.walk following links, each folder once, sorted; every file's realpath."""
    import os

    from iranru.ingest.discover import METADATA_FILE, TEXT_SUFFIXES

    found, seen = [], set()
    for current, folders, names in os.walk(root, followlinks=True):
        status = os.stat(current)
        if (status.st_dev, status.st_ino) in seen:
            folders[:] = []
            continue
        seen.add((status.st_dev, status.st_ino))
        folders.sort()
        found += [(os.path.join(current, name), name, os.path.realpath(os.path.join(current, name)))
                  for name in sorted(names)
                  if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES and name != METADATA_FILE]
    return found


@pytest.mark.parametrize("scan_after", [0, 1, 1000])  # the target folder listed at once, soon, never
def test_the_walk_finds_and_resolves_what_os_walk_and_realpath_do(tmp_path: Path, scan_after: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Symlinked files of every shape (the bench reads a folder of links into the corpus):
    relative, absolute, through a linked folder, through `..`, a link to a link, to a folder,
    dangling, looping; and a linked folder met twice."""
    import os

    from iranru.ingest import discover

    monkeypatch.setattr(discover.LinkResolver, "SCAN_AFTER", scan_after)
    store = tmp_path / "store"
    for name in ("a.txt", "b.TXT", "c.md", "skip.csv", "متن.txt", "linked.txt"):
        write(store / name, PERSIAN)
    os.symlink(store / "a.txt", store / "linked.txt.txt")  # a link among the targets
    os.symlink(store, tmp_path / "store-link")
    root = tmp_path / "root"
    write(root / "plain.txt", ENGLISH)
    write(root / "metadata.csv", "file,year\n")
    write(root / "z" / "deep.txt", ENGLISH)
    links = {"abs.txt": store / "a.txt", "rel.txt": Path("../store/b.TXT"),
             "via-folder.md": tmp_path / "store-link" / "c.md",
             "dots.txt": Path("z/../../store/متن.txt"), "chain.txt": store / "linked.txt.txt",
             "folder.txt": store, "dangling.txt": store / "gone.txt", "loop.txt": Path("loop.txt"),
             "dir-link": tmp_path / "store-link", "again": root / "z"}
    for name, target in links.items():
        os.symlink(target, root / name)
    walked = discover.walk_directory(root)
    assert [(file.path, file.filename, file.real) for file in walked] == walked_by_os_walk(root)
    # files first, then folders, each sorted; a folder reached twice (z, by `again`) listed once
    assert [os.path.relpath(file.path, root) for file in walked] == [
        "abs.txt", "chain.txt", "dangling.txt", "dots.txt", "loop.txt", "plain.txt", "rel.txt",
        "via-folder.md", "again/deep.txt", "dir-link/a.txt", "dir-link/b.TXT", "dir-link/c.md",
        "dir-link/linked.txt", "dir-link/linked.txt.txt", "dir-link/متن.txt"]
    statuses = {file.filename: file.status for file in walked}
    assert statuses["plain.txt"] is None and statuses["dangling.txt"] is None
    assert statuses["rel.txt"] == os.stat(store / "b.TXT")

