"""sitegen.site.theme_assets: overrides/ in front of the theme, its files under content-hashed names,
and the offline build's local polyfills. The built site is tested in tests/site and tests/deploy."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from sitegen.site import theme_assets
from sitegen.site.theme_assets import OVERRIDES, POLYFILLS, THEME_ASSETS

SHIM_URL = "https://unpkg.com/iframe-worker/shim"


def _config(tmp_path: Path):
    """What File.generated reads of MkDocs' config (outside a build no plugin is running)."""
    return SimpleNamespace(site_dir=str(tmp_path / "site"), use_directory_urls=True,
                           plugins=SimpleNamespace(_current_plugin=None))


def test_overrides_go_in_front_once():
    config = SimpleNamespace(theme=SimpleNamespace(dirs=["/material"]))
    theme_assets.add_overrides(config)
    theme_assets.add_overrides(config)
    assert config.theme.dirs == [str(OVERRIDES), "/material"]


def test_hashed_names_follow_the_content():
    data = b"body{}"
    digest = hashlib.sha256(data).hexdigest()[:8]
    assert theme_assets.hashed_name("assets/stylesheets/yb-site.css", data) == f"assets/stylesheets/yb-site.{digest}.css"
    assert theme_assets.hashed_name("a/x.js", b"1") != theme_assets.hashed_name("a/x.js", b"2")


def test_theme_assets_replace_the_plain_copies(tmp_path):
    config = _config(tmp_path)
    overrides = tmp_path / "overrides"
    for path in THEME_ASSETS:
        (overrides / path).parent.mkdir(parents=True, exist_ok=True)
        (overrides / path).write_text(f"/* {path} */")
    files = Files([File.generated(config, THEME_ASSETS[0], content="theme copy")])
    names = theme_assets.publish_hashed(files, config, overrides)
    assert set(names) == set(THEME_ASSETS)
    published = sorted(f.src_uri for f in files)
    assert published == sorted(names.values())
    for plain, hashed in names.items():
        assert hashed == theme_assets.hashed_name(plain, (overrides / plain).read_bytes())
        assert Path(files.get_file_from_path(hashed).abs_src_path) == overrides / plain


def test_the_repository_theme_assets_exist():
    assert all((OVERRIDES / path).is_file() for path in THEME_ASSETS)


def test_layout_files_are_the_config_and_the_overrides(tmp_path):
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    files = theme_assets.layout_files(config)
    assert files[0] == tmp_path / "mkdocs.yml"
    assert OVERRIDES / THEME_ASSETS[1] in files


def test_the_offline_build_gets_local_polyfills():
    config = SimpleNamespace(extra={"polyfills": ["other.js", SHIM_URL]})
    assert not theme_assets.is_offline(config)
    theme_assets.local_polyfills(config)
    assert config.extra["polyfills"] == [*POLYFILLS, "other.js"]
    assert theme_assets.is_offline(config)


def test_the_public_build_keeps_its_polyfills():
    for extra in ({}, {"polyfills": ["other.js"]}):
        config = SimpleNamespace(extra=dict(extra))
        theme_assets.local_polyfills(config)
        assert config.extra == extra and not theme_assets.is_offline(config)


def test_polyfills_are_copied_into_the_site(tmp_path):
    theme_assets.copy_polyfills(tmp_path)
    for dest, source in POLYFILLS.items():
        assert (tmp_path / dest).read_bytes() == source.read_bytes()
