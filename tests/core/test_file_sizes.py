"""One way to write a file size, for the file dialogs, the backups and the messages."""

from mediator_desk.core.file_sizes import size_text


def test_sizes_read_as_chinese_file_managers_write_them():
    assert size_text(0) == "0 字节"
    assert size_text(1023) == "1023 字节"
    assert size_text(1024) == "1 KB"
    assert size_text(12345) == "12 KB"
    assert size_text(3 * 1024 * 1024 + 400_000) == "3.4 MB"
    assert size_text(20 * 1024 * 1024 + 1) == "20 MB"
    assert size_text(int(2.1 * 1024 ** 3)) == "2.1 GB"
    assert size_text(15 * 1024 ** 3) == "15 GB"
