"""docker-compose.prod.yml wires the production profile as README.md describes it: nginx
in front, /websocket to Odoo's gevent port and the rest to the HTTP workers, every
application container on the same addons, config and filestore, each HTTP port listening
with the suite's listen backlog, cron in exactly one of them, and a PostgreSQL 16
streaming replica of the primary for the read-only traffic."""

import ast
import configparser
import re

import pytest
import yaml
from conftest import ROOT
from test_compose import mounts

COMPOSE = ROOT / "docker-compose.prod.yml"
ODOO_CONF = "/etc/odoo/odoo.conf"


@pytest.fixture(scope="module")
def compose():
    with open(COMPOSE, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def options():
    conf = configparser.ConfigParser()
    conf.read(ROOT / "config" / "odoo.prod.conf")
    return conf["options"]


@pytest.fixture(scope="module")
def nginx(compose):
    """(upstreams {name: [(host, port)]}, locations {path: body}, server body) of the
    nginx configuration the proxy service mounts."""
    source = mounts(compose["services"]["nginx"])["/etc/nginx/conf.d/default.conf"]
    text = re.sub(r"#[^\n]*", "", (ROOT / source).read_text(encoding="utf-8"))
    upstreams = {
        name: [(host, int(port)) for host, port in re.findall(r"server\s+([\w.-]+):(\d+)", body)]
        for name, body in re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", text)
    }
    locations = dict(re.findall(r"location\s+(\S+)\s*\{([^}]*)\}", text))
    return upstreams, locations, text


def odoo_services(compose):
    """Application containers: the services that run Odoo with the production config."""
    return {
        name: service
        for name, service in compose["services"].items()
        if ODOO_CONF in mounts(service)
    }


def proxied_upstream(locations, path):
    (upstream,) = re.findall(r"proxy_pass\s+http://(\w+)\s*;", locations[path])
    return upstream


def directive(text, name):
    (value,) = re.findall(rf"\b{name}\s+([^;]+);", text)
    return value.strip()


def seconds(value):
    return int(value.removesuffix("s"))


def test_two_application_containers_on_the_official_images(compose):
    apps = odoo_services(compose)
    assert sorted(apps) == ["odoo-1", "odoo-2"]
    assert all(service["image"] == "odoo:18.0" for service in apps.values())
    assert compose["services"]["db"]["image"] == "postgres:16"
    assert compose["services"]["db-replica"]["image"] == "postgres:16"
    assert compose["services"]["nginx"]["image"].startswith("nginx:")


def test_proxy_routes_websocket_to_gevent_and_the_rest_to_http(compose, options, nginx):
    upstreams, locations, _text = nginx
    apps = sorted(odoo_services(compose))
    websocket = proxied_upstream(locations, "/websocket")
    http = proxied_upstream(locations, "/")
    assert sorted(upstreams[websocket]) == [(app, int(options["gevent_port"])) for app in apps]
    assert sorted(upstreams[http]) == [(app, int(options["http_port"])) for app in apps]
    assert options["gevent_port"] != options["http_port"]
    assert "Upgrade $http_upgrade" in locations["/websocket"]
    assert "Connection $connection_upgrade" in locations["/websocket"]
    for path in ("/websocket", "/"):
        for header in ("X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
            assert f"proxy_set_header {header}" in locations[path], (path, header)
    assert options.getboolean("proxy_mode"), "Odoo trusts the proxy's X-Forwarded-* headers"
    assert compose["services"]["nginx"]["ports"] == ["80:80"]
    assert not any("ports" in service for service in odoo_services(compose).values())


def test_proxy_accepts_till_files_and_waits_as_long_as_odoo(options, nginx):
    _upstreams, _locations, text = nginx
    body = directive(text, "client_max_body_size")
    assert body.endswith("m") and int(body[:-1]) >= 100, body
    assert seconds(directive(text, "proxy_read_timeout")) >= int(options["limit_time_real"])
    assert seconds(directive(text, "proxy_send_timeout")) >= int(options["limit_time_real"])


def test_every_application_container_mounts_the_same_addons_config_and_filestore(compose, options):
    apps = odoo_services(compose)
    named = set(compose["volumes"])
    expected = mounts(apps["odoo-1"])
    assert expected[ODOO_CONF] == "./config/odoo.prod.conf"
    for path in (p.strip() for p in options["addons_path"].split(",")):
        assert path in expected, f"{path} of addons_path is not mounted"
    assert expected["/mnt/extra-addons"] == "./addons"
    assert expected[options["data_dir"]] in named, "the filestore is a named volume"
    for name, service in apps.items():
        assert mounts(service) == expected, name
    oca = compose["services"]["oca-addons"]
    assert oca["extends"] == {"file": "docker-compose.yml", "service": "oca-addons"}
    assert expected["/mnt/oca-addons"] == "oca-addons"


def test_workers_follow_the_cpu_count_and_cron_runs_in_exactly_one_container(compose, options):
    assert options["max_cron_threads"] == "0", "an added container runs no cron"
    cron = {}
    for name, service in odoo_services(compose).items():
        start = " ".join(service["entrypoint"])
        assert "--workers=$${ODOO_WORKERS:-$$((2 * $$(nproc) + 1))}" in start, name
        assert "/entrypoint.sh odoo -c /etc/odoo/odoo.conf" in start, name
        threads = [
            int(arg.split("=")[1])
            for arg in service.get("command") or []
            if arg.startswith("--max-cron-threads=")
        ]
        cron[name] = threads[-1] if threads else int(options["max_cron_threads"])
    assert [name for name, threads in cron.items() if threads > 0] == ["odoo-1"], cron


def test_every_process_loads_the_server_module_and_listens_with_the_backlog(compose, options):
    """marketing_server is loaded server-wide from the mounted addons, so the HTTP port of
    each container listens with listen_backlog instead of Odoo's 8 per HTTP worker."""
    loaded = [m.strip() for m in options["server_wide_modules"].split(",")]
    assert loaded[:2] == ["base", "web"], "Odoo's own server-wide modules stay"
    assert "marketing_server" in loaded
    manifest = ast.literal_eval((ROOT / "addons/marketing_server/__manifest__.py").read_text())
    assert manifest["post_load"] == "post_load"
    for name, service in odoo_services(compose).items():
        assert mounts(service)["/mnt/extra-addons"] == "./addons", name
        assert "--load" not in " ".join(service["entrypoint"] + service["command"]), name
    backlog = int(options["listen_backlog"])
    # above Odoo's 8 per worker of a 4-CPU container (2 x 4 + 1 workers), within the
    # kernel's default net.core.somaxconn
    assert 8 * (2 * 4 + 1) < backlog <= 4096, backlog


def test_replica_follows_the_primary_and_odoo_reads_from_it(compose, options):
    services = compose["services"]
    primary, replica = services[options["db_host"]], services[options["db_replica_host"]]
    assert options["db_host"] == "db" and options["db_replica_host"] == "db-replica"
    assert replica["environment"]["PRIMARY_HOST"] == options["db_host"]
    assert replica["depends_on"][options["db_host"]]["condition"] == "service_healthy"
    password = primary["environment"]["REPLICATION_PASSWORD"]
    assert replica["environment"]["REPLICATION_PASSWORD"] == password
    script = mounts(replica)[replica["entrypoint"][0]]
    text = (ROOT / script).read_text(encoding="utf-8")
    assert 'pg_basebackup --host "$PRIMARY_HOST"' in text
    assert "--write-recovery-conf" in text, "the copy starts as a standby of the primary"
    init = mounts(primary)["/docker-entrypoint-initdb.d/10-replication.sh"]
    init_text = (ROOT / init).read_text(encoding="utf-8")
    assert "WITH REPLICATION LOGIN" in init_text
    assert "host replication replicator all" in init_text

    def max_connections(service):
        return next(
            int(arg.split("=")[1])
            for arg in service["command"]
            if arg.startswith("max_connections=")
        )

    assert max_connections(replica) >= max_connections(primary), "a hot standby needs as many"
    assert "pg_is_in_recovery()" in " ".join(replica["healthcheck"]["test"])
    for name in odoo_services(compose):
        assert services[name]["depends_on"]["db-replica"]["condition"] == "service_healthy"
    named = set(compose["volumes"])
    assert mounts(primary)["/var/lib/postgresql/data"] in named
    assert mounts(replica)["/var/lib/postgresql/data"] in named
    assert (
        mounts(primary)["/var/lib/postgresql/data"] != mounts(replica)["/var/lib/postgresql/data"]
    )


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name == "oca-addons":
            continue
        assert service["healthcheck"]["test"], name
        assert service["restart"] == "unless-stopped", name


def test_readme_describes_this_compose_file(compose, options, nginx):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Production deployment", 1)[1].split("\n## ", 1)[0]
    section = " ".join(section.split())
    _upstreams, _locations, text = nginx
    services = compose["services"]
    assert "docker compose -f docker-compose.prod.yml up -d" in section
    assert f"`{services['nginx']['image']}`" in section
    assert f"port {options['gevent_port']} (Odoo's gevent process)" in section
    assert f"port {options['http_port']} (HTTP workers)" in section
    body_mb = int(directive(text, "client_max_body_size").removesuffix("m"))
    assert f"uploads up to {body_mb} MB" in section
    timeout = seconds(directive(text, "proxy_read_timeout"))
    assert f"a request may run {timeout:,} s" in section
    assert f"(`{services['odoo-1']['command'][0]}`" in section
    assert "`max_cron_threads = 0` of the config file" in section
    assert f"`db_replica_host = {options['db_replica_host']}`" in section
    assert f"The database is `{options['db_name']}`" in section
    assert "within `max_connections=300` of both databases" in section
    assert f"`server_wide_modules = {options['server_wide_modules']}`" in section
    assert f"`listen_backlog = {options['listen_backlog']}`" in section
    assert "max_connections=300" in services["db"]["command"]
    assert "max_connections=300" in services["db-replica"]["command"]
    modules = sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))
    (installed,) = re.findall(r"-i ([\w,]+)", section)
    assert sorted(installed.split(",")) == modules, "the create command installs every module"
    for name in compose["services"]:
        assert f"`{name}`" in section, f"README's production section does not name {name}"
    for volume in compose["volumes"]:
        assert f"`{volume}`" in section, f"README's production section does not name {volume}"
