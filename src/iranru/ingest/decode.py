"""Bytes to text: BOMs, UTF-8, UTF-16 and Windows-1256 (old Persian Windows files)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from iranru.characters import ZWJ, ZWNJ
from iranru.errors import InputError

# Magic numbers of the binary files researchers' folders usually mix in with their texts.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),  # read.py reads PDFs before they come here
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
# Arabic-script letters and marks, Persian punctuation (، ؛ ؟ « »), ZWNJ and ZWJ.
PERSIAN_CP1256_CHAR = re.compile(f"[\u0600-\u06ff\u00ab\u00bb{ZWNJ}{ZWJ}]")
PLAUSIBLE_CHAR = re.compile(
    f"[\t\n\r\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
    f"\u2000-\u206f\u20ac{ZWNJ}{ZWJ}]"
)
ARABIC_CHAR = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")  # no text has these
# Text read in the right encoding is almost all made of plausible characters.
NON_ASCII_BYTES = bytes(range(0x80, 0x100))
PERSIAN_CP1256_BYTES = bytes(byte for byte in NON_ASCII_BYTES
                             if PERSIAN_CP1256_CHAR.match(bytes([byte]).decode("cp1256", errors="replace")))
PLAUSIBLE_RUN = re.compile(f"{PLAUSIBLE_CHAR.pattern}+")
MIN_PLAUSIBLE_SHARE = 0.95
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


def plausible_share(text: str) -> float:
    """The share of characters a Persian or English text is made of: Arabic-script and Latin
    letters, digits, punctuation, white space, ZWNJ. Bytes read in the wrong encoding give
    private-use, CJK or control characters instead."""
    if not text:
        return 0.0
    return sum(map(len, PLAUSIBLE_RUN.findall(text))) / len(text)


def detect_bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: English shows as every other byte NUL, Persian as every other byte
    0x06 (the Arabic block, U+06xx); the byte order that decodes to plausible text wins."""
    if len(data) % 2 or len(data) < 4:
        return None
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = plausible_share(text[:20_000])
        if share >= MIN_PLAUSIBLE_SHARE and (best is None or share > best[0]):
            best = (share, encoding, text)
    return Decoded(best[2], best[1]) if best else None


def decode_persian_cp1256(data: bytes) -> Decoded | None:
    """Windows-1256, as old Persian Windows files are written: almost every non-ASCII byte is an
    Arabic-script letter or Persian punctuation, ZWNJ (0x9D) included. charset-normalizer turns
    such files down once they hold ZWNJs, which it counts as suspicious."""
    # cp1256 gives each byte one character, a non-ASCII one for each byte above 0x7F: counted
    # on the bytes, so that UTF-8 English with a few accents is turned down at C speed
    non_ascii = len(data) - len(data.translate(None, NON_ASCII_BYTES))
    persian = len(data) - len(data.translate(None, PERSIAN_CP1256_BYTES))
    if not non_ascii or persian < MIN_PLAUSIBLE_SHARE * non_ascii:
        return None
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    if plausible_share(text) < MIN_PLAUSIBLE_SHARE:
        return None
    return Decoded(text, "cp1256")


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
    """Decode or raise InputError with a reason a user can act on. A BOM, UTF-8 and UTF-16 are
    detected with certainty and win over `encoding`, which replaces only the guesses (cp1256,
    cp1252, Latin-1) for files that are none of these."""
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
    # UTF-16 Persian can be valid UTF-8 (U+0627 ا is the bytes ' and 0x06): controls betray it.
    suspect = b"\x00" in data or not is_utf8(data) or CONTROL_BYTES.search(data)
    utf16 = detect_bomless_utf16(data) if suspect else None
    if utf16:
        return utf16
    warnings: list[str] = []
    if b"\x00" in data:
        nuls = data.count(0)
        if nuls > 0.01 * len(data):
            raise InputError(source, "binary file (contains NUL bytes), not text")
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed")
    if is_utf8(data):
        text = data.decode("utf-8")
        # Short cp1256 Persian can be valid UTF-8 too (اپ is C7 81, UTF-8 for ǁ): UTF-8 with no
        # Arabic letter whose bytes are Persian in cp1256 is cp1256.
        legacy = None if text.isascii() or ARABIC_CHAR.search(text) else decode_persian_cp1256(data)
        return legacy or Decoded(text, "utf-8", tuple(warnings))
    if encoding:
        try:
            return Decoded(data.decode(encoding).removeprefix("\ufeff"), encoding, tuple(warnings))
        except (UnicodeDecodeError, LookupError) as error:
            raise InputError(source, f"cannot decode as {encoding}: {error}") from None
    for attempt in (decode_mostly_utf8, decode_persian_cp1256, decode_legacy):
        decoded = attempt(data)
        if decoded is not None:
            return Decoded(decoded.text, decoded.encoding, tuple(warnings) + decoded.warnings)
    raise InputError(source, "cannot decode: not UTF-8, UTF-16 or cp1256; pass --encoding")


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
