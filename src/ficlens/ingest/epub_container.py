"""Shared EPUB plumbing: container.xml → OPF package → metadata, spine and table of contents.

Every EPUB reader (AO3, FanFicFare, generic) starts with `open_epub(raw)`, which validates the ZIP
through `zipsafe.open_zip` and returns an `EpubPackage`:

- `package.metadata`: the Dublin Core fields of the OPF (`EpubMetadata`: title, creators, publisher,
  date, subjects, identifiers, source, description, language, plus `<meta name=… content=…>` pairs);
- `package.spine`: the reading order as ZIP member names (fragment-free, resolved against the OPF);
- `package.toc`: the NCX navMap (EPUB 2) or the `nav` document's toc list (EPUB 3), flattened in
  reading order as `TocEntry(title, path, fragment)`;
- `package.read_text(path)`: a member decoded as text (the XHTML of a spine document).

`looks_like_epub(raw)` is the cheap byte-level check a reader's `sniff` can use. Everything that
goes wrong (not a ZIP, truncated, zip bomb, no container.xml, missing OPF, unreadable XML) raises
`InputError` with a reason a user can act on.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from ficlens.errors import InputError
from ficlens.ingest.raw import RawInput
from ficlens.ingest.zipsafe import SafeZip, open_zip

CONTAINER = "META-INF/container.xml"
NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
NCX_MEDIA_TYPE = "application/x-dtbncx+xml"
XHTML_MEDIA_TYPES = {"application/xhtml+xml", "text/html", "application/xml", "text/xml"}

_XML_DECLARED_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
)


@dataclass
class EpubMetadata:
    """The OPF `<metadata>` block. Lists keep document order; absent fields are None / empty."""

    title: str | None = None
    creators: list[str] = field(default_factory=list)
    publisher: str | None = None
    date: str | None = None
    subjects: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)
    source: str | None = None
    description: str | None = None
    """As stored: often HTML-escaped markup (`<p>…</p>`); see `description_text` in the readers."""
    language: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    """EPUB 2 `<meta name="calibre:series" content="…"/>` pairs (and EPUB 3 `<meta property>` text)."""


@dataclass
class TocEntry:
    """One table-of-contents entry: its label and the ZIP member (and optional #fragment) it targets."""

    title: str
    path: str
    fragment: str | None = None


@dataclass
class EpubPackage:
    """A validated EPUB: its ZIP, the OPF location, metadata, reading order and table of contents."""

    zip: SafeZip
    opf_path: str
    metadata: EpubMetadata
    spine: list[str]
    toc: list[TocEntry]
    manifest: dict[str, str] = field(default_factory=dict)
    """Manifest id → ZIP member name."""
    nav_path: str | None = None
    """The EPUB 3 navigation document, if any (it is not story text)."""
    guide: dict[str, str] = field(default_factory=dict)
    """OPF `<guide>` / EPUB 3 landmarks: reference type ("cover", "toc", "text" …) → ZIP member name."""

    @property
    def source(self) -> str:
        return self.zip.source

    def read_text(self, path: str) -> str:
        """A member decoded as UTF-8 (an XML declaration naming another encoding is honoured)."""
        data = self.zip.read(path)
        return decode_xml_bytes(data)

    def toc_titles(self) -> dict[str, str]:
        """ZIP member → the first TOC label that points into it."""
        titles: dict[str, str] = {}
        for entry in self.toc:
            titles.setdefault(entry.path, entry.title)
        return titles


def looks_like_epub(raw: RawInput) -> bool:
    """Cheap check on the bytes: a ZIP that names META-INF/container.xml or declares the EPUB
    mimetype, or a ZIP with the .epub extension. Never raises."""
    if not raw.is_zip():
        return False
    if b"application/epub+zip" in raw.head or raw.extension == ".epub":
        return True
    return CONTAINER.encode() in raw.data


def open_epub(raw: RawInput) -> EpubPackage:
    """Open and validate an EPUB: container.xml → OPF → metadata, spine, table of contents."""
    archive = open_zip(raw, "EPUB")
    if not archive.has(CONTAINER):
        raise InputError(raw.name, f"is a ZIP file but not an EPUB (it has no {CONTAINER})")
    container = parse_xml(archive.read(CONTAINER), raw.name, CONTAINER)
    rootfiles = container.xpath("//c:rootfile/@full-path", namespaces=NS) or container.xpath(
        "//*[local-name()='rootfile']/@full-path"
    )
    if not rootfiles:
        raise InputError(raw.name, f"EPUB {CONTAINER} names no package (OPF) file")
    opf_path = posixpath.normpath(unquote(str(rootfiles[0]).strip().lstrip("/")))
    if not archive.has(opf_path):
        raise InputError(raw.name, f"EPUB {CONTAINER} points to {opf_path!r}, which is missing")
    opf = parse_xml(archive.read(opf_path), raw.name, opf_path)
    base = posixpath.dirname(opf_path)
    manifest, media_types, properties = _manifest(opf, base)
    spine = _spine(opf, manifest, media_types)
    nav_path = next((manifest[i] for i, props in properties.items() if "nav" in props.split()), None)
    package = EpubPackage(
        zip=archive,
        opf_path=opf_path,
        metadata=read_metadata(opf),
        spine=spine,
        toc=[],
        manifest=manifest,
        nav_path=nav_path,
        guide=_guide(opf, base),
    )
    package.toc = _read_toc(package, opf, media_types)
    return package


def parse_xml(data: bytes, source: str, part: str) -> etree._Element:
    """Parse an XML part without network access or entity expansion; InputError when unreadable."""
    try:
        root = etree.fromstring(data, parser=_XML_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(source, f"EPUB part {part!r} is not readable XML ({exc})") from None
    if root is None:
        raise InputError(source, f"EPUB part {part!r} is empty or not XML")
    return root


def decode_xml_bytes(data: bytes) -> str:
    """Decode an XHTML/XML member: BOM or XML-declared encoding, else UTF-8 with replacement."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _XML_DECLARED_ENCODING.match(data[:200])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def read_metadata(opf: etree._Element) -> EpubMetadata:
    """The Dublin Core metadata of a parsed OPF document."""
    meta = EpubMetadata()
    block = _first(opf.xpath("//*[local-name()='metadata']"))
    if block is None:
        return meta
    for el in block.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        text = " ".join("".join(el.itertext()).split())
        if name == "meta":
            key = el.get("name") or el.get("property")
            value = el.get("content") if el.get("name") else text
            if key and value and key not in meta.meta:
                meta.meta[key] = value
            continue
        if etree.QName(el).namespace != NS["dc"] or not text:
            continue
        if name == "title":
            meta.title = meta.title or text
        elif name == "creator":
            meta.creators.append(text)
        elif name == "subject":
            meta.subjects.append(text)
        elif name == "identifier":
            meta.identifiers.append(text)
        elif name == "description":
            meta.description = meta.description or "".join(el.itertext()).strip()
        elif name in {"publisher", "date", "source", "language"} and getattr(meta, name) is None:
            setattr(meta, name, text)
    return meta


def resolve_href(base: str, href: str) -> tuple[str, str | None]:
    """An href relative to `base` (a directory inside the ZIP) → (member name, fragment or None)."""
    href = href.strip()
    path, _, fragment = href.partition("#")
    path = unquote(path)
    joined = posixpath.normpath(posixpath.join(base, path)) if path else ""
    return joined.lstrip("/"), (fragment or None)


def _manifest(opf: etree._Element, base: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    manifest: dict[str, str] = {}
    media_types: dict[str, str] = {}
    properties: dict[str, str] = {}
    for item in opf.xpath("//*[local-name()='manifest']/*[local-name()='item']"):
        item_id, href = item.get("id"), item.get("href")
        if not item_id or not href:
            continue
        manifest[item_id] = resolve_href(base, href)[0]
        media_types[item_id] = (item.get("media-type") or "").strip().lower()
        properties[item_id] = item.get("properties") or ""
    return manifest, media_types, properties


def _spine(opf: etree._Element, manifest: dict[str, str], media_types: dict[str, str]) -> list[str]:
    """Spine item paths in reading order (items marked linear="no" are left out)."""
    paths: list[str] = []
    for ref in opf.xpath("//*[local-name()='spine']/*[local-name()='itemref']"):
        idref = ref.get("idref")
        if not idref or idref not in manifest or (ref.get("linear") or "").strip().lower() == "no":
            continue
        if media_types.get(idref) and media_types[idref] not in XHTML_MEDIA_TYPES:
            continue
        path = manifest[idref]
        if path not in paths:
            paths.append(path)
    return paths


def _guide(opf: etree._Element, base: str) -> dict[str, str]:
    guide: dict[str, str] = {}
    for ref in opf.xpath("//*[local-name()='guide']/*[local-name()='reference']"):
        kind, href = (ref.get("type") or "").strip().lower(), ref.get("href")
        if kind and href:
            guide.setdefault(kind, resolve_href(base, href)[0])
    return guide


def _read_toc(package: EpubPackage, opf: etree._Element, media_types: dict[str, str]) -> list[TocEntry]:
    """The NCX table of contents, else the EPUB 3 nav document's; [] when neither can be read."""
    spine_el = _first(opf.xpath("//*[local-name()='spine']"))
    ncx_id = spine_el.get("toc") if spine_el is not None else None
    ncx_path = package.manifest.get(ncx_id) if ncx_id else None
    if ncx_path is None:
        ncx_path = next((package.manifest[i] for i, t in media_types.items() if t == NCX_MEDIA_TYPE), None)
    if ncx_path and package.zip.has(ncx_path):
        entries = _ncx_entries(parse_xml(package.zip.read(ncx_path), package.source, ncx_path), ncx_path)
        if entries:
            return entries
    if package.nav_path and package.zip.has(package.nav_path):
        nav = parse_xml(package.zip.read(package.nav_path), package.source, package.nav_path)
        entries, landmarks = _nav_entries(nav, package.nav_path)
        for kind, path in landmarks.items():
            package.guide.setdefault(kind, path)
        return entries
    return []


def _ncx_entries(ncx: etree._Element, ncx_path: str) -> list[TocEntry]:
    base = posixpath.dirname(ncx_path)
    entries: list[TocEntry] = []
    for point in ncx.xpath("//*[local-name()='navMap']//*[local-name()='navPoint']"):
        label = _first(point.xpath("./*[local-name()='navLabel']/*[local-name()='text']"))
        content = _first(point.xpath("./*[local-name()='content']"))
        if label is None or content is None or not content.get("src"):
            continue
        path, fragment = resolve_href(base, content.get("src") or "")
        title = " ".join("".join(label.itertext()).split())
        entries.append(TocEntry(title=title, path=path, fragment=fragment))
    return entries


def _nav_entries(nav: etree._Element, nav_path: str) -> tuple[list[TocEntry], dict[str, str]]:
    base = posixpath.dirname(nav_path)
    entries: list[TocEntry] = []
    landmarks: dict[str, str] = {}
    type_attr = f"{{{NS['epub']}}}type"
    for nav_el in nav.xpath("//*[local-name()='nav']"):
        kind = (nav_el.get(type_attr) or nav_el.get("type") or "").strip().lower()
        links = nav_el.xpath(".//*[local-name()='a'][@href]")
        if kind == "landmarks":
            for link in links:
                mark = (link.get(type_attr) or "").strip().lower()
                if mark:
                    landmarks.setdefault(mark, resolve_href(base, link.get("href") or "")[0])
        elif kind == "toc" and not entries:
            for link in links:
                path, fragment = resolve_href(base, link.get("href") or "")
                title = " ".join("".join(link.itertext()).split())
                entries.append(TocEntry(title=title, path=path, fragment=fragment))
    return entries, landmarks


def _first(items: object) -> etree._Element | None:
    if isinstance(items, list) and items and isinstance(items[0], etree._Element):
        return items[0]
    return None
