"""sitegen.compile.compiled: the digest follows every byte and name of the source files; a module's
recorded digest is read back; a file is written only when its text changes."""

from __future__ import annotations

from sitegen.compile.compiled import compiled_digest, digest_of, write_if_changed


def test_the_digest_changes_with_content_and_name_and_ignores_missing_files(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x: 1\n", encoding="utf-8")
    first = digest_of(tmp_path, [a, b])
    assert first == digest_of(tmp_path, [a])  # b does not exist
    a.write_text("x: 2\n", encoding="utf-8")
    assert digest_of(tmp_path, [a]) != first
    b.write_text("x: 2\n", encoding="utf-8")
    assert digest_of(tmp_path, [b]) != digest_of(tmp_path, [a])


def test_the_recorded_digest_and_writing_only_changes(tmp_path):
    target = tmp_path / "data.py"
    assert compiled_digest(target) is None
    text = 'SOURCE_DIGEST = "' + "0" * 64 + '"\n'
    assert write_if_changed(target, text) is True
    mtime = target.stat().st_mtime_ns
    assert write_if_changed(target, text) is False and target.stat().st_mtime_ns == mtime
    assert compiled_digest(target) == "0" * 64
