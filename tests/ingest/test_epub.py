"""EPUB readers: AO3 EPUBs (compared with the HTML download of the same work), the shared EPUB
container helpers, the generic EPUB reader on synthetic EPUB 2/3 files, and broken or hostile zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ficlens.errors import InputError
from ficlens.ingest import ao3_epub, epub, read_story
from ficlens.ingest.epub_container import looks_like_epub, open_epub
from ficlens.ingest.raw import RawInput, read_input
from ficlens.model import Story

CONTAINER_XML = (
    '<?xml version="1.0"?>\n<container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles>'
    '<rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles></container>'
)


@pytest.fixture(scope="module")
def fics(shared: Path) -> Path:
    path = shared / "data" / "fics"
    if not (path / "ao3_epub").is_dir():
        pytest.skip("the AO3 EPUBs are not present")
    return path


def _zip(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            compress = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compress)
    return buf.getvalue()


def _raw(data: bytes, name: str = "story.epub") -> RawInput:
    return RawInput(data=data, name=name, extension=Path(name).suffix)


def _xhtml(body: str, title: str = "x") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>{title}</title></head><body>{body}</body></html>"
    )


def _epub(
    docs: dict[str, str],
    spine: list[str],
    *,
    metadata: str = "",
    ncx: list[tuple[str, str]] | None = None,
    nav: list[tuple[str, str]] | None = None,
    guide: str = "",
    opf_dir: str = "OEBPS",
) -> bytes:
    """A small EPUB: `docs` maps names (relative to the OPF folder) to XHTML; `spine` lists names."""
    items = [f'<item id="d{i}" href="{n}" media-type="application/xhtml+xml"/>' for i, n in enumerate(docs)]
    ids = {n: f"d{i}" for i, n in enumerate(docs)}
    files: dict[str, str | bytes] = {f"{opf_dir}/{n}": body for n, body in docs.items()}
    toc_attr = ""
    if ncx is not None:
        points = "".join(
            f'<navPoint id="n{i}" playOrder="{i + 1}"><navLabel><text>{t}</text></navLabel>'
            f'<content src="{src}"/></navPoint>'
            for i, (t, src) in enumerate(ncx)
        )
        files[f"{opf_dir}/toc.ncx"] = (
            '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            f"<navMap>{points}</navMap></ncx>"
        )
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        toc_attr = ' toc="ncx"'
    if nav is not None:
        links = "".join(f'<li><a href="{src}">{t}</a></li>' for t, src in nav)
        files[f"{opf_dir}/nav.xhtml"] = _xhtml(
            '<nav xmlns:epub="http://www.idpf.org/2007/ops" epub:type="toc">'
            f"<h1>Contents</h1><ol>{links}</ol></nav>"
        )
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    itemrefs = "".join(f'<itemref idref="{ids.get(n, n)}"/>' for n in spine)
    files[f"{opf_dir}/content.opf"] = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</metadata>'
        f"<manifest>{''.join(items)}</manifest><spine{toc_attr}>{itemrefs}</spine>{guide}</package>"
    )
    return _zip(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER_XML.format(opf=f"{opf_dir}/content.opf"),
            **files,
        }
    )


def _read(data: bytes, name: str = "story.epub") -> tuple[str, Story]:
    source, story = read_story(_raw(data, name))
    return source.format, story


# ---------------------------------------------------------------- AO3 EPUBs


@pytest.mark.parametrize(
    "stem", ["ao3_218676_fire_and_feather", "ao3_334557_the_world_on_his_wrist"], ids=["218676", "334557"]
)
def test_ao3_epub_matches_the_html_download(fics: Path, stem: str) -> None:
    epub_source, from_epub = read_story(read_input(fics / "ao3_epub" / f"{stem}.epub"))
    html_source, from_html = read_story(read_input(fics / "ao3_html" / f"{stem}.html"))
    assert (epub_source.format, html_source.format) == ("ao3-epub", "ao3-html")
    epub_work = from_epub.work.model_dump(exclude={"source_url"})
    assert epub_work == from_html.work.model_dump(exclude={"source_url"})
    assert from_epub.chapters == from_html.chapters
    # the only difference is one the files themselves have: an http:// link in the older EPUB
    assert from_epub.work.source_url is not None
    assert from_epub.work.source_url.endswith(f"archiveofourown.org/works/{stem.split('_')[1]}")


def test_ao3_epub_fire_and_feather_facts(fics: Path) -> None:
    _, story = read_story(read_input(fics / "ao3_epub" / "ao3_218676_fire_and_feather.epub"))
    w = story.work
    assert (w.title, w.authors, w.work_id) == ("Fire and Feather", ["nianeyna"], "218676")
    assert (w.published, w.updated, w.words) == ("2006-07-09", "2007-06-25", 7526)
    assert (w.chapters_posted, w.chapters_expected, w.status) == (3, None, "in-progress")
    # the preface is split across two files: tags in one, title/summary/notes in the next
    assert w.rating is not None and w.rating.ao3 == "General Audiences"
    assert w.summary and [n.position for n in w.notes] == ["before", "after", "after"]
    assert [c.title for c in story.chapters] == ["Festival", "Riversong K'Vala", "Conversations"]
    assert [len(c.notes) for c in story.chapters] == [1, 4, 1]  # as the HTML download's


def test_ao3_epub_titles_come_from_the_xhtml(fics: Path) -> None:
    _, story = read_story(read_input(fics / "ao3_epub" / "ao3_334557_the_world_on_his_wrist.epub"))
    assert [c.title for c in story.chapters] == [
        "Prologue",
        None,
        "Part 2",
        "Part 3",
        "Part 4",
        "Part 5",
        "Part 6",
        "Epilogue",
    ]
    assert [(s.name, s.position) for s in story.work.series] == [("Watches 'Verse", 1)]
    assert "Sherlock Holmes (again)" in story.work.character_tags


def test_container_helpers_on_ao3_epubs(fics: Path) -> None:
    fire = open_epub(read_input(fics / "ao3_epub" / "ao3_218676_fire_and_feather.epub"))
    md = fire.metadata
    assert (md.title, md.creators, md.publisher) == ("Fire and Feather", ["nianeyna"], "Archive of Our Own")
    assert md.date == "2007-06-25T00:00:00+00:00"
    assert len(md.subjects) == 6 and md.language == "en"
    assert md.description is not None and md.description.startswith("<p>")
    assert len(fire.spine) == 6 and fire.spine[0].endswith("_split_000.xhtml")
    assert [e.title for e in fire.toc] == [
        "Preface",
        "Chapter 1: Festival",
        "Chapter 2: Riversong K'Vala",
        "Chapter 3: Conversations",
        "Afterword",
    ]
    wrist = open_epub(read_input(fics / "ao3_epub" / "ao3_334557_the_world_on_his_wrist.epub"))
    assert wrist.metadata.creators == ["bendingsignpost"]
    assert wrist.metadata.date == "2012-02-07T00:00:00+00:00"
    assert len(wrist.metadata.subjects) == 19
    assert wrist.metadata.meta["calibre:series"] == "Watches 'Verse"
    assert len(wrist.spine) == 11
    titles = [e.title for e in wrist.toc]
    assert titles[1:4] == ["Prologue", "Chapter 2", "Part 2"] and titles[-2:] == ["Epilogue", "Afterword"]


def test_container_helpers_on_a_fanficfare_epub(fics: Path) -> None:
    path = fics / "fanficfare_generated" / "fff_test1_sid2.epub"
    if not path.is_file():
        pytest.skip("the FanFicFare EPUB is not present")
    package = open_epub(read_input(path))
    assert package.opf_path == "content.opf"
    assert package.metadata.title == "Test Story Title 2"
    assert package.metadata.source == "http://test1.com?sid=2"
    assert any(i.startswith("fanficfare-uid:") for i in package.metadata.identifiers)
    assert package.spine[0] == "OEBPS/title_page.xhtml" and len(package.spine) == 10
    assert package.toc_titles()["OEBPS/title_page.xhtml"] == "Title Page"
    assert not ao3_epub.sniff(read_input(path))


# ---------------------------------------------------------------- generic EPUB

META2 = (
    "<dc:title>Tidewater</dc:title><dc:creator>M. Reed</dc:creator><dc:creator>J. Shore</dc:creator>"
    "<dc:language>en</dc:language><dc:date>2019-04-05</dc:date><dc:subject>Sea</dc:subject>"
    "<dc:identifier>urn:uuid:1234</dc:identifier><dc:source>https://example.org/tidewater</dc:source>"
    "<dc:description>&lt;p&gt;Two keepers.&lt;/p&gt;&lt;p&gt;One light.&lt;/p&gt;</dc:description>"
)


def test_generic_epub2_with_ncx_and_calibre_splits() -> None:
    docs = {
        "cover.xhtml": _xhtml('<div><img src="cover.jpg" alt="cover"/></div>'),
        "ch1.xhtml": _xhtml("<h2>Chapter 1: Low Tide</h2><p>“Tide’s out,” she said.</p><hr/><p>Night.</p>"),
        "ch1_split_001.xhtml": _xhtml("<p>Still night.</p>"),
        "ch2.xhtml": _xhtml("<h2>Chapter 2</h2><p>Morning.</p>"),
    }
    data = _epub(
        docs,
        list(docs),
        metadata=META2,
        ncx=[("Cover", "cover.xhtml"), ("Chapter 1: Low Tide", "ch1.xhtml"), ("Chapter 2", "ch2.xhtml#top")],
        guide='<guide><reference type="cover" href="cover.xhtml" title="Cover"/></guide>',
    )
    fmt, story = _read(data)
    assert fmt == "epub"
    w = story.work
    assert (w.title, w.authors, w.language) == ("Tidewater", ["M. Reed", "J. Shore"], "en")
    assert w.summary == "Two keepers.\n\nOne light."
    assert (w.published, w.freeform_tags) == ("2019-04-05", ["Sea"])
    assert w.source_url == "https://example.org/tidewater"
    one, two = story.chapters
    assert (one.number, one.title) == (1, "Low Tide")
    assert one.paragraphs == ["“Tide’s out,” she said.", "Night.", "Still night."]
    assert one.scene_breaks == [1]
    assert (two.number, two.title, two.paragraphs) == (2, None, ["Morning."])


def test_generic_epub3_with_nav_document() -> None:
    docs = {
        "text/a.xhtml": _xhtml("<section><h1>Prologue</h1><p>Before.</p></section>"),
        "text/b.xhtml": _xhtml("<section><h1>The Keeper</h1><p>During.</p><p>After.</p></section>"),
    }
    data = _epub(
        docs,
        ["nav", *docs],
        metadata="<dc:title>Lamp</dc:title><dc:creator>K</dc:creator>",
        nav=[("Prologue", "text/a.xhtml"), ("The Keeper", "text/b.xhtml")],
        opf_dir="EPUB",
    )
    _, story = _read(data)
    assert [(c.title, c.paragraphs) for c in story.chapters] == [
        ("Prologue", ["Before."]),
        ("The Keeper", ["During.", "After."]),
    ]


def test_generic_epub_without_toc_uses_headings() -> None:
    docs = {
        "one.xhtml": _xhtml("<h1>Beginnings</h1><p>First.</p>"),
        "two.xhtml": _xhtml("<p>No heading here.</p>"),
    }
    _, story = _read(_epub(docs, list(docs), metadata="<dc:title>Plain</dc:title>"))
    assert [(c.title, c.paragraphs) for c in story.chapters] == [
        ("Beginnings", ["First."]),
        (None, ["No heading here."]),
    ]
    assert story.work.title == "Plain" and story.work.authors == []


def test_generic_epub_with_no_text_is_refused() -> None:
    docs = {"only.xhtml": _xhtml("<div><img src='a.png' alt=''/></div>")}
    with pytest.raises(InputError, match="no story text"):
        _read(_epub(docs, list(docs), metadata="<dc:title>Empty</dc:title>"))


# ---------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """A valid-looking EPUB whose one chapter inflates to 300 MB of zeros (~300 KB compressed)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER_XML.format(opf="content.opf"))
        archive.writestr(
            "content.opf",
            '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
            '<item id="c" href="zeros.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c"/></spine></package>',
        )
        chunk = bytes(1 << 20)
        with archive.open("zeros.xhtml", "w") as member:
            for _ in range(300):
                member.write(chunk)
    data = buf.getvalue()
    assert len(data) < 2_000_000
    return data


