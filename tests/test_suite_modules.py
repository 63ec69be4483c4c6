"""Every suite module is installed by the test run and ships what its users need:
a complete zh_CN translation, its .pot, README fragments and a row in README.md."""

import ast
import re

import polib
import pytest
from conftest import ROOT, psql

MODULES = sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))


def manifest(module):
    return ast.literal_eval((ROOT / "addons" / module / "__manifest__.py").read_text())


@pytest.mark.parametrize("module", MODULES)
def test_module_is_installed_in_the_test_database(test_db, module):
    state = psql(f"SELECT state FROM ir_module_module WHERE name = '{module}'", db=test_db)
    assert state == "installed"


@pytest.mark.parametrize("module", MODULES)
def test_manifest_names_author_license_and_version(module):
    data = manifest(module)
    assert data["author"] == "Marketing Suite Engineers"
    assert data["license"] == "LGPL-3"
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data.get("installable", True)


@pytest.mark.parametrize("module", MODULES)
def test_chinese_translation_is_complete(module):
    i18n = ROOT / "addons" / module / "i18n"
    pot = polib.pofile(str(i18n / f"{module}.pot"))
    po = polib.pofile(str(i18n / "zh_CN.po"))
    translated = {e.msgid: e.msgstr for e in po if not e.obsolete and "fuzzy" not in e.flags}
    missing = [e.msgid for e in pot if not translated.get(e.msgid)]
    assert not missing, f"{module}: {len(missing)} terms without a zh_CN translation: {missing[:5]}"


@pytest.mark.parametrize("module", MODULES)
def test_translation_keeps_placeholders(module):
    po = polib.pofile(str(ROOT / "addons" / module / "i18n" / "zh_CN.po"))
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    for entry in po:
        if entry.msgstr:
            assert sorted(placeholder.findall(entry.msgid)) == sorted(
                placeholder.findall(entry.msgstr)
            ), entry.msgid


@pytest.mark.parametrize("module", MODULES)
def test_readme_fragments_and_module_table(module):
    readme = ROOT / "addons" / module / "readme"
    for fragment in ("DESCRIPTION.md", "USAGE.md"):
        assert (readme / fragment).read_text().strip(), f"{module}/readme/{fragment}"
    assert f"| `{module}` |" in (ROOT / "README.md").read_text()


def test_the_repository_explains_itself():
    """Readers find the business rules in the repository: nothing sends them outside it."""
    rules = (ROOT / "docs" / "BUSINESS_RULES.md").read_text()
    for rule in ("C5", "T7", "T10", "U6", "D7", "V2", "X1", "S12", "B3", "M5", "F1"):
        assert f"**{rule}**" in rules, rule
    texts = [ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("addons/*/readme/*.md")]
    for path in texts:
        text = path.read_text()
        assert "../shared" not in text and "DOMAIN.md" not in text, path
