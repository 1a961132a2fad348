"""Date and place mentions of every document, here, in a pool or on Dask (not cached:
finding mentions is cheap next to tokenising)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranru.engine.pool import Progress, map_documents, text_size
from iranru.model import Document, Skipped
from iranru.settings import NormalizeOptions, RunOptions

if TYPE_CHECKING:
    from iranru.mentions.gazetteer import PlaceRow


def find_mentions_in(
    documents: list[Document], normalize_options: NormalizeOptions | None, finder: str,
    extra_places: tuple[PlaceRow, ...] = (),
) -> list[list[tuple[object, ...]] | Skipped]:
    """Runs in a worker: each document's date or place mention rows, or what a bug cost
    (`extra_places`: the rows of a user's places file, as data, so that pool and Dask workers
    need not read it)."""
    from iranru.mentions import mention_rows
    from iranru.mentions.dates import find_dates
    from iranru.mentions.places import find_places
    from iranru.normalize import normalize_text

    def find(text: str) -> list:
        return find_dates(text) if finder == "dates" else find_places(text, extra_places)

    found: list[list[tuple[object, ...]] | Skipped] = []
    for doc in documents:
        try:
            found.append(list(mention_rows(doc, normalize_text(doc.text, normalize_options),
                                           find(doc.text))))
        except Exception as error:
            found.append(Skipped.failed(doc.path, finder, error))
    return found


def mention_rows_of(
    documents: Sequence[Document], normalize_options: NormalizeOptions | None, finder: str,
    run_options: RunOptions | None = None, extra_places: tuple[PlaceRow, ...] = (),
) -> tuple[list[tuple[object, ...]], list[Skipped]]:
    """Mention rows of every document in input order, here, in a pool or on Dask (not cached:
    finding mentions is cheap next to tokenising), and the documents a bug cost."""
    options = run_options or RunOptions()
    sizes = [text_size(document) for document in documents]
    progress = Progress(options, sizes)
    per_document: list[list[tuple[object, ...]] | Skipped] = [[] for _ in documents]
    try:
        for chunk, outputs in map_documents(find_mentions_in, documents, range(len(documents)), sizes,
                                            options, normalize_options, finder, extra_places):
            for index, rows in zip(chunk, outputs, strict=True):
                per_document[index] = rows
            progress.advance(chunk)
    finally:
        progress.close()
    failures = [rows for rows in per_document if isinstance(rows, Skipped)]
    return [row for rows in per_document if not isinstance(rows, Skipped) for row in rows], failures
