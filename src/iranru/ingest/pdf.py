"""The text layer of a PDF, line by line as the page shows it, Persian lines in reading order.

pdfminer.six reads each glyph with its position; lines are rebuilt from the positions, not from
the order the producer wrote the glyphs in (LibreOffice writes a Persian line's digits after
the line, so an extractor that follows the content stream moves them elsewhere). A line is
read left to right, then `visual.to_logical_order` turns reversed Persian lines around.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from iranru.errors import InputError
from iranru.ingest.visual import ARABIC_LETTER, LATIN_LETTER, WordCounts, restore_reading_order

NO_TEXT_LAYER = "no text layer (scanned image?); run OCR first"
HYPHENATED = re.compile(r"[A-Za-z\u00c0-\u024f]-$")
ARABIC_GLYPH = re.compile(f"[{ARABIC_LETTER}]")
# Glyphs on one line overlap vertically by at least this share of the smaller glyph's height.
SAME_LINE_OVERLAP = 0.5
# A gap wider than this share of the font size between two glyphs is a space the PDF did not draw.
WORD_GAP = 0.25
# A gap wider than this many font sizes separates two table cells (or columns) on one line.
COLUMN_GAP = 2.0
CELL_SEPARATOR = "\t"
# A page has two columns when at least this many rows have a gap at the same place.
MIN_COLUMN_ROWS = 5
# Lines further apart than this many line heights start a new paragraph.
PARAGRAPH_GAP = 1.6


@dataclass(slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(slots=True)
class Line:
    glyphs: list[Glyph]
    y0: float
    y1: float

    @property
    def x0(self) -> float:
        return min(glyph.x0 for glyph in self.glyphs)

    @property
    def x1(self) -> float:
        return max(glyph.x1 for glyph in self.glyphs)


def page_glyphs(data: bytes, source: str) -> Iterator[tuple[list[Glyph], float]]:
    """Each page's glyphs (figures' included) and its width; a PDF pdfminer cannot open is an
    InputError."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)

    def walk(container: LTContainer) -> Iterator[Glyph]:
        for item in container:
            if isinstance(item, LTChar):
                text = item.get_text()
                if text.strip() or text == " ":
                    yield Glyph(text, item.x0, item.x1, item.y0, item.y1, item.size or item.height)
            elif isinstance(item, LTContainer):
                yield from walk(item)

    try:
        for page in PDFPage.get_pages(io.BytesIO(data), check_extractable=False):
            interpreter.process_page(page)
            layout = device.get_result()
            yield list(walk(layout)), layout.x1
    except PDFSyntaxError as error:
        raise InputError(source, f"not a readable PDF ({error})") from None
    except Exception as error:  # pdfminer raises many kinds on damaged or encrypted files
        if type(error).__module__.startswith("pdfminer"):
            raise InputError(source, f"not a readable PDF ({type(error).__name__}: {error})") from None
        raise


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs whose heights overlap enough share a line; lines from the top of the page down."""
    lines: list[Line] = []
    for glyph in sorted(glyphs, key=lambda glyph: (-glyph.y1, glyph.x0)):
        height = max(glyph.y1 - glyph.y0, 0.1)
        for line in reversed(lines[-3:]):  # the line being filled is among the last few
            overlap = min(line.y1, glyph.y1) - max(line.y0, glyph.y0)
            if overlap >= SAME_LINE_OVERLAP * min(height, line.y1 - line.y0):
                line.glyphs.append(glyph)
                break
        else:
            lines.append(Line([glyph], glyph.y0, glyph.y1))
    return lines


def is_mark(glyph: Glyph) -> bool:
    return all(unicodedata.combining(char) for char in glyph.text)


def visual_text(glyphs: list[Glyph]) -> str:
    """Glyphs read left to right, a space where the PDF leaves a gap but draws none, a tab
    where the gap is as wide as between table cells or columns. A mark (a
    vowel sign, tanwin, hamza above) is drawn with no width at the left edge of its letter: it
    goes just before the first letter that ends right of it, so that a reversed Persian line
    puts it after its letter; a ligature's text (لا) is reversed with its line for the same reason."""
    letters = sorted((glyph for glyph in glyphs if not is_mark(glyph)),
                     key=lambda glyph: (glyph.x0, glyph.x1))
    marks_before: dict[int, list[str]] = {}
    for mark in (glyph for glyph in glyphs if is_mark(glyph)):
        base = next((index for index, letter in enumerate(letters)
                     if letter.x1 > mark.x0 and letter.text != " "), len(letters))
        marks_before.setdefault(base, []).append(mark.text)
    parts: list[str] = []
    previous: Glyph | None = None
    for index, glyph in enumerate(letters):
        text = glyph.text[::-1] if len(glyph.text) > 1 and ARABIC_GLYPH.search(glyph.text) else glyph.text
        if previous is not None and glyph.x0 - previous.x1 > COLUMN_GAP * glyph.size:
            parts[-1:] = [CELL_SEPARATOR] if parts[-1] == " " else [parts[-1], CELL_SEPARATOR]
        elif previous is not None and glyph.x0 - previous.x1 > WORD_GAP * glyph.size \
                and parts[-1] != " " and text != " ":
            parts.append(" ")
        parts.extend(marks_before.get(index, ()))
        if not (text == " " and parts and parts[-1] == " "):
            parts.append(text)
        previous = glyph
    parts.extend(marks_before.get(len(letters), ()))
    return "".join(parts).strip()


