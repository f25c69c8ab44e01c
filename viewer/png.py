"""Keep only the chunks of a PNG that draw the picture: no text, time or Exif metadata.

    >>> import zlib
    >>> def chunk(kind, data): return (len(data).to_bytes(4, "big") + kind + data
    ...                                + zlib.crc32(kind + data).to_bytes(4, "big"))
    >>> png = SIGNATURE + chunk(b"IHDR", bytes(13)) + chunk(b"tEXt", b"k\\x00v") + chunk(b"IEND", b"")
    >>> [kind for kind, _ in chunks(strip_metadata(png))]
    [b'IHDR', b'IEND']
"""
from __future__ import annotations

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks needed to draw the image as intended; all others (tEXt, iTXt, zTXt, eXIf, tIME, ...)
# are dropped.
KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT"}


def chunks(png: bytes):
    """(type, whole chunk bytes) for each chunk after the signature."""
    if not png.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    position = len(SIGNATURE)
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        end = position + 12 + length
        yield png[position + 4:position + 8], png[position:end]
        position = end


def strip_metadata(png: bytes) -> bytes:
    return SIGNATURE + b"".join(whole for kind, whole in chunks(png) if kind in KEPT)
