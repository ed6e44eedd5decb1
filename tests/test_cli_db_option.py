"""`--db` works before or after the command; `case list` reports the real total."""

from mediator_desk.cli import main


def test_db_before_the_command_is_kept(db_path, capsys):
    assert main(["--db", str(db_path), "check"]) == 0
    assert str(db_path) in capsys.readouterr().out


def test_case_list_prints_the_total_and_how_many_are_shown(db_path, desk, make_case, capsys):
    for _ in range(3):
        make_case()
    assert main(["case", "list", "--db", str(db_path), "--limit", "2"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == \
        "共 3 件，显示最新的 2 件（--limit 0 列出全部）"
    assert main(["case", "list", "--db", str(db_path), "--limit", "0"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "共 3 件" and len(out) == 4


def test_usage_errors_are_one_chinese_line(capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--db", "x.db"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("用法错误：缺少必填参数：--cases") and "\n" not in err


def test_the_guis_start_reads_its_arguments_as_the_whole_parser_does():
    """The GUI's start skips argparse for nothing / ``--db PATH`` / ``--db=PATH``; what it
    reads must be what the parser reads, and anything else goes to the parser."""
    import pytest

    from mediator_desk.cli import _gui_start, build_parser

    for argv in ([], ["--db", "村委会.db"], ["--db=村委会.db"], ["--db", ""]):
        fast = _gui_start(argv)
        assert fast is not None, argv
        parsed = vars(build_parser().parse_args(argv))
        assert {k: parsed.get(k) for k in vars(fast)} == vars(fast), argv
    for argv in (["--self-test"], ["--version"], ["check"], ["--db", "x.db", "check"],
                 ["--db"], ["--db", "--self-test"], ["-h"], ["--db", "a", "--db", "b"]):
        assert _gui_start(argv) is None, argv
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--db"])
