"""Write this folder's PDFs with WeasyPrint (pip install weasyprint; not a test dependency):
one <p> a line of the corpus text, Persian in an HTML page with dir="rtl"."""

import html
from pathlib import Path

from weasyprint import HTML

CORPUS = Path(__file__).parents[4] / "corpus"
for name in ("fa_iran_russia_relations", "en_foreign_policy_toward_russia_abstract"):
    rtl = name.startswith("fa")
    lines = [line for line in (CORPUS / f"{name}.txt").read_text().split("\n") if line.strip()]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    page = (f'<html lang="{"fa" if rtl else "en"}" dir="{"rtl" if rtl else "ltr"}">'
            f'<body style="font-family: DejaVu Sans; font-size: 10pt">{body}</body></html>')
    HTML(string=page).write_pdf(Path(__file__).parent / f"{name}.pdf")
