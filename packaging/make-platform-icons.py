#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds packaging/windows/nocdash.ico and packaging/macos/nocdash.icns from the committed PNG sizes in
resources/icons (PNG-compressed entries: Windows Vista+ and macOS 10.7+ read them). Standard library only.

    packaging/make-platform-icons.py            # rewrite both files
    packaging/make-platform-icons.py --check    # exit 1 if a committed file is out of date (ctest does this)
"""
import pathlib
import struct
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO = ROOT / "packaging" / "windows" / "nocdash.ico"
ICNS = ROOT / "packaging" / "macos" / "nocdash.icns"


def png(size: int) -> bytes:
    data = (ICONS / f"nocdash-{size}.png").read_bytes()
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    if (width, height) != (size, size):
        sys.exit(f"nocdash-{size}.png is {width}x{height}")
    return data


def ico() -> bytes:
    sizes = [16, 32, 48, 64, 128, 256]
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size, image in zip(sizes, images):
        edge = 0 if size == 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return header + entries + b"".join(images)


def icns() -> bytes:
    # OSType -> pixel size: 16, 32, 64, 128, 256 and the @2x variants of 16, 32, 128.
    types = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
             (b"ic11", 32), (b"ic12", 64), (b"ic13", 256)]
    body = b"".join(t + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for path, data in ((ICO, ico()), (ICNS, icns())):
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")
    if stale:
        print("out of date (run packaging/make-platform-icons.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
