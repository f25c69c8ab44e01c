"""What the package's one image (the screenshot) may hold: pixels, and nothing else.

A PNG file is a signature and a list of chunks. Only the chunks that hold image data are
allowed, each of the size its data has for the image's colour type, so no chunk can carry
text beside it: the header (IHDR) first, a palette (PLTE) only in a palette image, and the
image data (IDAT), which must be one zlib stream that holds exactly the bytes the header
implies (a filter byte, 0 to 4, and the pixels of each row), with nothing after it. What no
check can see: the pixels themselves, and the choices a deflate stream makes in coding them.

>>> png_problem(b"GIF89a")
'not a PNG file'
"""
from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXEL_BYTES = 2**28  # the screenshot holds about 3 MB; a larger image is refused unread
_STEP = 2**20            # image data is inflated this much at a time, never all at once
# Colour types: 0 grey, 2 RGB, 3 palette, 4 grey and alpha, 6 RGBA; their channels per pixel
# and the bit depths PNG allows for each.
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_BIT_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Image data only (no text, no EXIF, no time, no profile name), each chunk of the size its
# data has for the image's colour type `c`.
# The chunks a PNG image needs, each of the size its data has; none but IDAT twice. The others
# (colour space, gamma, physical size, background, ...) carry bytes no reader of a screenshot
# needs, and so could carry anything.
_CHUNK_SIZES = {
    b"IHDR": lambda n, c: n == 13, b"PLTE": lambda n, c: 0 < n <= 768 and n % 3 == 0,
    b"IDAT": lambda n, c: True, b"IEND": lambda n, c: n == 0,
    b"tRNS": lambda n, c: {0: n == 2, 2: n == 6, 3: n <= 256}.get(c, False),
}
# Adam7 interlacing: each pass's first column and row, and its steps across and down.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def png_problem(content: bytes) -> str | None:
    """Why `content` is not a PNG image of image data only, or None."""
    if not content.startswith(SIGNATURE):
        return "not a PNG file"
    position, header, data, seen = len(SIGNATURE), None, [], set()
    while position + 8 <= len(content):
        length, kind = struct.unpack(">I4s", content[position:position + 8])
        name = kind.decode("latin-1") if kind.isalpha() else "(not a chunk type: four letters)"
        if kind not in _CHUNK_SIZES:
            return f"a {name!r} chunk (text or metadata)"
        if (header is None) != (kind == b"IHDR"):
            return f"a {name!r} chunk where the image header (IHDR) must be, first and once"
        if kind != b"IDAT" and kind in seen:
            return f"a second {name!r} chunk; expected each chunk but the image data (IDAT) once"
        seen.add(kind)
        if kind == b"PLTE" and header[3] != 3:
            return f"a 'PLTE' chunk in an image of colour type {header[3]}; a palette only in a palette image (3)"
        if not _CHUNK_SIZES[kind](length, header and header[3]):
            return f"a {name!r} chunk of {length} bytes, not the size its data has"
        chunk = content[position + 8:position + 8 + length]
        if content[position + 8 + length:position + 12 + length] != struct.pack(">I", zlib.crc32(kind + chunk)):
            return f"a {name!r} chunk whose checksum (CRC) is not that of its bytes: four bytes that could carry anything"
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
            if not _valid_header(*header):
                return "an image header (IHDR) that describes no PNG image"
        elif kind == b"IDAT":
            data.append(chunk)
        position += 12 + length
        if kind == b"IEND":
            if position != len(content):
                return "data after the image's end"
            return _image_data_problem(b"".join(data), header)
    return "a truncated PNG file"


def _valid_header(width, height, depth, colour, compression, filtering, interlace) -> bool:
    return (0 < width < 2**31 and 0 < height < 2**31 and depth in _BIT_DEPTHS.get(colour, ())
            and compression == 0 and filtering == 0 and interlace in (0, 1))


def pixel_bytes(width: int, height: int, depth: int, colour: int, interlace: int) -> int:
    """How many bytes the image data inflates to: in each (interlacing) pass, a filter byte
    and the pixels of each row, a row's pixels filling whole bytes."""
    return sum(rows * length for rows, length in _passes(width, height, depth, colour, interlace))


def _passes(width: int, height: int, depth: int, colour: int, interlace: int) -> list[tuple[int, int]]:
    """(rows, bytes a row takes with its filter byte) of each pass that has pixels."""
    bits = depth * _CHANNELS[colour]
    found = []
    for x, y, across, down in _ADAM7 if interlace else ((0, 0, 1, 1),):
        columns, rows = -(-max(width - x, 0) // across), -(-max(height - y, 0) // down)
        if columns and rows:
            found.append((rows, 1 + (columns * bits + 7) // 8))
    return found


def _filter_bytes(passes: list[tuple[int, int]]):
    """Where in the inflated image data each row's filter byte stands, in order."""
    position = 0
    for rows, length in passes:
        for _ in range(rows):
            yield position
            position += length


def _image_data_problem(data: bytes, header: tuple) -> str | None:
    """Why the image data is not one zlib stream of exactly the bytes the header implies."""
    width, height, depth, colour, _, _, interlace = header
    expected = pixel_bytes(width, height, depth, colour, interlace)
    if expected > MAX_PIXEL_BYTES:
        return f"an image of {expected} bytes of pixels; expected at most {MAX_PIXEL_BYTES}"
    if not data:
        return "no image data (IDAT)"
    stream, produced, pending = zlib.decompressobj(), 0, data
    filters = _filter_bytes(_passes(width, height, depth, colour, interlace))
    next_filter = next(filters, None)
    try:
        while True:  # until the stream ends, outgrows the image, or has no more to give
            piece = stream.decompress(pending, _STEP)
            while next_filter is not None and next_filter < produced + len(piece):
                if piece[next_filter - produced] > 4:  # a byte that is no filter could be anything
                    return "a row of image data (IDAT) whose filter byte is none of the five PNG defines (0-4)"
                next_filter = next(filters, None)
            inflated = len(piece)
            produced, pending = produced + inflated, stream.unconsumed_tail
            if stream.eof or produced > expected or (not pending and inflated < _STEP):
                break
    except zlib.error:
        return "image data (IDAT) that is not a zlib stream"
    if produced > expected:
        return f"image data (IDAT) that inflates to more than the {expected} bytes its header implies"
    if not stream.eof:
        return "image data (IDAT) whose zlib stream does not end"
    if stream.unused_data:
        return f"{len(stream.unused_data)} bytes after the image data's zlib stream (IDAT)"
    if produced != expected:
        return f"image data (IDAT) of {produced} bytes where its header implies {expected}"
    return None
