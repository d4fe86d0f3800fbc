"""Helper (no tests): a hostile article set for the HTML tests, with markup in the text,
file name, outlet and attribution, built in a temp dir (a file name cannot hold "/"
but an outlet can)."""

from __future__ import annotations

from pathlib import Path

NAME = "<script>alert(1)<img src=x onerror=alert(1)>.txt"
OUTLET = "</script><script>window.__pwned=1</script>"
TEXT = (
    "Selon <script>window.__pwned=1;alert(1)</script> le ministère, environ 175 000 soldats "
    "russes sont déployés près de la frontière ukrainienne.\n"
    '<img src=x onerror="window.__pwned=1;alert(1)"> Mais selon les services '
    "<b onmouseover=alert(1)>ukrainiens</b>, plus de 300 000 soldats russes sont déployés "
    "près de la frontière ukrainienne.\n"
)


def write_hostile(folder: Path) -> Path:
    (folder / NAME).write_text(TEXT, encoding="utf-8")
    (folder / "clean.txt").write_text(
        "Le journal affirme que 100 XNUMX soldats russes sont stationnés près de la "
        "frontière ukrainienne.\n", encoding="utf-8")
    (folder / "sources.csv").write_text(
        "file,outlet,published,language\n"
        f'"{NAME}","{OUTLET}",2022-01-05,fr\n'
        "clean.txt,Le <i>Journal</i>,2022-01-06,fr\n", encoding="utf-8")
    return folder
