"""The output plan: where a batch's outputs go, decided once from the arguments, the same for
the command line (``OutputPlan.for_command``) and ``convert_batch`` (``OutputPlan.of``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import articlekit
from articlekit import Article
from articlekit.cli import main
from articlekit.output import OutputPlan, OutputRefused, output_path
from articlekit.plugins import get_registry
from articlekit.registry import WriterSpec


def _writer(name: str) -> WriterSpec:
    return get_registry().writer(name)


@pytest.fixture
def json_writer() -> WriterSpec:
    """A writer of one article per output."""
    writer = _writer("json")
    assert writer.stream is None
    return writer


@pytest.fixture
def jsonl_writer() -> WriterSpec:
    """A writer that gathers many articles into one output."""
    writer = _writer("jsonl")
    assert writer.stream is not None
    return writer


def test_output_path_is_none_for_standard_output() -> None:
    assert output_path(None) is None
    assert output_path("") is None
    assert output_path("-") is None
    assert output_path("out/") == Path("out")
    assert output_path("./-") == Path("./-")  # a file named "-", named as a path


# -- the command line -------------------------------------------------------------------------


def test_one_input_to_standard_output_is_rendered(json_writer: WriterSpec) -> None:
    for output in (None, "-"):
        plan = OutputPlan.for_command(output, json_writer, several=False)
        assert (plan.target, plan.output, plan.gathered, plan.render) == ("stdout", None, False, True)
        assert not plan.folder and not plan.resumes


def test_a_gathering_writer_streams_to_standard_output(jsonl_writer: WriterSpec) -> None:
    for several in (False, True):
        plan = OutputPlan.for_command(None, jsonl_writer, several=several)
        assert (plan.target, plan.output, plan.gathered) == ("stdout", None, True)


def test_several_inputs_to_standard_output_need_a_gathering_writer(json_writer: WriterSpec) -> None:
    with pytest.raises(OutputRefused) as refused:
        OutputPlan.for_command(None, json_writer, several=True)
    assert str(refused.value) == (
        "several inputs need an output folder (-o DIR) or a multi-article format (--to jsonl)"
    )


def test_one_input_to_one_file(tmp_path: Path, json_writer: WriterSpec) -> None:
    target = tmp_path / "out.json"
    plan = OutputPlan.for_command(str(target), json_writer, several=False)
    assert plan == OutputPlan("file", target, False)
    assert plan.writer is json_writer and plan.extension == ".json" and not plan.folder


def test_a_gathering_writer_into_one_file(tmp_path: Path, jsonl_writer: WriterSpec) -> None:
    target = tmp_path / "all.jsonl"
    plan = OutputPlan.for_command(str(target), jsonl_writer, several=True)
    assert (plan.target, plan.output, plan.gathered, plan.extension) == ("file", target, True, ".jsonl")


def test_several_inputs_to_a_one_article_writer_make_a_folder(tmp_path: Path, json_writer: WriterSpec) -> None:
    target = tmp_path / "out"  # not there yet, no trailing slash: several inputs say "a folder"
    plan = OutputPlan.for_command(str(target), json_writer, several=True, naming="headline")
    assert plan == OutputPlan("folder", target, False, naming="headline")
    assert plan.folder and plan.render and plan.extension == ".json"


@pytest.mark.parametrize("how", ["slash", "existing"])
def test_a_folder_is_a_folder_for_any_writer(tmp_path: Path, jsonl_writer: WriterSpec, how: str) -> None:
    target = tmp_path / "out"
    if how == "existing":
        target.mkdir()
        argument = str(target)
    else:
        argument = f"{target}{os.sep}"
    plan = OutputPlan.for_command(argument, jsonl_writer, several=False)
    # jsonl into a folder: one output per article there, rendered, as any writer
    assert (plan.target, plan.output, plan.gathered, plan.folder) == ("folder", target, False, True)


def test_the_tables_go_into_a_folder(tmp_path: Path, jsonl_writer: WriterSpec) -> None:
    target = tmp_path / "tables"
    plan = OutputPlan.for_command(str(target), jsonl_writer, several=False, tables=True, force=True)
    assert (plan.target, plan.output, plan.gathered, plan.folder, plan.force) == ("tables", target, True, True, True)
    assert plan.writer is None and plan.extension == ""  # the sink names its own files
    # without -o, the sink refuses (the command line says what to give)
    plan = OutputPlan.for_command(None, jsonl_writer, several=True, tables=True)
    assert (plan.target, plan.output, plan.folder) == ("tables", None, False)


def test_a_file_where_a_folder_is_needed_is_refused(tmp_path: Path, json_writer: WriterSpec) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"kept")
    for kwargs in ({"several": True}, {"several": False, "tables": True}):
        with pytest.raises(OutputRefused) as refused:
            OutputPlan.for_command(str(target), json_writer, force=True, **kwargs)  # type: ignore[arg-type]
        assert str(refused.value) == f"{target}: is a file; the outputs of several inputs need a folder"


def test_an_existing_file_needs_force(tmp_path: Path, json_writer: WriterSpec, jsonl_writer: WriterSpec) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"kept")
    for writer in (json_writer, jsonl_writer):
        with pytest.raises(OutputRefused) as refused:
            OutputPlan.for_command(str(target), writer, several=False)
        assert str(refused.value) == f"{target}: exists; use --force to overwrite it"
        plan = OutputPlan.for_command(str(target), writer, several=False, force=True)
        assert plan.target == "file" and plan.force


def test_skip_existing_leaves_one_rendered_file_alone(
    tmp_path: Path, json_writer: WriterSpec, jsonl_writer: WriterSpec
) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"kept")
    plan = OutputPlan.for_command(str(target), json_writer, several=False, skip_existing=True)
    assert plan.target == "file" and plan.resumes
    # a gathered output is written whole or not at all: nothing to resume, so it is refused
    with pytest.raises(OutputRefused, match="exists; use --force"):
        OutputPlan.for_command(str(target), jsonl_writer, several=False, skip_existing=True)


def test_only_rendered_outputs_resume(tmp_path: Path, json_writer: WriterSpec, jsonl_writer: WriterSpec) -> None:
    folder = f"{tmp_path / 'out'}/"
    assert OutputPlan.for_command(folder, json_writer, several=True, skip_existing=True).resumes
    assert not OutputPlan.for_command(folder, json_writer, several=True).resumes
    assert not OutputPlan.for_command(None, jsonl_writer, several=True, skip_existing=True).resumes
    all_in_one = str(tmp_path / "all.jsonl")
    assert not OutputPlan.for_command(all_in_one, jsonl_writer, several=True, skip_existing=True).resumes
    tables = str(tmp_path / "tables")
    assert not OutputPlan.for_command(tables, jsonl_writer, several=True, tables=True, skip_existing=True).resumes


# -- convert_batch ----------------------------------------------------------------------------


def test_the_library_decides_a_folder_from_the_path(
    tmp_path: Path, json_writer: WriterSpec, jsonl_writer: WriterSpec
) -> None:
    assert OutputPlan.of(None, json_writer).target == "stdout"
    assert OutputPlan.of(tmp_path / "a.json", json_writer).target == "file"
    assert OutputPlan.of(tmp_path, json_writer).target == "folder"  # an existing folder
    assert OutputPlan.of(tmp_path / "new", json_writer, folder=True).target == "folder"
    assert OutputPlan.of(tmp_path, jsonl_writer, folder=False).target == "file"  # asked for: one file
    assert OutputPlan.of(tmp_path / "all.jsonl", jsonl_writer).gathered
    assert not OutputPlan.of(tmp_path, jsonl_writer).gathered
    sink = OutputPlan.of(tmp_path, None)
    assert (sink.target, sink.gathered, sink.extension) == ("tables", True, "")


def test_the_command_line_and_the_library_agree(tmp_path: Path, json_writer: WriterSpec) -> None:
    """The command line's plan is the library's, once ``-o``'s slash and the number of inputs
    have said whether it is a folder."""
    target = tmp_path / "out"
    cli = OutputPlan.for_command(f"{target}/", json_writer, several=True, force=True, naming="id")
    assert cli == OutputPlan.of(target, json_writer, folder=True, force=True, naming="id")


def test_the_plan_is_frozen(json_writer: WriterSpec) -> None:
    plan = OutputPlan.for_command(None, json_writer, several=False)
    with pytest.raises(AttributeError):
        plan.force = True  # type: ignore[misc]


# -- what the command line does with the plan ------------------------------------------------


def _article(tmp_path: Path, name: str, headline: str) -> Path:
    path = tmp_path / name
    text = articlekit.dumps(Article(headline=headline), "json")
    assert isinstance(text, str)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_command_line_reports_a_refusal_as_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _article(tmp_path, "a.json", "A"), _article(tmp_path, "b.json", "B")
    assert main(["convert", str(a), str(b)]) == 2
    assert capsys.readouterr().err == (
        "articlekit: error: several inputs need an output folder (-o DIR) or a multi-article format (--to jsonl)\n"
    )
    target = tmp_path / "out.json"
    target.write_bytes(b"kept")
    assert main(["convert", str(a), "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"articlekit: error: {target}: exists; use --force to overwrite it\n"
    assert target.read_bytes() == b"kept"


def test_the_command_line_writes_where_the_plan_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _article(tmp_path, "a.json", "A"), _article(tmp_path, "b.json", "B")
    out = tmp_path / "out"
    assert main(["convert", str(a), str(b), "-o", str(out), "--to", "json", "-q"]) == 0  # several: a folder
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["a.json", "b.json"]
    gathered = tmp_path / "all.jsonl"
    assert main(["convert", str(a), str(b), "-o", str(gathered), "-q"]) == 0  # the extension says jsonl
    assert [json.loads(line)["headline"] for line in gathered.read_text().splitlines()] == ["A", "B"]
    capsys.readouterr()


# -- the batch writes by the plan -------------------------------------------------------------


def test_a_batch_runs_its_steps_by_the_plan(tmp_path: Path) -> None:
    from articlekit.batch import Batch, Events, InputSet

    a, b = _article(tmp_path, "a.json", "A"), _article(tmp_path, "b.json", "B")
    out = tmp_path / "out"
    plan = OutputPlan.for_command(f"{out}/", _writer("json"), several=True)
    told: list[tuple[str, bool]] = []
    events = Events(on_progress=lambda item, failed: told.append((Path(item.path).name, failed)))
    result = Batch(plan, "json", events=events).run(InputSet([str(a), str(b)]))
    assert (result.converted, result.skipped, result.articles, result.failed) == (2, 0, 2, [])
    assert told == [("a.json", False), ("b.json", False)]
    assert json.loads((out / "b.json").read_text())["headline"] == "B"
    # resumed: the manifest says both are done, so accept turns them down and nothing is written
    resumed = OutputPlan.for_command(f"{out}/", _writer("json"), several=True, skip_existing=True)
    batch = Batch(resumed, "json")
    assert not any(batch.accept(item) for item in InputSet([str(a), str(b)]))
    result = batch.run(InputSet([str(a), str(b)]))
    assert (result.converted, result.skipped) == (0, 2)


def test_a_batch_says_what_is_wrong_with_how_it_is_used(tmp_path: Path) -> None:
    from articlekit.batch import Batch, InputSet

    with pytest.raises(ValueError, match="needs the sink"):
        Batch(OutputPlan.of(tmp_path / "tables", None), "parquet")  # no writer, and nothing to write the tables
    a = _article(tmp_path, "a.json", "A")
    batch = Batch(OutputPlan.of(tmp_path / "out", _writer("json"), folder=True), "json")
    assert batch.run(InputSet([str(a)])).converted == 1
    with pytest.raises(RuntimeError, match="has run already"):
        batch.run(InputSet([str(a)]))


def test_an_existing_output_force_cannot_replace_is_not_told_to_use_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _article(tmp_path, "a.json", "A")
    for forced in ([], ["--force"]):  # the same answer with --force and without
        for flag in ("-o", "--errors"):
            assert main(["convert", str(a), flag, os.devnull, *forced]) == 2
            assert capsys.readouterr().err == (
                f"articlekit: error: {os.devnull}: is a device or socket, not a regular file; "
                "only regular files are replaced (use -o - for stdout)\n"
            )


def test_the_tables_that_exist_say_force_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    a = _article(tmp_path, "a.json", "A")
    tables = tmp_path / "tables"
    assert main(["convert", str(a), "-o", f"{tables}/", "--to", "parquet", "-q"]) == 0
    assert main(["convert", str(a), "-o", f"{tables}/", "--to", "parquet", "-q"]) == 2
    assert capsys.readouterr().err.endswith("articles.parquet: exists; use --force to overwrite it\n")