def edge_word_width(glyphs: list[Glyph], from_left: bool) -> float:
    """The width of a line's first word from its left or right end."""
    ordered = sorted(glyphs, key=lambda glyph: glyph.x0, reverse=not from_left)
    ordered = [glyph for glyph in ordered if not is_mark(glyph)]
    if not ordered:  # a line of marks alone
        return 0.0
    end = ordered[0]
    for glyph in ordered:
        gap = glyph.x0 - end.x1 if from_left else end.x0 - glyph.x1
        if glyph.text == " " or gap > WORD_GAP * glyph.size:
            break
        end = glyph
    return end.x1 - ordered[0].x0 if from_left else ordered[0].x1 - end.x0


def ends_paragraph(line: Line, following: Line, margins: tuple[float, float]) -> bool:
    """A wide gap below the line, or room left on it (at either end, however it is aligned)
    for the next line's first word (a wrapped line is cut only when that word does not fit):
    its paragraph ends there. A Persian line's first word is its rightmost."""
    height = max(line.y1 - line.y0, 1.0)
    if line.y0 - following.y1 > (PARAGRAPH_GAP - 1) * height:
        return True
    text = "".join(glyph.text for glyph in line.glyphs)
    space = max(glyph.size for glyph in line.glyphs) * 0.5
    persian = len(ARABIC_GLYPH.findall(text)) > len(LATIN_LETTER.findall(text))
    room = (line.x0 - margins[0]) + (margins[1] - line.x1)
    return room > edge_word_width(following.glyphs, from_left=not persian) + space


def wide_gaps(row: Line) -> list[tuple[float, float]]:
    """Where a row's glyphs are further apart than table cells or columns."""
    letters = sorted((glyph for glyph in row.glyphs if glyph.text.strip()), key=lambda glyph: glyph.x0)
    return [(before.x1, after.x0) for before, after in zip(letters, letters[1:], strict=False)
            if after.x0 - before.x1 > COLUMN_GAP * max(before.size, after.size)]


