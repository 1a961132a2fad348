"""Bytes to text: BOMs, UTF-8, UTF-16 and Windows-1256 (old Persian Windows files)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from iranru.errors import InputError

# Magic numbers of the binary files researchers' folders usually mix in with their texts.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document (extract its text first, e.g. with pdftotext)"),
    (b"\x7fELF", "ELF executable"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings tried when the bytes are not UTF-8, in charset-normalizer's judgement.
LEGACY_ENCODINGS = ["cp1256", "cp1252", "latin_1"]
REPLACEMENT = "\ufffd"
# A file "mostly UTF-8" has valid multi-byte characters and only a few broken ones.
MAX_BROKEN_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def describe_binary(data: bytes) -> str | None:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def detect_bom(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as every other byte NUL in mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_mostly_utf8(data: bytes) -> Decoded | None:
    """Keep a UTF-8 file with a few broken bytes, replacing them and saying how many."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode())
    non_ascii = sum(1 for char in text if ord(char) > 127 and char != REPLACEMENT)
    if non_ascii == 0 or broken > MAX_BROKEN_SHARE * max(len(text), 1) or broken > non_ascii:
        return None
    plural = "s" if broken != 1 else ""
    return Decoded(text, "utf-8", (f"{broken} invalid UTF-8 byte sequence{plural} replaced",))


def decode_legacy(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        return None
    return Decoded(str(best), best.encoding)


def decode_bytes(data: bytes, source: str, encoding: str | None = None) -> Decoded:
    """Decode or raise InputError with a reason a user can act on."""
    if encoding:
        try:
            return Decoded(data.decode(encoding).removeprefix("\ufeff"), encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(source, f"cannot decode as {encoding}: {error}") from None
    binary = describe_binary(data)
    if binary:
        raise InputError(source, f"binary file ({binary}), not text")
    bom = detect_bom(data)
    if bom:
        try:
            return Decoded(data.decode(bom).removeprefix("\ufeff"), bom.removesuffix("-sig"))
        except UnicodeDecodeError:
            raise InputError(
                source, f"cannot decode: starts with a {bom} BOM but is not {bom}"
            ) from None
    warnings: list[str] = []
    if b"\x00" in data:
        utf16 = guess_bomless_utf16(data)
        if utf16:
            try:
                return Decoded(data.decode(utf16), utf16)
            except UnicodeDecodeError:
                pass
        nuls = data.count(0)
        if nuls > 0.01 * len(data):
            raise InputError(source, "binary file (contains NUL bytes), not text")
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(warnings))
    except UnicodeDecodeError:
        pass
    for attempt in (decode_mostly_utf8, decode_legacy):
        decoded = attempt(data)
        if decoded is not None:
            return Decoded(decoded.text, decoded.encoding, tuple(warnings) + decoded.warnings)
    raise InputError(source, "cannot decode: not UTF-8, UTF-16 or cp1256; pass --encoding")
