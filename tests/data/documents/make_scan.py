"""Write scan.pdf with WeasyPrint: one page holding only a small grey PNG, as a scan has no
text layer."""

import base64
import struct
import zlib
from pathlib import Path

from weasyprint import HTML


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


source = "data:image/png;base64," + base64.b64encode(png(60, 40)).decode()
HTML(string=f'<html><body><img src="{source}" style="width:10cm"></body></html>').write_pdf(
    Path(__file__).parent / "scan.pdf")
