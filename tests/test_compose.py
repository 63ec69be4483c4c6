"""docker-compose.yml mounts what the scripts use: the same config, addons and data."""

import configparser

import yaml
from conftest import ROOT


def load():
    with open(ROOT / "docker-compose.yml", encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    conf = configparser.ConfigParser()
    conf.read(ROOT / "config" / "odoo.conf")
    return compose, conf["options"]


def mounts(service):
    """{container path: source} of a service's volumes."""
    result = {}
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        result[target] = source
    return result


def test_images_are_postgres_16_and_odoo_18():
    compose, _ = load()
    assert compose["services"]["db"]["image"] == "postgres:16"
    assert compose["services"]["odoo"]["image"] == "odoo:18.0"


def test_odoo_uses_the_scripts_config_file():
    compose, _ = load()
    odoo = compose["services"]["odoo"]
    assert mounts(odoo)["/etc/odoo/odoo.conf"] == "./config/odoo.conf"
    assert "/etc/odoo/odoo.conf" in odoo["command"]


def test_every_addons_path_entry_is_mounted():
    compose, options = load()
    odoo_mounts = mounts(compose["services"]["odoo"])
    paths = [p.strip() for p in options["addons_path"].split(",")]
    assert odoo_mounts[paths[0]] == "./addons", "the suite's addons/ folder"
    for path in paths:
        assert path in odoo_mounts, f"{path} of addons_path is not mounted"
    oca = compose["services"]["oca-addons"]
    assert mounts(oca)["/mnt/oca-addons"] == odoo_mounts["/mnt/oca-addons"]
    assert "requirements.txt" in " ".join(mounts(oca).values())


def test_data_and_database_live_in_named_volumes():
    compose, options = load()
    named = set(compose["volumes"])
    assert mounts(compose["services"]["odoo"])[options["data_dir"]] in named
    assert mounts(compose["services"]["db"])["/var/lib/postgresql/data"] in named


def test_database_credentials_match_the_config():
    compose, options = load()
    assert options["db_host"] in compose["services"]
    env = compose["services"]["db"]["environment"]
    assert env["POSTGRES_USER"] == options["db_user"]
    assert env["POSTGRES_PASSWORD"] == options["db_password"]
    assert "db" in compose["services"]["odoo"]["depends_on"]


def test_oca_packages_the_compose_installs_are_pinned():
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    oca = [line for line in requirements if line.startswith("odoo-addon-")]
    assert oca, "requirements.txt names the OCA add-ons"
    assert all("==18.0." in line for line in oca), oca
