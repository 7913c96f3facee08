#!/usr/bin/env python3
"""Draws assets/favicon.ico (16, 32 and 48 px, PNG inside ICO) from assets/favicon.svg.

The site serves favicon.svg to browsers that take SVG icons and favicon.ico to the rest and to
everything that asks for /favicon.ico by habit. Run this after changing favicon.svg:

    python3 themes/Default/make-favicon.py

Only the Python standard library is needed. It understands what favicon.svg uses: <path> elements
with a fill colour or a round-capped stroke, and the path commands M L H V C S Z (upper and lower
case). The icon is drawn with 8x8 samples per pixel; the output is the same on every machine.
"""

import math
import os
import re
import struct
import xml.etree.ElementTree as ET
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "assets", "favicon.svg")
TARGET = os.path.join(HERE, "assets", "favicon.ico")
SIZES = (16, 32, 48)
SAMPLES = 8
CURVE_STEPS = 24


def parse_path(d):
    """Polylines (lists of (x, y)) for the subpaths of an SVG path."""
    tokens = re.findall(r"[MLHVCSZmlhvcsz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?", d)
    i, command = 0, None
    x = y = start_x = start_y = 0.0
    last_control = None
    subpaths, current = [], []

    def number():
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    def cubic(x0, y0, x1, y1, x2, y2, x3, y3):
        for step in range(1, CURVE_STEPS + 1):
            t = step / CURVE_STEPS
            u = 1 - t
            current.append((
                u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
                u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
            ))

    while i < len(tokens):
        if re.match(r"[A-Za-z]", tokens[i]):
            command = tokens[i]
            i += 1
        relative = command.islower()
        dx, dy = (x, y) if relative else (0.0, 0.0)
        kind = command.upper()
        if kind == "M":
            if current:
                subpaths.append(current)
            x, y = number() + dx, number() + dy
            start_x, start_y = x, y
            current = [(x, y)]
            command = "l" if relative else "L"  # further pairs are lines
            last_control = None
        elif kind == "L":
            x, y = number() + dx, number() + dy
            current.append((x, y))
            last_control = None
        elif kind == "H":
            x = number() + dx
            current.append((x, y))
            last_control = None
        elif kind == "V":
            y = number() + dy
            current.append((x, y))
            last_control = None
        elif kind == "C":
            x1, y1 = number() + dx, number() + dy
            x2, y2 = number() + dx, number() + dy
            x3, y3 = number() + dx, number() + dy
            cubic(x, y, x1, y1, x2, y2, x3, y3)
            x, y, last_control = x3, y3, (x2, y2)
        elif kind == "S":
            x1, y1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
            x2, y2 = number() + dx, number() + dy
            x3, y3 = number() + dx, number() + dy
            cubic(x, y, x1, y1, x2, y2, x3, y3)
            x, y, last_control = x3, y3, (x2, y2)
        elif kind == "Z":
            current.append((start_x, start_y))
            subpaths.append(current)
            current = []
            x, y = start_x, start_y
            last_control = None
        else:
            raise ValueError(f"path command {command} is not supported")
    if current:
        subpaths.append(current)
    return subpaths


def colour(value):
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return tuple(int(value[k:k + 2], 16) for k in (0, 2, 4))


def fill_coverage(subpaths, size, scale):
    """Samples inside the shape (non-zero rule) per pixel, by scanlines."""
    grid = [[0] * size for _ in range(size)]
    edges = []
    for poly in subpaths:
        closed = poly if poly[0] == poly[-1] else poly + [poly[0]]
        for (x0, y0), (x1, y1) in zip(closed, closed[1:]):
            if y0 != y1:
                edges.append((x0 * scale, y0 * scale, x1 * scale, y1 * scale))
    for row in range(size * SAMPLES):
        sy = (row + 0.5) / SAMPLES
        crossings = []
        for x0, y0, x1, y1 in edges:
            if (y0 <= sy < y1) or (y1 <= sy < y0):
                crossings.append((x0 + (sy - y0) * (x1 - x0) / (y1 - y0), 1 if y1 > y0 else -1))
        crossings.sort()
        winding = 0
        for k, (cx, direction) in enumerate(crossings):
            winding += direction
            if winding != 0 and k + 1 < len(crossings):
                left, right = cx, crossings[k + 1][0]
                first = max(0, math.ceil(left * SAMPLES - 0.5))
                last = min(size * SAMPLES - 1, math.floor(right * SAMPLES - 0.5))
                for column in range(first, last + 1):
                    grid[row // SAMPLES][column // SAMPLES] += 1
    return grid


def stroke_coverage(subpaths, width, size, scale):
    """Samples within half the width of the line: round caps and joins come by themselves."""
    grid = [[0] * size for _ in range(size)]
    half = width * scale / 2
    segments = [((x0 * scale, y0 * scale), (x1 * scale, y1 * scale)) for poly in subpaths for (x0, y0), (x1, y1) in zip(poly, poly[1:])]
    for row in range(size * SAMPLES):
        sy = (row + 0.5) / SAMPLES
        for column in range(size * SAMPLES):
            sx = (column + 0.5) / SAMPLES
            for (ax, ay), (bx, by) in segments:
                vx, vy = bx - ax, by - ay
                length = vx * vx + vy * vy
                t = 0 if length == 0 else max(0.0, min(1.0, ((sx - ax) * vx + (sy - ay) * vy) / length))
                px, py = ax + t * vx - sx, ay + t * vy - sy
                if px * px + py * py <= half * half:
                    grid[row // SAMPLES][column // SAMPLES] += 1
                    break
    return grid


def render(root, size):
    """Straight (not premultiplied) RGBA rows, shapes painted in document order."""
    view = [float(v) for v in root.get("viewBox").split()]
    scale = size / view[2]
    pixels = [[(0.0, 0.0, 0.0, 0.0)] * size for _ in range(size)]
    for element in root.iter("{http://www.w3.org/2000/svg}path"):
        subpaths = parse_path(element.get("d"))
        if element.get("fill", "black") != "none":
            paint, grid = colour(element.get("fill")), fill_coverage(subpaths, size, scale)
        else:
            paint, grid = colour(element.get("stroke")), stroke_coverage(subpaths, float(element.get("stroke-width", "1")), size, scale)
        for py in range(size):
            for px in range(size):
                alpha = grid[py][px] / (SAMPLES * SAMPLES)
                if alpha == 0:
                    continue
                r, g, b, a = pixels[py][px]
                out = alpha + a * (1 - alpha)
                mix = lambda new, old: (new * alpha + old * a * (1 - alpha)) / out
                pixels[py][px] = (mix(paint[0], r), mix(paint[1], g), mix(paint[2], b), out)
    return pixels


def png(pixels):
    size = len(pixels)
    raw = b"".join(b"\x00" + bytes(round(c) for p in row for c in (p[0], p[1], p[2], p[3] * 255)) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, image in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return directory + entries + data


def main():
    root = ET.parse(SOURCE).getroot()
    images = [(size, png(render(root, size))) for size in SIZES]
    with open(TARGET, "wb") as target:
        target.write(ico(images))
    print(f"{os.path.relpath(TARGET)}: {', '.join(f'{s}px' for s in SIZES)}, {os.path.getsize(TARGET)} bytes")


if __name__ == "__main__":
    main()