def find_gutter(rows: list[Line]) -> float | None:
    """The x of the gap between two columns of text: inside a wide gap of at least
    MIN_COLUMN_ROWS rows, crossed by at most a third as many (headings and titles run across
    it), with lines on each side of it a quarter of the text's width or more as a rule (a
    table's cells are shorter: a table is read row by row)."""
    if not rows:
        return None
    text_width = max(row.x1 for row in rows) - min(row.x0 for row in rows)
    best: tuple[int, float] | None = None
    for candidate in {(start + end) / 2 for row in rows for start, end in wide_gaps(row)}:
        split = [row for row in rows if any(start < candidate < end for start, end in wide_gaps(row))]
        crossed = sum(1 for row in rows if row.x0 < candidate < row.x1) - len(split)
        if len(split) < MIN_COLUMN_ROWS or crossed * 3 > len(split):
            continue
        narrow = sum(1 for row in split if min(candidate - row.x0, row.x1 - candidate) < text_width / 4)
        if narrow * 2 < len(split) and (best is None or len(split) > best[0]):
            best = (len(split), candidate)
    return best[1] if best else None


def reading_blocks(rows: list[Line], right_to_left: bool) -> list[list[Line]]:
    """Rows in reading order as blocks: on a page of two columns, each run of rows between two
    that cross the gutter is read one column after the other (the right one first on a
    Persian page); a row across the gutter is a block of its own."""
    gutter = find_gutter(rows)
    if gutter is None:
        return [rows]
    blocks: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []

    def close() -> None:
        blocks.extend(block for block in ((right, left) if right_to_left else (left, right)) if block)

    for row in rows:
        before = [glyph for glyph in row.glyphs if glyph.x1 <= gutter]
        after = [glyph for glyph in row.glyphs if glyph.x0 >= gutter]
        if len(before) + len(after) < len(row.glyphs):  # a glyph across the gutter: full width
            close()
            left, right = [], []
            blocks.append([row])
            continue
        left.extend([Line(before, row.y0, row.y1)] if before else [])
        right.extend([Line(after, row.y0, row.y1)] if after else [])
    close()
    return blocks


def page_lines(glyphs: list[Glyph], width: float) -> list[str]:
    """A page's lines in reading order, "" between paragraphs. Margins are a column's own; a
    page of one column has equal margins on both sides when its text reaches neither (a short
    page)."""
    rows = [row for row in group_lines(glyphs) if any(glyph.text.strip() for glyph in row.glyphs)]
    if not rows:  # a page of images only
        return []
    text = "".join(glyph.text for glyph in glyphs)
    right_to_left = len(ARABIC_GLYPH.findall(text)) > len(LATIN_LETTER.findall(text))
    out: list[str] = []
    blocks = reading_blocks(rows, right_to_left)
    for block in blocks:
        left, right = min(row.x0 for row in block), max(row.x1 for row in block)
        margins = (min(left, width - right), max(right, width - left)) if len(blocks) == 1 else (left, right)
        out.extend([""] if out else [])
        for index, row in enumerate(block):
            if index and ends_paragraph(block[index - 1], row, margins):
                out.append("")
            out.append(visual_text(row.glyphs))
    return out


def extract_pdf_text(data: bytes, source: str, counts: WordCounts) -> str:
    """The whole text layer in reading order, pages apart by a blank line; a PDF without any
    text is an InputError."""
    lines: list[str] = []
    for glyphs, width in page_glyphs(data, source):
        page = page_lines(glyphs, width)
        if page:
            lines.extend([""] if lines else [])
            lines.extend(page)
    if not any(line.strip() for line in lines):
        raise InputError(source, NO_TEXT_LAYER)
    return "\n".join(reflow(restore_reading_order(lines, counts))) + "\n"


def reflow(lines: list[str]) -> list[str]:
    """A paragraph's lines as one line, as it was written before the page wrapped it (so that a
    sentence is not cut at each line end); a word cut after its hyphen (anti-⏎aircraft) is one
    word again. Paragraphs stay apart by a blank line."""
    joined: list[str] = []
    for line in lines:
        if not (joined and joined[-1] and line):
            joined.append(line)
        elif HYPHENATED.search(joined[-1]) and line[:1].isalpha():
            joined[-1] += line
        else:
            joined[-1] += " " + line
    return joined
