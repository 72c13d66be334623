"""read_path(): formats by content, sizes checked before reading, and one clear error per bad file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from read_builders import WriteFile

from biohub_cli.errors import ReadError, TooLargeError
from biohub_cli.read import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, read_path

NOTE = "경북 안동 바이오산업단지 입주 설명회\n\n일시: 2025년 5월 20일\n장소: 안동시청 대회의실\n"


def test_public_constants() -> None:
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".hwpx", ".hwp"}
    assert frozenset(expected) == SUPPORTED_SUFFIXES


def test_text_file(write: WriteFile) -> None:
    path = write("note.txt", NOTE.encode())
    doc = read_path(path)
    assert (doc.path, doc.format, doc.text, doc.encoding) == (path, "text", NOTE, "utf-8")
    assert doc.sha256 == hashlib.sha256(NOTE.encode()).hexdigest()


@pytest.mark.parametrize("name", ["note.md", "note.markdown", "NOTE.MD"])
def test_markdown_by_suffix(write: WriteFile, name: str) -> None:
    doc = read_path(write(name, ("# 제목\n\n" + NOTE).encode()))
    assert doc.format == "markdown"
    assert doc.text.startswith("# 제목\n")


def test_markdown_with_inline_tags_stays_markdown(write: WriteFile) -> None:
    body = "# 일정\n\n<br>\n<b>중요</b>: 회의는 <span>3일</span> 열린다.\n"
    assert read_path(write("plan.md", body.encode())).format == "markdown"


def test_unknown_suffix_with_text_is_read_as_text(write: WriteFile) -> None:
    assert read_path(write("memo.log", NOTE.encode("cp949"))).text == NOTE


def test_cp949_text_file(write: WriteFile) -> None:
    doc = read_path(write("legacy.txt", NOTE.replace("\n", "\r\n").encode("cp949")))
    assert doc.encoding == "cp949"
    assert doc.text == NOTE


def test_empty_file(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="empty file"):
        read_path(write("empty.txt", b""))


@pytest.mark.parametrize("name", ["blank.txt", "blank.md"])
def test_whitespace_only_file(write: WriteFile, name: str) -> None:
    with pytest.raises(ReadError, match="no text"):
        read_path(write(name, b" \n\t\r\n  "))


def test_binary_junk(write: WriteFile) -> None:
    with pytest.raises(ReadError, match="binary data, not a document"):
        read_path(write("junk.txt", os.urandom(4096)))


@pytest.mark.parametrize(("magic", "kind"), [
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff\xe0", "JPEG image"), (b"\x1f\x8b\x08", "gzip"),
    (b"\x7fELF\x02\x01", "program"),
])
def test_known_binary_formats_are_named(write: WriteFile, magic: bytes, kind: str) -> None:
    with pytest.raises(ReadError, match=f"binary data .*{kind}"):
        read_path(write("file.txt", magic + b"\x00" * 200))


@pytest.mark.parametrize("name", ["release.hwp", "release.hwpx"])
def test_office_name_with_text_content(write: WriteFile, name: str) -> None:
    with pytest.raises(ReadError, match=r"not an HWPX? file"):
        read_path(write(name, NOTE.encode()))


def test_too_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    with pytest.raises(TooLargeError, match="file is 200 MB, over the 64 MB limit; raise --max-bytes"):
        read_path(path)
    assert path not in opened


def test_max_bytes_is_configurable(write: WriteFile) -> None:
    path = write("note.txt", NOTE.encode())
    with pytest.raises(TooLargeError, match="over the 10 bytes limit"):
        read_path(path, max_bytes=10)
    assert read_path(path, max_bytes=len(NOTE.encode())).text == NOTE


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file") as info:
        read_path(tmp_path / "nowhere.txt")
    assert info.value.path == str(tmp_path / "nowhere.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a folder"):
        read_path(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError, match="not a regular file"):
        read_path(pipe)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads everything")
def test_unreadable_file(write: WriteFile) -> None:
    path = write("locked.txt", NOTE.encode())
    path.chmod(0)
    with pytest.raises(ReadError, match="permission denied"):
        read_path(path)


def test_errors_render_as_one_line_naming_the_file(write: WriteFile) -> None:
    path = write("junk.hwp", os.urandom(2048))
    with pytest.raises(ReadError) as info:
        read_path(path)
    rendered = info.value.render()
    assert rendered.startswith(f"{path}: ")
    assert "\n" not in rendered


def test_unforeseen_parser_failures_become_one_line_read_errors(write: WriteFile,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from biohub_cli.read import pdf

    def explode(data: bytes) -> str:
        raise KeyError("first line\nsecond line")

    monkeypatch.setattr(pdf, "extract_pdf", explode)
    with pytest.raises(ReadError) as info:
        read_path(write("odd.pdf", b"%PDF-1.4\n%%EOF\n"))
    assert info.value.message.startswith("damaged or unsupported file (KeyError")
    assert "\n" not in info.value.render()