def test_zip_bomb_is_refused(zip_bomb: bytes) -> None:
    raw = _raw(zip_bomb)
    assert not ao3_epub.sniff(raw)  # never raises, even on a bomb
    assert epub.sniff(raw)
    with pytest.raises(InputError, match="zip bomb"):
        read_story(raw)


def test_truncated_real_epub_is_refused(fics: Path) -> None:
    data = (fics / "ao3_epub" / "ao3_334557_the_world_on_his_wrist.epub").read_bytes()
    raw = _raw(data[: len(data) // 2])
    assert not ao3_epub.sniff(raw)
    with pytest.raises(InputError, match="corrupt or truncated"):
        read_story(raw)


def test_truncated_synthetic_epub_is_refused() -> None:
    docs = {"a.xhtml": _xhtml("<p>" + "words " * 2000 + "</p>")}
    data = _epub(docs, list(docs))
    with pytest.raises(InputError, match="corrupt or truncated"):
        read_story(_raw(data[: len(data) // 2]))


def test_zip_that_is_not_an_epub_is_refused() -> None:
    data = _zip({"notes.txt": "just a text file", "image.png": b"\x89PNG"})
    with pytest.raises(InputError, match="not an EPUB"):
        read_story(_raw(data, "story.epub"))
    with pytest.raises(InputError):
        read_story(_raw(data, "archive.zip"))


def test_container_pointing_to_a_missing_opf_is_refused() -> None:
    data = _zip(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER_XML.format(opf="OEBPS/content.opf"),
            "OEBPS/ch1.xhtml": _xhtml("<p>Text.</p>"),
        }
    )
    assert looks_like_epub(_raw(data, "renamed.bin"))
    with pytest.raises(InputError, match=r"points to 'OEBPS/content.opf', which is missing"):
        read_story(_raw(data))


def test_unreadable_opf_and_missing_spine_document_are_refused() -> None:
    garbage = _zip(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": CONTAINER_XML.format(opf="content.opf"),
            "content.opf": b"\x00\x01\x02 not xml at all",
        }
    )
    with pytest.raises(InputError, match=r"'content\.opf' is (empty or )?not"):
        read_story(_raw(garbage))
    docs = {"a.xhtml": _xhtml("<p>Here.</p>")}
    data = _epub(docs, ["a.xhtml"])
    missing = data.replace(b"OEBPS/a.xhtml", b"OEBPS/b.xhtml")  # the manifest still names a.xhtml
    with pytest.raises(InputError, match=r"missing its part 'OEBPS/a\.xhtml'"):
        read_story(_raw(missing))
